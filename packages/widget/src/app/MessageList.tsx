import { useEffect, useRef } from 'preact/hooks';
import type { Message, QuickReply } from '@parley/client';
import { neutraliseBidi } from '@parley/protocol/display-text';
import { TranslatedText } from './TranslatedText.tsx';
import type { OutgoingMessage } from './widget-store.ts';

interface MessageListProps {
  messages: Message[];
  /** An agent has read up to this seq. */
  agentReadSeq: number;
  outgoing: OutgoingMessage[];
  strings: Record<string, string>;
  /** Who the bot is to the shopper: the shop's assistant, in this locale. */
  assistantName: string | undefined;
  avatarUrl: string | undefined;
  onRetry: (clientMsgId: string) => void;
  onQuickReply: (reply: QuickReply) => void;
}

/**
 * The conversation as an ARIA `log`: screen readers announce new messages politely. Text is
 * rendered as text (Preact escapes it), never as HTML. Each text gets `dir="auto"`, so an
 * English sentence in an Arabic panel (or the reverse) keeps its own direction and punctuation,
 * and is its own isolated bidi run: one message cannot reorder its neighbours. Names and texts
 * pass through neutraliseBidi, so override characters cannot show "fdp.exe" as "exe.pdf".
 */
export function MessageList({ messages, agentReadSeq, outgoing, strings, assistantName, avatarUrl, onRetry, onQuickReply }: MessageListProps) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length, outgoing.length]);
  // "Sent" under the shopper's latest stored message only, as messengers do: quiet but certain.
  // (A reverse scan, not findLast: the widget still supports Safari < 15.4.)
  // Once an agent has read it, "Seen" takes its place (the text changes in place, so the log
  // announces it once).
  let lastOwn: Message | undefined;
  for (let i = messages.length - 1; i >= 0 && !lastOwn; i -= 1) {
    if (messages[i]!.author.kind === 'visitor') lastOwn = messages[i];
  }
  const ownState = lastOwn && lastOwn.seq <= agentReadSeq ? strings['seen'] : strings['sent'];
  // Quick replies are live only under the newest message, until the shopper writes anything.
  const last = messages[messages.length - 1];
  const quickReplies = outgoing.length === 0 && last?.author.kind !== 'visitor' ? (last?.quickReplies ?? []) : [];
  return (
    <ol class="messages" role="log" aria-live="polite" aria-label={strings['title']}>
      {messages.map((message) => {
        const isOwn = message.author.kind === 'visitor';
        const isBot = message.author.kind === 'bot';
        // The bot speaks as the shop's assistant, whatever name an older gateway stored on it.
        const who = isOwn ? strings['you'] : ((isBot ? assistantName : undefined) ?? message.author.name ?? message.author.kind);
        const hasAvatar = isBot && Boolean(avatarUrl);
        return (
          <li key={message.id} class={isOwn ? 'message own' : hasAvatar ? 'message with-avatar' : 'message'} lang={message.locale}>
            {hasAvatar ? <img class="mini-avatar" src={avatarUrl} alt="" width={28} height={28} /> : null}
            <span class="author">
              <bdi>{neutraliseBidi(who ?? '')}</bdi>
            </span>
            <TranslatedText message={message} strings={strings} />
            {message === lastOwn ? <span class="state">{ownState}</span> : null}
            {message === last && quickReplies.length > 0 ? (
              <div class="quick" role="group" aria-label={strings['quickReplies']}>
                {quickReplies.map((reply) => (
                  <button key={reply.id} type="button" class="chip" onClick={() => onQuickReply(reply)}>
                    {neutraliseBidi(reply.label)}
                  </button>
                ))}
              </div>
            ) : null}
          </li>
        );
      })}
      {outgoing.map((item) => (
        <li key={item.clientMsgId} class={`message own ${item.state}`}>
          <span class="author">{strings['you']}</span>
          <p class="text" dir="auto">
            {neutraliseBidi(item.text)}
          </p>
          {item.state === 'sending' ? (
            <span class="state">{strings['sending']}</span>
          ) : (
            <span class="state">
              {strings['failed']}{' '}
              <button type="button" class="retry" onClick={() => onRetry(item.clientMsgId)}>
                {strings['retry']}
              </button>
            </span>
          )}
        </li>
      ))}
      <li ref={end} class="end" aria-hidden="true" />
    </ol>
  );
}
