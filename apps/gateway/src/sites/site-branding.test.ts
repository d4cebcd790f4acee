import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReplyTemplates } from '@parley/culture';
import { SessionBrandingSchema } from '@parley/protocol';
import { assistantName, sessionBranding, SiteBrandingSchema, textColorOn } from './site-branding.ts';
import { loadSiteRegistry } from './site-registry.ts';
import { DEMO_SITE } from './site.ts';
import type { Site } from './site.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-branding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const templates = createReplyTemplates();

function loadWithBranding(branding: unknown) {
  const { support: _s, orders: _o, returns: _r, branding: _b, ...basics } = DEMO_SITE;
  const path = join(dir, `sites-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ sites: [{ ...basics, key: 'shop', name: 'Fjord & Co', branding }] }));
  return loadSiteRegistry({ sitesFile: path, dataDir: dir });
}

const site = (branding: Site['branding']): Site => ({ ...DEMO_SITE, name: 'Fjord & Co', branding });

describe('site branding', () => {
  it('picks the text colour that passes WCAG AA on the brand colour', () => {
    expect(textColorOn('#1d2733')).toBe('#ffffff');
    expect(textColorOn('#ffd400')).toBe('#111111');
    expect(textColorOn('#FFF')).toBe('#111111');
    // #777777 gives 4.47:1 with white and 4.21:1 with #111111: neither is AA.
    expect(textColorOn('#777777')).toBeUndefined();
  });

  // The registry names the site by its place in the file and its key.
  it('refuses at start-up a brand colour no text colour can sit on, naming the colour and where the site is', () => {
    expect(() => loadWithBranding({ brandColor: '#777777' })).toThrow(/sites\.0 \(\w+\)\.branding\.brandColor: brand colour #777777 .*#ffffff 4\.47:1, #111111 4\.21:1.*WCAG AA needs 4\.5:1/);
    expect(() => loadWithBranding({ brandColor: '#777777' })).toThrow(/^Sites file .*sites-\w+\.json is invalid/);
  });

  it.each([
    [{ assistantName: 'x'.repeat(41) }, 'branding.assistantName'],
    [{ assistantName: { 'de-DE': '' } }, 'branding.assistantName'],
    [{ assistantName: { German: 'Hilfe' } }, 'branding.assistantName'],
    [{ brandColor: 'teal' }, 'branding.brandColor: must be a CSS hex colour'],
    [{ brandColor: '#0f766e80' }, 'branding.brandColor: must be a CSS hex colour'],
    [{ avatarUrl: 'http://cdn.example/a.png' }, 'branding.avatarUrl: must be an https:// URL or a path'],
    [{ avatarUrl: '//cdn.example/a.png' }, 'branding.avatarUrl'],
    [{ avatarUrl: 'javascript:alert(1)' }, 'branding.avatarUrl'],
    [{ launcher: { position: 'top' } }, 'branding.launcher.position'],
    [{ launcher: { position: 'left', offsetX: 201 } }, 'branding.launcher.offsetX'],
    [{ launcher: { position: 'left', offsetY: -1 } }, 'branding.launcher.offsetY'],
    [{ typicalReplyMinutes: 0 }, 'branding.typicalReplyMinutes'],
    [{ typicalReplyMinutes: 1441 }, 'branding.typicalReplyMinutes'],
    [{ typicalReplyMinutes: 2.5 }, 'branding.typicalReplyMinutes'],
  ])('refuses %j, naming the field', (branding, message) => {
    expect(() => loadWithBranding(branding)).toThrow(message);
  });

  it('accepts every field at its bounds', () => {
    const branding = {
      assistantName: { en: 'A'.repeat(40), 'pt-BR': 'Ajuda' },
      avatarUrl: 'https://cdn.example/helper.png',
      brandColor: '#0F766E',
      launcher: { position: 'left', offsetX: 0, offsetY: 200 },
      typicalReplyMinutes: 1440,
    };
    expect(SiteBrandingSchema.parse(branding)).toEqual(branding);
    expect(loadWithBranding({ avatarUrl: '/img/helper.png', typicalReplyMinutes: 1 }).get('shop')?.branding?.avatarUrl).toBe('/img/helper.png');
  });

  it('names the assistant by locale, then language, then the site name (never Parley)', () => {
    const named = site({ assistantName: { 'de-AT': 'Servus-Hilfe', de: 'Fjord-Hilfe', ja: 'フィヨルド' } });
    expect(assistantName(named, 'de-AT')).toBe('Servus-Hilfe');
    expect(assistantName(named, 'de-DE')).toBe('Fjord-Hilfe');
    expect(assistantName(named, 'ja-JP')).toBe('フィヨルド');
    expect(assistantName(named, 'fr-FR')).toBe('Fjord & Co');
    expect(assistantName(site({ assistantName: 'Fjordy' }), 'ja-JP')).toBe('Fjordy');
    expect(assistantName(site(undefined), 'en-US')).toBe('Fjord & Co');
  });

  it('resolves the session branding for a locale, with the reply time in words and the text colour', () => {
    const branded = site({ assistantName: { de: 'Fjord-Hilfe' }, brandColor: '#FFD400', launcher: { position: 'left' }, typicalReplyMinutes: 5, avatarUrl: '/a.png' });
    const german = sessionBranding(branded, 'de-DE', templates);
    expect(german).toEqual({
      assistantName: 'Fjord-Hilfe',
      avatarUrl: '/a.png',
      brandColor: '#ffd400',
      brandTextColor: '#111111',
      launcher: { position: 'left', offsetX: 20, offsetY: 20 },
      typicalReplyMinutes: 5,
      typicalReplyDuration: '5 Minuten',
    });
    expect(sessionBranding(branded, 'ja-JP', templates).typicalReplyDuration).toBe('5 分');
    // Out of hours the bot says when the team is back; the header does not promise a reply time.
    expect(sessionBranding(branded, 'de-DE', templates, { isTeamIn: false })).not.toHaveProperty('typicalReplyDuration');
    expect(sessionBranding(branded, 'de-DE', templates, { isTeamIn: false })).not.toHaveProperty('typicalReplyMinutes');
    expect(SessionBrandingSchema.parse(german)).toEqual(german);
    expect(sessionBranding(site(undefined), 'en-US', templates)).toEqual({ assistantName: 'Fjord & Co' });
  });
});
