import { describe, expect, it } from 'vitest';
import type { CannedReplyOption } from '@parley/protocol';
import { retryReply, sendOptions } from './composer-send.ts';

const canned: CannedReplyOption = { key: 'orderStatus', title: 'Order status', keywords: '', preview: 'Your order is on its way.', shopperText: 'Su pedido está en camino.', source: 'native', origin: 'parley' };
const newId = () => 'fresh-id';

describe('how a reply goes out', () => {
  it('sends a canned reply by key, and as written (no key) when the agent chose untranslated', () => {
    const reply = { text: canned.preview, clientMsgId: 'id-1', canned };
    expect(sendOptions(reply)).toEqual({ clientMsgId: 'id-1', cannedKey: 'orderStatus' });
    expect(sendOptions(reply, { untranslated: true })).toEqual({ clientMsgId: 'id-1', untranslated: true });
    expect(sendOptions({ text: 'Hi', clientMsgId: 'id-2' }, { force: true })).toEqual({ clientMsgId: 'id-2', force: true });
  });

  it('retries the refused reply with its own id when the box still holds it', () => {
    const refused = { text: 'Hi', clientMsgId: 'id-1' };
    expect(retryReply(refused, 'Hi', newId)).toBe(refused);
    expect(retryReply(refused, '', newId)).toBe(refused);
  });

  it('sends edited text under a new id, or the same one when asked (nothing was stored under it)', () => {
    const refused = { text: canned.preview, clientMsgId: 'id-1', canned };
    expect(retryReply(refused, 'Something else', newId)).toEqual({ text: 'Something else', clientMsgId: 'fresh-id' });
    expect(retryReply(refused, 'Something else', newId, true)).toEqual({ text: 'Something else', clientMsgId: 'id-1' });
  });
});
