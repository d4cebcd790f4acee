import type { SupportedLocale } from './supported-locales.ts';

/**
 * How Parley speaks in a locale. Templates are written to their profile; the profile test
 * checks them against it (register markers present, avoided phrasing absent, structure).
 */
export interface CultureProfile {
  /** honorific (keigo, quý khách…), formal (Sie, vous, usted), or neutral (you, tú, você). */
  register: 'honorific' | 'formal' | 'neutral';
  /** How instructions are laid out: numbered steps, or prose. */
  structure: 'steps' | 'prose';
  /** How alternatives are offered: plainly, or as choices for the shopper (never a blunt yes/no). */
  offers: 'direct' | 'options';
  /** Greeting convention, as used by `greeting`. */
  greeting: string;
  /** Closing convention for longer replies written by agents or the bot. */
  closing: string;
  /** Words or phrases that must not appear in this locale's templates (wrong variant or register). */
  avoid: readonly RegExp[];
  /** Phrases at least one template must contain, proving the register. */
  registerMarkers: readonly RegExp[];
  /** Currency shown when the shop does not say (the shopper's usual one). */
  currency: string;
  /** Time zone assumed when the shopper's is unknown. */
  timeZone: string;
}

/**
 * Whole words, Unicode-aware (JavaScript's `\b` treats é, ê, ü… as word breaks, so
 * `\bvocê\b` would never match). Case-insensitive unless `caseSensitive`.
 */
