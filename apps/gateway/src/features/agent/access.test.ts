import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import { assertMayAssign, assertMayRead, maySee, mayReveal, regionsOf } from './access.ts';

const base: AgentRecord = {
  id: 'a_ana', email: 'ana@shop.example', name: 'Ana', role: 'agent', languages: ['de'], sites: ['demo'], regions: ['us'],
  capacity: 3, passwordHash: 'x', isDisabled: false, createdAt: '', updatedAt: '',
};
const conversation = (overrides: Partial<ConversationRecord> = {}): ConversationRecord => ({ id: 'c_1', visitorId: 'v_1', siteKey: 'demo', locale: 'de-DE', createdAt: '', status: 'open', assigneeId: null, ...overrides });
function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ParleyError ? error.code : 'not a ParleyError';
  }
  return undefined;
}

describe('access: residency is also who may read', () => {
  it('an agent barred from eu never sees an eu conversation, not even queued', () => {
    expect(maySee(base, 'eu', conversation())).toBe(false);
    expect(codeOf(() => assertMayRead(base, 'eu', conversation()))).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    expect(regionsOf(base)).toEqual(['us']);
  });

  it('another site is refused by name', () => {
    expect(codeOf(() => assertMayRead(base, 'us', conversation({ siteKey: 'acme' })))).toBe('PARLEY_ERR_FORBIDDEN_SITE');
  });

  it('an agent sees the queue and their own, not a colleague’s; a supervisor sees all of theirs', () => {
    expect(maySee(base, 'us', conversation())).toBe(true);
    expect(maySee(base, 'us', conversation({ assigneeId: 'a_ana' }))).toBe(true);
    expect(codeOf(() => assertMayRead(base, 'us', conversation({ assigneeId: 'a_bo' })))).toBe('PARLEY_ERR_CONVERSATION_NOT_ASSIGNED');
    expect(maySee({ ...base, role: 'supervisor' }, 'us', conversation({ assigneeId: 'a_bo' }))).toBe(true);
  });

  it('agents take from the queue and hand on their own; only overseers reassign others’', () => {
    expect(codeOf(() => assertMayAssign(base, 'us', conversation(), 'a_ana'))).toBeUndefined();
    expect(codeOf(() => assertMayAssign(base, 'us', conversation(), 'a_bo'))).toBe('PARLEY_ERR_FORBIDDEN_ROLE');
    expect(codeOf(() => assertMayAssign(base, 'us', conversation({ assigneeId: 'a_ana' }), 'a_bo'))).toBeUndefined();
    expect(codeOf(() => assertMayAssign({ ...base, role: 'supervisor' }, 'us', conversation({ assigneeId: 'a_bo' }), 'a_ana'))).toBeUndefined();
  });

  it('revealing masked data is for overseers unless granted per agent', () => {
    expect(mayReveal(base)).toBe(false);
    expect(mayReveal({ ...base, role: 'supervisor' })).toBe(true);
    expect(mayReveal({ ...base, canRevealPersonalData: true })).toBe(true);
    expect(mayReveal({ ...base, role: 'admin', canRevealPersonalData: false })).toBe(false);
  });
});
