import type { AgentPresence, ConversationSummary } from '@parley/protocol';
import { neutraliseBidi } from '@parley/protocol/display-text';
import { t } from '../i18n/i18n.ts';
import { countryName, formatStamp } from '../i18n/format.ts';
import { MaskedInline } from '../conversation/MaskedText.tsx';
import { isMe } from '../conversation/timeline-logic.ts';
import type { Me } from '../conversation/timeline-logic.ts';
import { slaLabel, slaState, waitingLabel } from './inbox-logic.ts';

interface InboxRowProps {
  summary: ConversationSummary;
  meId: string;
  meName: string;
  team: AgentPresence[];
  now: number;
  lang: string;
  /** The agent's time zone, for "snoozed until". */
  timeZone: string;
  isSelected: boolean;
  isOpen: boolean;
  isUnread: boolean;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
}

function assigneeText(summary: ConversationSummary, meId: string, team: AgentPresence[]): string {
  if (summary.assigneeId === null) return t('row.unassigned');
  if (summary.assigneeId === meId) return t('row.assignee', { name: t('row.you') });
  const name = neutraliseBidi(team.find((agent) => agent.agentId === summary.assigneeId)?.name ?? t('row.unknownAgent'));
  return t('row.assignee', { name });
}

/** Who wrote the last message, when it was not the shopper: "You", a colleague, the bot. */
function lastAuthor(summary: ConversationSummary, me: Me): string | undefined {
  const author = summary.lastMessage?.author;
  if (!author || author.kind === 'visitor') return undefined;
  if (author.kind === 'bot') return t('conv.bot');
  if (author.kind === 'system') return t('conv.system');
  return isMe(author, me) ? t('row.byYou') : neutraliseBidi(author.name ?? t('row.unknownAgent'));
}

/**
 * One conversation in the list: who (language, country), the last message as text, why it
 * came to people, how long the shopper has waited and how long is left on the SLA.
 */
export function InboxRow({ summary, meId, meName, team, now, lang, timeZone, isSelected, isOpen, isUnread, onOpen, onFocusRow }: InboxRowProps) {
  const sla = slaState(summary, now);
  const slaText = slaLabel(sla, lang);
  const slaClass = sla.kind === 'overdue' ? 'sla overdue' : sla.kind === 'left' && sla.isSoon ? 'sla soon' : 'sla';
  const waiting = waitingLabel(summary, now, lang);
  const last = summary.lastMessage;
  const by = lastAuthor(summary, { agentId: meId, name: meName });
  return (
    <li class="row-item">
      <button
        type="button"
        class={`row${isSelected ? ' selected' : ''}${isOpen ? ' open' : ''}${isUnread ? ' unread' : ''}`}
        data-row-id={summary.id}
        tabIndex={isSelected ? 0 : -1}
        aria-current={isOpen ? 'true' : undefined}
        onClick={() => onOpen(summary.id)}
        onFocus={() => onFocusRow(summary.id)}
      >
        <span class="row-top">
          <span class="row-who">
            <span class="lang-tag" lang="en">{summary.locale}</span>
            {summary.country ? <span class="row-country" title={countryName(summary.country, lang)}>{countryName(summary.country, lang)}</span> : null}
            <span class="row-site">{summary.siteKey}</span>
          </span>
          {waiting ? <span class="row-waiting">{waiting}</span> : null}
        </span>
        <span class="row-text" dir="auto" lang={summary.locale}>
          {isUnread ? <span class="unread-dot" aria-label={t('row.new')} /> : null}
          {/* Its own dir keeps "You" out of the direction guess for the message text. */}
          {by ? <span class="row-author" dir="auto">{by}</span> : null}
          {last ? <MaskedInline text={last.text} /> : t('row.noMessage')}
        </span>
        <span class="row-meta">
          {summary.handoffReason ? <span class="chip handoff">{t(`handoff.${summary.handoffReason}`)}</span> : null}
          {slaText ? <span class={slaClass}>{slaText}</span> : null}
          {summary.botSummary?.hasTicket ? <span class="chip ticket">{t('row.ticket')}</span> : null}
          {summary.status === 'snoozed' && summary.snoozedUntil ? (
            <span class="chip">{t('row.snoozedUntil', { time: formatStamp(summary.snoozedUntil, lang, timeZone, new Date(now)) })}</span>
          ) : summary.status !== 'open' ? (
            <span class="chip">{t(`status.${summary.status}`)}</span>
          ) : null}
          {summary.channel !== 'widget' ? <span class="chip">{t(`channel.${summary.channel}`)}</span> : null}
          <span class={summary.assigneeId === null ? 'assignee none' : 'assignee'}>{assigneeText(summary, meId, team)}</span>
        </span>
      </button>
    </li>
  );
}