function word(alternatives: string, caseSensitive = false): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{M}])`, caseSensitive ? 'u' : 'iu');
}

const informalGerman = [word('du|dich|dir|dein|deine|deinem|deinen|deiner|deines', true)];
const informalFrench = [word('tu|toi|ton|ta|tes')];

/** One profile per supported locale. */
export const CULTURE_PROFILES: Record<SupportedLocale, CultureProfile> = {
  'en-US': { register: 'neutral', structure: 'steps', offers: 'direct', greeting: 'Hi there!', closing: 'Thanks for shopping with us!', avoid: [word('parcel'), word('colour'), word('dispatched'), word('courier')], registerMarkers: [word('you')], currency: 'USD', timeZone: 'America/New_York' },
  'en-GB': { register: 'neutral', structure: 'prose', offers: 'direct', greeting: 'Hello', closing: 'Kind regards', avoid: [word('shipping'), word('shipped'), word('package'), word('center'), word('business days?')], registerMarkers: [word('delivery'), word('parcel')], currency: 'GBP', timeZone: 'Europe/London' },
  'de-DE': { register: 'formal', structure: 'steps', offers: 'direct', greeting: 'Guten Tag', closing: 'Mit freundlichen Grüßen', avoid: informalGerman, registerMarkers: [word('Sie', true), word('Ihnen', true), word('Ihre?', true)], currency: 'EUR', timeZone: 'Europe/Berlin' },
  'fr-FR': { register: 'formal', structure: 'prose', offers: 'direct', greeting: 'Bonjour', closing: 'Bien cordialement', avoid: informalFrench, registerMarkers: [word('vous'), word('votre')], currency: 'EUR', timeZone: 'Europe/Paris' },
  'es-ES': { register: 'formal', structure: 'prose', offers: 'direct', greeting: '¡Hola!', closing: 'Un saludo', avoid: [word('tú|tu|te|vosotros'), word('celular')], registerMarkers: [word('usted|le|su')], currency: 'EUR', timeZone: 'Europe/Madrid' },
  'es-MX': { register: 'neutral', structure: 'steps', offers: 'direct', greeting: '¡Hola!', closing: 'Saludos', avoid: [word('vosotros'), word('ordenador'), word('móvil')], registerMarkers: [word('tú|tu|te')], currency: 'MXN', timeZone: 'America/Mexico_City' },
  'pt-BR': { register: 'neutral', structure: 'prose', offers: 'direct', greeting: 'Olá!', closing: 'Abraços', avoid: [word('equipa'), word('telemóvel'), word('ecrã'), word('encomenda expedida')], registerMarkers: [word('você')], currency: 'BRL', timeZone: 'America/Sao_Paulo' },
  'pt-PT': { register: 'formal', structure: 'prose', offers: 'direct', greeting: 'Olá!', closing: 'Com os melhores cumprimentos', avoid: [word('equipe'), word('celular'), word('tela'), word('você')], registerMarkers: [word('a sua|o seu|lhe')], currency: 'EUR', timeZone: 'Europe/Lisbon' },
  'it-IT': { register: 'formal', structure: 'prose', offers: 'direct', greeting: 'Buongiorno', closing: 'Cordiali saluti', avoid: [word('tuo|tua|ti')], registerMarkers: [word('Lei|la|le|suo|sua', true)], currency: 'EUR', timeZone: 'Europe/Rome' },
  'nl-NL': { register: 'formal', structure: 'prose', offers: 'direct', greeting: 'Hallo', closing: 'Met vriendelijke groet', avoid: [word('je|jij|jouw')], registerMarkers: [word('u|uw')], currency: 'EUR', timeZone: 'Europe/Amsterdam' },
  'pl-PL': { register: 'neutral', structure: 'steps', offers: 'direct', greeting: 'Dzień dobry', closing: 'Pozdrawiamy', avoid: [word('Pan(i|a)?', true)], registerMarkers: [word('Twoje?|Ci|Cię', true)], currency: 'PLN', timeZone: 'Europe/Warsaw' },
  'tr-TR': { register: 'formal', structure: 'steps', offers: 'direct', greeting: 'Merhaba', closing: 'Saygılarımızla', avoid: [word('sen(in|i)?')], registerMarkers: [word('siz|size|sizi'), /\w+(ınız|iniz|unuz|ünüz)\b/iu], currency: 'TRY', timeZone: 'Europe/Istanbul' },
  'ru-RU': { register: 'formal', structure: 'steps', offers: 'direct', greeting: 'Здравствуйте', closing: 'С уважением', avoid: [/(^|[^\p{L}])(ты|тебя|тебе|твой|твоя|твой)([^\p{L}]|$)/iu], registerMarkers: [/(^|[^\p{L}])(вы|вам|вас|ваш\p{L}*)([^\p{L}]|$)/iu], currency: 'RUB', timeZone: 'Europe/Moscow' },
  'ar-SA': { register: 'formal', structure: 'prose', offers: 'options', greeting: 'أهلاً وسهلاً', closing: 'مع خالص التحية', avoid: [/هل تريد إرجاع/u, /هل تريد ارجاع/u], registerMarkers: [/خدمتك/u], currency: 'SAR', timeZone: 'Asia/Riyadh' },
  'he-IL': { register: 'neutral', structure: 'prose', offers: 'direct', greeting: 'שלום', closing: 'בברכה', avoid: [/אדוני/u], registerMarkers: [/לך/u], currency: 'ILS', timeZone: 'Asia/Jerusalem' },
  'hi-IN': { register: 'formal', structure: 'steps', offers: 'direct', greeting: 'नमस्ते', closing: 'धन्यवाद', avoid: [/(^|\s)(तुम|तुम्हारा|तेरा)(\s|$)/u], registerMarkers: [/आप/u], currency: 'INR', timeZone: 'Asia/Kolkata' },
  'ja-JP': { register: 'honorific', structure: 'steps', offers: 'direct', greeting: 'お問い合わせいただきありがとうございます', closing: '今後ともよろしくお願いいたします。', avoid: [/だよ|だね|してね|ちょうだい/u], registerMarkers: [/いただき/u, /ございます/u, /いたします/u], currency: 'JPY', timeZone: 'Asia/Tokyo' },
  'ko-KR': { register: 'honorific', structure: 'steps', offers: 'direct', greeting: '안녕하세요', closing: '감사합니다', avoid: [/해라|해줘|했어(?!요)/u], registerMarkers: [/드리겠습니다|드릴까요/u], currency: 'KRW', timeZone: 'Asia/Seoul' },
  'zh-Hans': { register: 'formal', structure: 'steps', offers: 'direct', greeting: '您好', closing: '祝您购物愉快', avoid: [/[們這個還沒訂單]/u], registerMarkers: [/您/u], currency: 'CNY', timeZone: 'Asia/Shanghai' },
  'zh-Hant': { register: 'formal', structure: 'steps', offers: 'direct', greeting: '您好', closing: '祝您購物愉快', avoid: [/[们这个还没订单]/u], registerMarkers: [/您/u], currency: 'TWD', timeZone: 'Asia/Taipei' },
  'th-TH': { register: 'honorific', structure: 'steps', offers: 'direct', greeting: 'สวัสดีค่ะ', closing: 'ขอบคุณค่ะ', avoid: [/มึง|แก(?!้)/u], registerMarkers: [/ค่ะ|คะ/u], currency: 'THB', timeZone: 'Asia/Bangkok' },
  'vi-VN': { register: 'honorific', structure: 'prose', offers: 'direct', greeting: 'Xin chào', closing: 'Trân trọng', avoid: [word('mày')], registerMarkers: [/quý khách/iu], currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh' },
  'id-ID': { register: 'formal', structure: 'steps', offers: 'direct', greeting: 'Halo', closing: 'Salam hangat', avoid: [word('kamu|lo|lu|gue')], registerMarkers: [word('Anda', true)], currency: 'IDR', timeZone: 'Asia/Jakarta' },
};
