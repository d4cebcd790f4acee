import { describe, expect, it } from 'vitest';
import type { Message } from '@parley/client';
import type { SessionBranding } from '@parley/protocol';
import { brandCss } from './app/brand-css.ts';
import { countUnread } from './app/last-read.ts';

const message = (seq: number, kind: Message['author']['kind']): Message => ({
  id: `m${seq}`,
  conversationId: 'c_1',
  seq,
  clientMsgId: `cm${seq}`,
  author: { kind },
  text: 'hi',
  createdAt: '2026-12-01T10:00:00.000Z',
});

describe('brand stylesheet', () => {
  it('colours the launcher, header and send button with the chosen text colour', () => {
    const css = brandCss({ assistantName: 'A', brandColor: '#1d2733', brandTextColor: '#ffffff' });
    expect(css).toContain('.launcher,.launcher:hover,.header,.send{background:#1d2733;color:#ffffff}');
    expect(css).not.toContain(':host');
  });

  it('moves the launcher and the wide-screen panel to the chosen corner, clamping offsets', () => {
    const css = brandCss({ assistantName: 'A', launcher: { position: 'left', offsetX: 24, offsetY: 999 } });
    expect(css).toContain(':host{inset:auto;left:24px;bottom:200px}');
    expect(css).toContain('@media (min-width:481px){.panel{right:auto;left:24px;bottom:268px}}');
  });

  it('writes nothing that is not a colour or a number, whatever arrives', () => {
    const hostile = { assistantName: 'A', brandColor: 'red}*{display:none', brandTextColor: '#fff', launcher: { position: 'left;}', offsetX: '1px;}' } } as unknown as SessionBranding;
    const css = brandCss(hostile);
    expect(css).not.toMatch(/display:none|red|1px;\}/);
    expect(css).toContain(':host{inset:auto;right:20px;bottom:20px}');
    expect(brandCss(undefined)).toBe('');
  });
});

describe('unread count', () => {
  it('counts only the shop side after the last-read seq', () => {
    const messages = [message(1, 'bot'), message(2, 'system'), message(3, 'visitor'), message(4, 'agent'), message(5, 'bot')];
    expect(countUnread(messages, 0)).toBe(4);
    expect(countUnread(messages, 2)).toBe(2);
    expect(countUnread(messages, 5)).toBe(0);
  });
});
