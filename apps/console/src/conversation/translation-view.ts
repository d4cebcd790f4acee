import type { Message, MessageTranslated, MessageTranslation } from '@parley/protocol';

/** A BCP 47 tag's primary language, lower case (`es-MX` → `es`): how `translations` is keyed. */
export const primaryLang = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? tag.toLowerCase();

/** Translations (or failures) that arrived after their message, by message id. */
export type LateTranslations = Readonly<Record<string, MessageTranslated>>;

/**
 * Keeps a `message:translated` event. A failure never replaces a translation already received
 * (a late retry that failed must not hide a text the agent was reading).
 */
export function addLateTranslation(late: LateTranslations, event: MessageTranslated): LateTranslations {
  const previous = late[event.messageId];
  if (event.error && previous?.translation && primaryLang(previous.lang) === primaryLang(event.lang)) return late;
  return { ...late, [event.messageId]: event };
}

/** One text of a message, as shown: `isStored` when it is `message.text` (reveal indices count there). */
export interface ShownText {
  text: string;
  lang?: string | undefined;
  isStored: boolean;
}

/**
 * What the log shows for a message: the agent's-language text first, and behind a toggle the
 * other side (`alternate`); `note` names the small line under it, `noteLang` the language it names.
 */
export interface MessageView {
  main: ShownText;
  alternate?: ShownText;
  note?: 'translatedFrom' | 'sentIn' | 'translating' | 'unavailable';
  noteLang?: string | undefined;
}

/** What deciding a message's view needs to know about the conversation. */
export interface ViewContext {
  /** The language this agent reads (`TranslationState.agentLang`); undefined before the conversation opened. */
  agentLang: string | undefined;
  /** The conversation's language, for agent replies that do not carry a locale. */
  shopperLang: string | undefined;
  /** Whether the conversation translates for this agent now: only then is "Translating…" promised. */
  isActive: boolean;
  late: LateTranslations;
}

function translationFor(message: Message, agentLang: string, late: LateTranslations): MessageTranslation | undefined {
  const key = primaryLang(agentLang);
  const stored = message.translations?.[key] ?? message.translations?.[agentLang];
  if (stored) return stored;
  const event = late[message.id];
  return event && primaryLang(event.lang) === key ? event.translation : undefined;
}

/** What the agent wrote: the original of a translated reply, or a native canned reply's version in their language. */
function writtenByAgent(message: Message, agentLang: string): { text: string; lang: string } | undefined {
  if (message.original) return { text: message.original.text, lang: message.original.lang };
  const own = message.canned ? translationFor(message, agentLang, {}) : undefined;
  return own ? { text: own.text, lang: agentLang } : undefined;
}

/** Decides which text of a message the agent reads first, and what the toggle under it offers. */
export function messageView(message: Message, context: ViewContext): MessageView {
  const stored: ShownText = { text: message.text, lang: message.locale, isStored: true };
  const { agentLang } = context;
  // Bot and system messages are shown as the bot wrote them: its templates are the shop's own.
  if (!agentLang || (message.author.kind !== 'visitor' && message.author.kind !== 'agent')) return { main: stored };

  if (message.author.kind === 'agent') {
    const shopperLang = message.locale ?? context.shopperLang;
    const written = writtenByAgent(message, agentLang);
    if (!written || written.text === message.text) return { main: stored };
    return { main: { ...written, isStored: false }, alternate: { ...stored, lang: shopperLang }, note: 'sentIn', noteLang: shopperLang };
  }

  const sourceLang = message.original?.lang ?? message.locale ?? context.shopperLang;
  const shopperText: ShownText = { ...stored, lang: sourceLang };
  if (sourceLang && primaryLang(sourceLang) === primaryLang(agentLang)) return { main: shopperText };
  const translation = translationFor(message, agentLang, context.late);
  if (translation && translation.text !== message.text) {
    return { main: { text: translation.text, lang: agentLang, isStored: false }, alternate: shopperText, note: 'translatedFrom', noteLang: sourceLang };
  }
  if (translation) return { main: shopperText };
  if (context.late[message.id]?.error) return { main: shopperText, note: 'unavailable' };
  return context.isActive ? { main: shopperText, note: 'translating' } : { main: shopperText };
}
