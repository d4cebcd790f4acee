import { describe, expect, it } from 'vitest';
import { createReplyTemplates } from '@parley/culture';
import { DEMO_SITE } from '../../sites/site.ts';
import { openingMessages } from './greeting-bot.ts';

const templates = createReplyTemplates();
const opening = (locale: 'de-DE' | 'fr-FR', site = DEMO_SITE) => openingMessages({ site, conversationId: 'c_1', region: 'eu', locale, templates });

describe('the bot speaks as the shop’s assistant', () => {
  it('signs its messages with the site’s assistant name for the locale, never "Parley"', () => {
    for (const message of opening('de-DE')) expect(message.author).toEqual({ kind: 'bot', name: 'Nordlicht-Hilfe' });
  });

  it('falls back to the shop’s name where the site names no assistant for that language', () => {
    const { branding: _branding, ...unbranded } = DEMO_SITE;
    expect(opening('fr-FR', unbranded)[0]!.author).toEqual({ kind: 'bot', name: 'Nordlicht Outfitters' });
  });
});
