import { useEffect, useRef } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { Message, Note, TranslationState } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { formatClock, formatStamp } from '../i18n/format.ts';
import { intentLabel } from './labels.ts';
import { MessageBody } from './MessageBody.tsx';
import { authorLabel, isMe, lastSeenAgentSeq, mergeTimeline } from './timeline-logic.ts';
import type { Me } from './timeline-logic.ts';
import { messageView } from './translation-view.ts';
import type { LateTranslations } from './translation-view.ts';

interface MessageLogProps {
  messages: Message[];
  notes: Note[];
  me: Me;
  canReveal: boolean;
  visitorReadSeq: number;
  lang: string;
  timeZone: string;
  /** The shopper's time zone: their messages show their local time beside the agent's. */
  shopperTimeZone: string | undefined;
  onReveal: (messageId: string, index: number, reason: string) => Promise<string>;
  /** How the conversation translates for me: shopper messages show in my language. */
  translation: TranslationState | undefined;
  late: LateTranslations;
}

/**
 * The conversation as an ARIA `log` named "Messages": new entries are announced politely.
 * Every text is a text node (never HTML) with `dir="auto"`, so Arabic lines read right to left
 * inside a left-to-right console, and the reverse, each its own isolated bidi run; names and
 * texts pass through neutraliseBidi (overrides removed, so "abc‮fdp.exe" reads as typed).
 */
export function MessageLog({ messages, notes, me, canReveal, visitorReadSeq, lang, timeZone, shopperTimeZone, onReveal, translation, late }: MessageLogProps) {
  const log = useRef<HTMLOListElement>(null);
  const items = mergeTimeline(messages, notes);
  const seenSeq = lastSeenAgentSeq(messages, visitorReadSeq);
  // Follow the newest entry (scrolling the log, not the page) while the agent is at the bottom,
  // also when the log itself gets shorter: the "replied just now" warning above the composer
  // must not hide the colleague's reply it is about. Scrolled up to read, they stay put.
  const isPinned = useRef(true);
  useEffect(() => {
    const element = log.current;
    if (!element) return;
    // Only the agent scrolling up unpins: a scroll event that lands after the content grew
    // again (a translation replacing "Translating…") must not read as "they scrolled away".
    let lastTop = element.scrollTop;
    const onScroll = () => {
      if (element.scrollHeight - element.scrollTop - element.clientHeight < 48) isPinned.current = true;
      else if (element.scrollTop < lastTop) isPinned.current = false;
      lastTop = element.scrollTop;
    };
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => {
      if (isPinned.current) element.scrollTop = element.scrollHeight;
    });
    observer?.observe(element);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer?.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, []);
  // A translation arriving (or failing) changes an entry's height, not the log's: follow it too.
  useEffect(() => {
    if (log.current && isPinned.current) log.current.scrollTop = log.current.scrollHeight;
  }, [items.length, late]);
  const showTheirTime = shopperTimeZone !== undefined && shopperTimeZone !== timeZone;
  const viewContext = { agentLang: translation?.agentLang, shopperLang: translation?.shopperLang, isActive: translation?.isActive ?? false, late };

  return (
    <ol ref={log} class="log" tabIndex={0} role="log" aria-live="polite" aria-label={t('conv.messages')}>
      {items.map((item) => {
        if (item.kind === 'note') {
          const { note } = item;
          return (
            <li key={`n-${note.id}`} class="entry note">
              <span class="entry-head">
                <span class="note-label">{t('conv.note')}</span>
                <bdi class="author">{authorLabel(note.author, me)}</bdi>
                <time dateTime={note.createdAt}>{formatStamp(note.createdAt, lang, timeZone)}</time>
              </span>
              <p class="text" dir="auto">
                {neutraliseBidi(note.text)}
              </p>
            </li>
          );
        }
        const { message } = item;
        const kind = message.author.kind;
        return (
          <li key={message.id} class={`entry msg ${kind}${isMe(message.author, me) ? ' mine' : ''}`} lang={message.locale} data-message-id={message.id}>
            <span class="entry-head" lang={lang}>
              <bdi class="author">{authorLabel(message.author, me)}</bdi>
              <time dateTime={message.createdAt}>{formatStamp(message.createdAt, lang, timeZone)}</time>
              {kind === 'visitor' && showTheirTime ? (
                <span class="their-time">{t('conv.theirTime', { time: formatClock(new Date(message.createdAt), lang, shopperTimeZone) })}</span>
              ) : null}
            </span>
            <MessageBody
              message={message}
              view={messageView(message, viewContext)}
              canReveal={canReveal}
              uiLang={lang}
              onReveal={(index, reason) => onReveal(message.id, index, reason)}
            />
            {message.bot ? (
              <span class="bot-meta" lang={lang}>
                <span class="chip intent" title={t('conv.intent')}>
                  <span class="visually-hidden">{t('conv.intent')}: </span>
                  {intentLabel(message.bot.intent)}
                </span>
                <span class="chip template" title={t('conv.template')}>
                  <span class="visually-hidden">{t('conv.template')}: </span>
                  {message.bot.templateKey}
                </span>
              </span>
            ) : null}
            {message.seq === seenSeq ? (
              <span class="seen" lang={lang}>
                {t('conv.seen')}
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
