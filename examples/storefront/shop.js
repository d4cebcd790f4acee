// A pretend cart, so the page behaves like a shop while the widget sits on top of it.
document.addEventListener('DOMContentLoaded', () => {
  let count = 0;
  const counter = document.getElementById('cart-count');
  for (const button of document.querySelectorAll('.add-to-cart')) {
    button.addEventListener('click', () => {
      count += 1;
      if (counter) counter.textContent = String(count);
    });
  }
});
