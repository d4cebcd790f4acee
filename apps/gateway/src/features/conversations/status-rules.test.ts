import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../storage/region-store.ts';
import { afterAgentReply, afterShopperMessage, statusChange } from './status-rules.ts';

const now = new Date('2026-12-01T10:00:00.000Z');
const sla = () => new Date('2026-12-01T10:05:00.000Z');
const conversation = (overrides: Partial<ConversationRecord> = {}): ConversationRecord => ({ id: 'c_1', visitorId: 'v_1', siteKey: 'demo', locale: 'en-US', createdAt: '', ...overrides });

describe('statuses: open → pending → snoozed → resolved, reopened by the shopper', () => {
  it('a shopper message in a bot conversation changes nothing (the bot answers)', () => {
    expect(afterShopperMessage(conversation(), now, sla)).toBeUndefined();
  });

  it('a shopper message reopens resolved, pending and snoozed conversations and starts the wait', () => {
    for (const status of ['resolved', 'pending', 'snoozed'] as const) {
      expect(afterShopperMessage(conversation({ status, snoozedUntil: 'x' }), now, sla)).toEqual({
        status: 'open', snoozedUntil: null, waitingSince: now.toISOString(), slaDueAt: '2026-12-01T10:05:00.000Z',
      });
    }
  });

  it('a shopper already waiting keeps the original wait', () => {
    expect(afterShopperMessage(conversation({ status: 'open', waitingSince: '2026-12-01T09:00:00.000Z' }), now, sla)).toBeUndefined();
  });

  it('an agent reply ends the wait, takes an unassigned conversation and silences the bot', () => {
    const patch = afterAgentReply(conversation(), 'a_ana', now);
    expect(patch).toMatchObject({ waitingSince: null, slaDueAt: null, assigneeId: 'a_ana', status: 'open', lastAgentReply: { agentId: 'a_ana' } });
    expect(patch.botState?.handedOffAt).toBe(now.toISOString());
  });

  it('resolving clears the wait; snoozing keeps its time', () => {
    expect(statusChange(conversation({ status: 'open' }), 'resolved', undefined, now)).toMatchObject({ status: 'resolved', waitingSince: null, slaDueAt: null });
    expect(statusChange(conversation({ status: 'open' }), 'snoozed', '2026-12-02T09:00:00.000Z', now)).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-12-02T09:00:00.000Z' });
  });
});
