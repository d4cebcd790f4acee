import { describe, expect, it } from 'vitest';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import { chooseAgent, languageOf } from './choose-agent.ts';

function agent(id: string, overrides: Partial<AgentRecord> = {}): AgentRecord {
  return {
    id,
    email: `${id}@shop.example`,
    name: id,
    role: 'agent',
    languages: ['en'],
    sites: null,
    regions: null,
    capacity: 3,
    passwordHash: 'x',
    isDisabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
const japanese = { siteKey: 'demo', locale: 'ja-JP' };

describe('routing: who takes a queued conversation', () => {
  it('prefers an agent who speaks the language over a less loaded one who does not', () => {
    const chosen = chooseAgent([{ agent: agent('a_en'), load: 0 }, { agent: agent('a_ja', { languages: ['ja', 'en'] }), load: 2 }], 'eu', japanese);
    expect(chosen?.id).toBe('a_ja');
  });

  it('among speakers, the least loaded; ties by id', () => {
    const candidates = [
      { agent: agent('a_2', { languages: ['ja'] }), load: 1 },
      { agent: agent('a_1', { languages: ['ja'] }), load: 1 },
      { agent: agent('a_0', { languages: ['ja'] }), load: 2 },
    ];
    expect(chooseAgent(candidates, 'eu', japanese)?.id).toBe('a_1');
  });

  it('passes over agents at capacity, barred from the region or site, or disabled', () => {
    const candidates = [
      { agent: agent('a_full', { languages: ['ja'], capacity: 2 }), load: 2 },
      { agent: agent('a_us_only', { languages: ['ja'], regions: ['us'] }), load: 0 },
      { agent: agent('a_other_site', { languages: ['ja'], sites: ['acme'] }), load: 0 },
      { agent: agent('a_disabled', { languages: ['ja'], isDisabled: true }), load: 0 },
      { agent: agent('a_en'), load: 1 },
    ];
    expect(chooseAgent(candidates, 'eu', japanese)?.id).toBe('a_en');
  });

  it('with nobody eligible, nobody: the conversation waits in the queue', () => {
    expect(chooseAgent([{ agent: agent('a_full', { capacity: 1 }), load: 1 }], 'eu', japanese)).toBeUndefined();
    expect(chooseAgent([], 'eu', japanese)).toBeUndefined();
  });

  it('reads the primary language of a locale', () => {
    expect(languageOf('ja-JP')).toBe('ja');
    expect(languageOf('zh-Hant')).toBe('zh');
    expect(languageOf('DE')).toBe('de');
  });
});
