import i18next from 'i18next';
import type { i18n } from 'i18next';
import { RESOURCES } from './resources.ts';
import { SUPPORTED_LOCALES, textDirection } from './supported-locales.ts';
import type { SupportedLocale } from './supported-locales.ts';

/** A rendered reply: text plus what the UI needs to show it right. */
export interface RenderedReply {
  key: string;
  locale: SupportedLocale;
  text: string;
  dir: 'ltr' | 'rtl';
}

/** Values interpolated into templates; numbers and dates are formatted by Intl via i18next. */
export type TemplateValues = Record<string, string | number | Date>;

/**
 * Renders reply templates and widget strings through one i18next instance. Keys are meanings
 * (`greeting`), never English sentences. There is no fallback language on purpose: a missing key
 * in a supported locale is a bug the resource test catches, not a silent switch to English.
 *
 * @example
 * const templates = createReplyTemplates();
 * templates.reply('de-DE', 'greeting', { siteName: 'Nordlicht' }).text
 * // → 'Guten Tag und willkommen bei Nordlicht! Wie können wir Ihnen helfen?'
 */
export function createReplyTemplates(): ReplyTemplates {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: RESOURCES,
    ns: ['replies', 'widget'],
    defaultNS: 'replies',
    supportedLngs: [...SUPPORTED_LOCALES],
    lng: 'en-US',
    fallbackLng: false,
    load: 'currentOnly',
    initAsync: false,
    // Replies are shown as text by the widget, never as HTML, so no HTML escaping here.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return new ReplyTemplates(instance);
}

/** See createReplyTemplates. */
export class ReplyTemplates {
  readonly #i18n: i18n;

  constructor(instance: i18n) {
    this.#i18n = instance;
  }

  /** Renders a reply template (`replies` namespace) in `locale`. */
  reply(locale: SupportedLocale, key: string, values: TemplateValues = {}): RenderedReply {
    const text = this.#i18n.t(key, { ...values, lng: locale, ns: 'replies' });
    return { key, locale, text, dir: textDirection(locale) };
  }

  /** Every widget UI string for `locale`, interpolated with `values` (e.g. the site name). */
  widgetStrings(locale: SupportedLocale, values: TemplateValues = {}): Record<string, string> {
    const keys = Object.keys(RESOURCES[locale].widget);
    return Object.fromEntries(keys.map((key) => [key, this.#i18n.t(key, { ...values, lng: locale, ns: 'widget' })]));
  }
}
