// The queue stub: lets the page call Parley(...) before loader.js has arrived.
window.Parley =
  window.Parley ||
  function () {
    (window.Parley.q = window.Parley.q || []).push(arguments);
  };

function logEvent(text) {
  const item = document.createElement('li');
  item.textContent = text; // text, never HTML
  document.getElementById('event-log')?.append(item);
}

Parley('on', 'ready', () => logEvent('ready'));
Parley('on', 'open', () => logEvent('open'));
Parley('on', 'close', () => logEvent('close'));
Parley('on', 'message', (m) => logEvent(`message #${m.seq} from ${m.author.kind}: ${m.text}`));
Parley('on', 'unread', (n) => logEvent(`unread: ${n}`));
Parley('on', 'error', (e) => logEvent(`error: ${e.code}`));
Parley('on', 'locale', (c) => logEvent(`locale: ${c.locale} (${c.source})`));

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('api-open')?.addEventListener('click', () => Parley('open'));
  document.getElementById('api-close')?.addEventListener('click', () => Parley('close'));
  document.getElementById('api-send')?.addEventListener('click', () => Parley('send', 'Where is my order?'));
});
