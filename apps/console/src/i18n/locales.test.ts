import { describe, expect, it } from 'vitest';
import { pickLanguage, setUiLanguage, t } from '../i18n/i18n.ts';
import { de } from './locales/de.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { ja } from './locales/ja.ts';
import { zh } from './locales/zh.ts';

const translations = { de, es, ja, zh } as const;

// Strings that are rightly the same as English: proper names, and words the language borrows.
const SAME_AS_ENGLISH: Record<keyof typeof translations, string[]> = {
  de: ['app.name', 'channel.whatsapp', 'channel.line', 'channel.messenger', 'channel.api', 'filter.status', 'filter.region', 'statusctl.heading', 'conv.bot', 'conv.system', 'presence.offline', 'team.heading'],
  es: ['app.name', 'channel.whatsapp', 'channel.line', 'channel.messenger', 'channel.api', 'conv.bot'],
  ja: ['app.name', 'channel.whatsapp', 'channel.line', 'channel.messenger', 'channel.api'],
  zh: ['app.name', 'channel.whatsapp', 'channel.line', 'channel.messenger', 'channel.api'],
};

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en) as Array<keyof typeof en>;

describe('UI strings', () => {
  for (const [lang, strings] of Object.entries(translations) as Array<[keyof typeof translations, Record<string, string>]>) {
    describe(lang, () => {
      it('has exactly the English keys, none empty', () => {
        expect(Object.keys(strings).sort()).toEqual([...keys].sort());
        for (const key of keys) expect(strings[key]?.trim(), key).toBeTruthy();
      });

      it('keeps every {{placeholder}} of the English string', () => {
        for (const key of keys) expect(placeholders(strings[key]!), `${lang} ${key}`).toEqual(placeholders(en[key]));
      });

      it('leaves no English behind (apart from proper names)', () => {
        const same = keys.filter((key) => strings[key] === en[key]);
        expect(same.sort()).toEqual([...SAME_AS_ENGLISH[lang]].sort());
      });
    });
  }

  it('writes Japanese and Chinese in their own scripts', () => {
    const cjk = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const strings of [ja, zh]) {
      const latinOnly = keys.filter((key) => !cjk.test(strings[key]) && !SAME_AS_ENGLISH.ja.includes(key));
      expect(latinOnly).toEqual([]);
    }
  });

  it('picks the agent language first, then the browser, by primary subtag, else English', () => {
    expect(pickLanguage(['ja-JP', 'de-DE'])).toBe('ja');
    expect(pickLanguage([undefined, 'zh-Hans-CN'])).toBe('zh');
    expect(pickLanguage(['pt-BR', 'es-419'])).toBe('es');
    expect(pickLanguage(['ar-SA', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('switches language at run time, loading the strings on demand', async () => {
    await setUiLanguage('de');
    expect(t('signin.submit')).toBe('Anmelden');
    await setUiLanguage('ja');
    expect(t('row.waiting', { duration: '4分' })).toBe('4分待ち');
    await setUiLanguage('en');
    expect(t('signin.submit')).toBe('Sign in');
  });
});
