import { browserTimeZone } from '../i18n/format.ts';
import { uiLanguage } from '../i18n/i18n.ts';

/** The moment, language and time zone an error text needs (a lockout names a clock time). */
export function errorContext(): { now: number; lang: string; timeZone: string } {
  return { now: Date.now(), lang: uiLanguage(), timeZone: browserTimeZone() };
}
