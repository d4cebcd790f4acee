import i18next from 'i18next';
import { en } from './locales/en.ts';
import type { StringKey, Strings } from './locales/en.ts';

/** The languages the console's UI is translated into (Simplified Chinese as `zh`). */
export const UI_LANGUAGES = ['en', 'de', 'es', 'ja', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

// English ships in the entry chunk (it is the fallback); the others load on demand.
const loaders: Record<Exclude<UiLanguage, 'en'>, () => Promise<Strings>> = {
  de: () => import('./locales/de.ts').then((m) => m.de),
  es: () => import('./locales/es.ts').then((m) => m.es),
  ja: () => import('./locales/ja.ts').then((m) => m.ja),
  zh: () => import('./locales/zh.ts').then((m) => m.zh),
};

/**
 * The first supported language among the preferences (the agent's `uiLocale`, then the
 * browser's languages), by primary subtag; English when none is supported.
 */
export function pickLanguage(preferences: ReadonlyArray<string | undefined>): UiLanguage {
  for (const tag of preferences) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0];
    const match = UI_LANGUAGES.find((lang) => lang === primary);
    if (match) return match;
  }
  return 'en';
}

void i18next.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  initAsync: false,
  // Keys are flat ("inbox.list"); Preact escapes text itself, so i18next must not.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** Switches the UI language, loading its strings first; sets `<html lang>`. */
export async function setUiLanguage(lang: UiLanguage): Promise<void> {
  if (lang !== 'en' && !i18next.hasResourceBundle(lang, 'translation')) {
    i18next.addResourceBundle(lang, 'translation', await loaders[lang]());
  }
  await i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : lang;
}

/** The current UI language. */
export function uiLanguage(): UiLanguage {
  return pickLanguage([i18next.language]);
}

/** Translates a key of the console's string table, with `{{name}}` values. */
export function t(key: StringKey, values?: Record<string, string | number>): string {
  return i18next.t(key, values ?? {});
}

/** Subscribes to language changes (the app re-renders); returns the unsubscribe function. */
export function onLanguageChange(handler: (lang: string) => void): () => void {
  i18next.on('languageChanged', handler);
  return () => i18next.off('languageChanged', handler);
}
