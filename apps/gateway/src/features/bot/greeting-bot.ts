import type { ReplyTemplates, SupportedLocale } from '@parley/culture';
import type { Region } from '@parley/protocol';
import type { NewMessage } from '../../storage/region-store.ts';
import type { Site } from '../../sites/site.ts';
import { assistantName } from '../../sites/site-branding.ts';
import { replyFor } from '../../sites/site-texts.ts';

/**
 * The bot as its messages name it: the site's assistant in that locale (`branding.assistantName`),
 * else the shop's own name: a shopper talks to the shop, never to "Parley".
 */
export function botAuthor(site: Site, locale: string): { kind: 'bot'; name: string } {
  return { kind: 'bot', name: assistantName(site, locale) };
}

/**
 * The opening of a new conversation, in the negotiated locale (the site's own wording for that
 * locale when it has one): the greeting, then the privacy notice of the region that stores the
 * conversation, shown this first time only. Their clientMsgIds derive from the conversation, so
 * two tabs connecting at once (or a retry) store each once.
 */
export function openingMessages(options: {
  site: Site;
  conversationId: string;
  region: Region;
  locale: SupportedLocale;
  templates: ReplyTemplates;
}): NewMessage[] {
  const { site, conversationId, locale, templates } = options;
  const message = (clientMsgId: string, templateKey: string, values = {}): NewMessage => ({
    conversationId,
    clientMsgId,
    author: botAuthor(site, locale),
    text: replyFor(site, locale, templateKey, values, templates),
    locale,
    bot: { intent: 'system', templateKey },
  });
  return [message(`greeting:${conversationId}`, 'greeting'), message(`privacy:${conversationId}`, 'privacy.notice', { region: options.region })];
}
