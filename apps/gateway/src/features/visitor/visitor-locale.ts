import { detectLanguage, negotiateLocale, textDirection } from '@parley/culture';
import type { LocaleDecision, LocaleHints, ReplyTemplates } from '@parley/culture';
import type { LocaleChanged } from '@parley/protocol';
import type { Site } from '../../sites/site.ts';
import { isOpen } from '@parley/knowledge';
import { sessionBranding } from '../../sites/site-branding.ts';
import { hoursFor } from '../bot/handoff-plan.ts';
import { widgetStringsFor } from '../../sites/site-texts.ts';

/** A visitor's locale: the hints from the handshake (plus their writing) and the decision. */
export interface VisitorLocale {
  hints: LocaleHints;
  decision: LocaleDecision;
}

/** Negotiates a visitor's locale from its hints. */
export function decideLocale(hints: LocaleHints): VisitorLocale {
  return { hints, decision: negotiateLocale(hints) };
}

/**
 * Folds one shopper message into the locale: when its language is detected reliably, it joins
 * the chain as the shopper's own writing (below an explicit choice, above page and browser).
 * Short or ambiguous text ("ok", "thanks") changes nothing.
 */
export function localeAfterMessage(current: VisitorLocale, text: string): { next: VisitorLocale; hasChanged: boolean } {
  const detection = detectLanguage(text);
  if (!detection.isReliable || detection.lang === current.hints.written) return { next: current, hasChanged: false };
  const next = decideLocale({ ...current.hints, written: detection.lang });
  const hasChanged = next.decision.locale !== current.decision.locale || next.decision.source !== current.decision.source;
  return { next: hasChanged ? next : { ...current, hints: next.hints }, hasChanged };
}

/**
 * What the widget needs to speak `locale` and look like the shop: the decision, direction, the
 * site's UI strings, and its branding in that locale (assistant name, reply time in words).
 * Sent with every session and every locale change, so a switch renames the assistant too; the
 * shop's reply time only while the shopper's market team is in.
 */
export function localePayload(site: Site, locale: VisitorLocale, templates: ReplyTemplates, shopper: { country: string | undefined; now: Date }): LocaleChanged {
  const { decision } = locale;
  const hours = hoursFor(site, shopper.country);
  return {
    locale: decision.locale,
    localeSource: decision.source,
    localeCandidates: decision.candidates,
    dir: textDirection(decision.locale),
    strings: widgetStringsFor(site, decision.locale, templates),
    branding: sessionBranding(site, decision.locale, templates, { isTeamIn: !hours || isOpen(hours, shopper.now) }),
  };
}
