import type { ComponentChildren } from 'preact';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { ConversationContext, ConversationSummary, TranslationState } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { countryName, formatClock, formatDate, formatStamp, formatWeekdayClock, isValidTimeZone, languageName } from '../i18n/format.ts';
import { intentLabel, orderProblem } from './labels.ts';
import { TranslationSection } from './TranslationSection.tsx';

interface ContextPanelProps {
  summary: ConversationSummary;
  context: ConversationContext;
  now: number;
  lang: string;
  timeZone: string;
  onOpenEarlier: (id: string) => void;
  translation: TranslationState | undefined;
  onTranslationSwitch: (isOff: boolean) => Promise<unknown>;
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Only http(s) pages become links; anything else (javascript:, data:) stays plain text. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything beside the messages that helps answer well: which language and why, where the
 * shopper is and what time it is there, who they are, what they asked before, their orders.
 */
export function ContextPanel({ summary, context, now, lang, timeZone, onOpenEarlier, translation, onTranslationSwitch }: ContextPanelProps) {
  const shopperZone = isValidTimeZone(context.timeZone) ? context.timeZone : undefined;
  const href = context.pageUrl ? safeHref(context.pageUrl) : undefined;
  const bot = summary.botSummary;
  return (
    <aside class="context" aria-labelledby="context-heading">
      <h2 id="context-heading">{t('ctx.heading')}</h2>
      {translation ? <TranslationSection state={translation} lang={lang} onSwitch={onTranslationSwitch} /> : null}
      <dl>
        <Row label={t('ctx.locale')}>
          {languageName(context.locale, lang)} <span class="code">{context.locale}</span>
          {context.localeSource ? (
            <span class="why">
              {t('ctx.localeWhy')}: {t(`ctx.source.${context.localeSource}`)}
            </span>
          ) : null}
          {context.localeCandidates && context.localeCandidates.length > 0 ? (
            <details class="candidates">
              <summary>{t('ctx.candidates')}</summary>
              <ul>
                {context.localeCandidates.map((candidate) => (
                  <li key={candidate.source}>
                    {t(`ctx.source.${candidate.source}`)}: <span class="code">{candidate.tags.join(', ')}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </Row>
        <Row label={t('ctx.country')}>{context.country ? countryName(context.country, lang) : t('ctx.unknown')}</Row>
        <Row label={t('ctx.region')}>
          <span class="code">{context.region.toUpperCase()}</span>
        </Row>
        <Row label={t('ctx.localTime')}>
          {shopperZone ? (
            <>
              <strong>{formatWeekdayClock(new Date(now), lang, shopperZone)}</strong> <span class="code">{shopperZone}</span>
              <span class="why">{t('ctx.yourTime', { time: formatClock(new Date(now), lang, timeZone) })}</span>
            </>
          ) : (
            t('ctx.unknown')
          )}
        </Row>
        {context.pageUrl ? (
          <Row label={t('ctx.page')}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" class="url">
                {context.pageUrl}
              </a>
            ) : (
              <span class="url">{context.pageUrl}</span>
            )}
          </Row>
        ) : null}
        <Row label={t('ctx.user')}>
          {context.identity ? (
            <>
              {context.identity.name ? <strong dir="auto">{neutraliseBidi(context.identity.name)}</strong> : null}
              {context.identity.email ? <span class="why">{context.identity.email}</span> : null}
              <span class="code">{context.identity.userId}</span>
            </>
          ) : (
            t('ctx.anonymous')
          )}
        </Row>
        {summary.handoffReason ? <Row label={t('ctx.handoff')}>{t(`handoff.${summary.handoffReason}`)}</Row> : null}
        {bot && (bot.intent || bot.orderNumber || bot.country) ? (
          <Row label={t('ctx.botSummary')}>
            <ul class="plain">
              {bot.intent ? <li>{t('ctx.summaryIntent')}: {intentLabel(bot.intent)}</li> : null}
              {bot.orderNumber ? <li>{t('ctx.summaryOrder')}: <span class="code">{bot.orderNumber}</span></li> : null}
              {bot.country ? <li>{t('ctx.summaryCountry')}: {countryName(bot.country, lang)}</li> : null}
            </ul>
          </Row>
        ) : null}
        {context.tickets.length > 0 ? (
          <Row label={t('ctx.tickets')}>
            <ul class="plain">
              {context.tickets.map((ticket) => (
                <li key={ticket.id}>
                  <span class="masked-inline" dir="ltr">{ticket.email}</span>{' '}
                  <time class="why" dateTime={ticket.createdAt}>{formatStamp(ticket.createdAt, lang, timeZone)}</time>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        <Row label={t('ctx.orders')}>
          {context.orders.length === 0 ? (
            t('ctx.none')
          ) : (
            <ul class="plain">
              {context.orders.map((order) => (
                <li key={order.number}>
                  <span class="code">{order.number}</span> {order.status ? <span class="chip">{order.status}</span> : null}
                  {order.summary ? <span class="why" dir="auto">{order.summary}</span> : null}
                  {order.error ? <span class="why error">{orderProblem(order.error)}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label={t('ctx.earlier')}>
          {context.earlier.length === 0 ? (
            t('ctx.none')
          ) : (
            <ul class="plain">
              {context.earlier.map((earlier) => (
                <li key={earlier.id}>
                  <button type="button" class="link" onClick={() => onOpenEarlier(earlier.id)}>
                    {formatDate(earlier.createdAt, lang, timeZone)}
                  </button>{' '}
                  <span class="chip">{t(`status.${earlier.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
    </aside>
  );
}
