import { describe, expect, it } from 'vitest';
import type { Message, MessageTranslated } from '@parley/protocol';
import { addLateTranslation, messageView, primaryLang } from './translation-view.ts';
import type { ViewContext } from './translation-view.ts';

const base = { conversationId: 'c1', clientMsgId: 'x', createdAt: '2026-01-01T10:00:00.000Z' };
const shopper = (id: string, text: string, extra: Partial<Message> = {}): Message => ({ ...base, id, seq: 1, author: { kind: 'visitor' }, text, locale: 'es-MX', ...extra });
const agentReply = (extra: Partial<Message>): Message => ({ ...base, id: 'a1', seq: 2, author: { kind: 'agent', id: 'ag', name: 'Ana' }, text: '¡Hola! Lo reviso.', locale: 'es-MX', ...extra });
const active: ViewContext = { agentLang: 'en', shopperLang: 'es-MX', isActive: true, late: {} };
const translated = (messageId: string, extra: Partial<MessageTranslated>): MessageTranslated => ({ conversationId: 'c1', messageId, lang: 'en', ...extra });

describe('which text of a message the agent reads', () => {
  it('shows a shopper message in my language, with the original (and its language) behind the toggle', () => {
    const message = shopper('m1', '¿Dónde está mi pedido?', { translations: { en: { text: 'Where is my order?', provider: 'apertium' } } });
    expect(messageView(message, active)).toEqual({
      main: { text: 'Where is my order?', lang: 'en', isStored: false },
      alternate: { text: '¿Dónde está mi pedido?', lang: 'es-MX', isStored: true },
      note: 'translatedFrom',
      noteLang: 'es-MX',
    });
  });

  it('uses a translation that arrived after its message, and says "Translating…" until one does', () => {
    const message = shopper('m1', 'Hola');
    expect(messageView(message, active)).toMatchObject({ main: { text: 'Hola', isStored: true }, note: 'translating' });
    const late = addLateTranslation({}, translated('m1', { translation: { text: 'Hello', provider: 'deepl' } }));
    expect(messageView(message, { ...active, late })).toMatchObject({ main: { text: 'Hello' }, alternate: { text: 'Hola' }, note: 'translatedFrom' });
    // A translation into another language (a colleague's) is not mine to show.
    const german = addLateTranslation({}, translated('m1', { lang: 'de', translation: { text: 'Hallo', provider: 'deepl' } }));
    expect(messageView(message, { ...active, late: german }).main.text).toBe('Hola');
  });

  it('shows the original with "Translation unavailable" after a failure, which never hides a translation', () => {
    const message = shopper('m1', 'Hola');
    const failed = addLateTranslation({}, translated('m1', { error: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', reason: 'timeout' } }));
    expect(messageView(message, { ...active, late: failed })).toEqual({ main: { text: 'Hola', lang: 'es-MX', isStored: true }, note: 'unavailable' });
    const ok = addLateTranslation({}, translated('m1', { translation: { text: 'Hello', provider: 'deepl' } }));
    const thenFailed = addLateTranslation(ok, translated('m1', { error: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', reason: 'timeout' } }));
    expect(thenFailed).toBe(ok);
  });

  it('promises nothing when the conversation does not translate, and leaves my own language alone', () => {
    expect(messageView(shopper('m1', 'Hola'), { ...active, isActive: false })).toEqual({ main: { text: 'Hola', lang: 'es-MX', isStored: true } });
    const english = shopper('m2', 'Hi there', { locale: 'en-GB', translations: { en: { text: 'Hi there!', provider: 'deepl' } } });
    expect(messageView(english, active)).toEqual({ main: { text: 'Hi there', lang: 'en-GB', isStored: true } });
  });

  it('shows my translated reply as I wrote it, and what the shopper read behind the toggle', () => {
    const reply = agentReply({ original: { text: 'Hi! I will check.', lang: 'en' } });
    expect(messageView(reply, active)).toEqual({
      main: { text: 'Hi! I will check.', lang: 'en', isStored: false },
      alternate: { text: '¡Hola! Lo reviso.', lang: 'es-MX', isStored: true },
      note: 'sentIn',
      noteLang: 'es-MX',
    });
    expect(messageView(agentReply({}), active)).toEqual({ main: { text: '¡Hola! Lo reviso.', lang: 'es-MX', isStored: true } });
  });

  it("shows a native canned reply in my language version, and the shopper's behind the toggle", () => {
    const reply = agentReply({ text: 'Su pedido está en camino.', canned: { key: 'orderStatus', isMachineTranslated: false }, translations: { en: { text: 'Your order is on its way.', provider: 'canned' } } });
    expect(messageView(reply, active)).toMatchObject({ main: { text: 'Your order is on its way.', isStored: false }, alternate: { text: 'Su pedido está en camino.' }, note: 'sentIn' });
  });

  it('leaves bot messages as the bot wrote them', () => {
    const bot: Message = { ...base, id: 'b1', seq: 3, author: { kind: 'bot' }, text: 'Hola, soy el asistente', bot: { intent: 'greeting', templateKey: 'greet' }, translations: { en: { text: 'Hi', provider: 'x' } } };
    expect(messageView(bot, active)).toEqual({ main: { text: 'Hola, soy el asistente', lang: undefined, isStored: true } });
  });

  it('keys translations by primary language', () => {
    expect(primaryLang('es-MX')).toBe('es');
    expect(primaryLang('zh_Hans')).toBe('zh');
    expect(primaryLang('EN')).toBe('en');
  });
});
