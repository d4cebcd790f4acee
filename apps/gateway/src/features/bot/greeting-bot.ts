import type { ReplyTemplates, SupportedLocale } from '@parley/culture';
import type { NewMessage } from '../../storage/conversation-store.ts';
import type { Site } from '../../sites/site.ts';
import { replyFor } from '../../sites/site-texts.ts';

/** The bot's display name on its messages. */
export const BOT_AUTHOR = { kind: 'bot', name: 'Parley' } as const;

/**
 * The first bot message of a conversation, in the negotiated locale (the site's own greeting
 * for that locale when it has one). Its clientMsgId is derived
 * from the conversation, so two tabs connecting at once (or a retry) store one greeting, not two.
 * This is the seam the culture and intent issues replace with the full bot.
 */
export function greetingMessage(options: {
  site: Site;
  conversationId: string;
  locale: SupportedLocale;
  templates: ReplyTemplates;
}): NewMessage {
  return {
    conversationId: options.conversationId,
    clientMsgId: `greeting:${options.conversationId}`,
    author: BOT_AUTHOR,
    text: replyFor(options.site, options.locale, 'greeting', {}, options.templates),
    locale: options.locale,
  };
}
