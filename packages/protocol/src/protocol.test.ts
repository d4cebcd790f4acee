import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, RETIRED_ERROR_CODES } from './errors.ts';
import { MessageSchema, MessageSendSchema } from './index.ts';
import { agentCommandFixtures, messageCreatedFixture, messageSendFixtures } from './fixtures/index.ts';
import { AGENT_COMMAND_SCHEMAS, InboxQuerySchema } from './index.ts';

describe('golden fixtures', () => {
  it.each(messageSendFixtures)('message:send "$name" parses as expected', ({ payload, expected }) => {
    expect(MessageSendSchema.safeParse(payload).success).toBe(expected === 'ok');
  });

  it.each(agentCommandFixtures)('$event "$name" parses as expected', ({ event, payload, expected }) => {
    const schema = event === 'inbox:list' ? InboxQuerySchema : AGENT_COMMAND_SCHEMAS[event];
    expect(schema.safeParse(payload).success).toBe(expected === 'ok');
  });

  it('message:created fixture is a valid message', () => {
    expect(MessageSchema.parse(messageCreatedFixture)).toEqual(messageCreatedFixture);
  });
});

describe('error catalogue', () => {
  const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const documentedRows = [...docs.matchAll(/^\| `(PARLEY_ERR_[A-Z_]+)` \| (\d+) \| (yes|no) \|/gm)].map((m) => ({
    code: m[1],
    status: Number(m[2]),
    retryable: m[3] === 'yes',
  }));

  it('docs/errors.md lists every code with its status and retryability, and nothing else', () => {
    const expected = Object.entries(ERROR_CATALOGUE).map(([code, entry]) => ({
      code,
      status: entry.status,
      retryable: entry.retryable,
    }));
    expect(documentedRows).toEqual(expected);
  });

  it('codes follow PARLEY_ERR_<AREA>_<PROBLEM> and no retired code is reused', () => {
    for (const code of Object.keys(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^PARLEY_ERR_[A-Z]+_[A-Z_]+$/);
      expect(RETIRED_ERROR_CODES).not.toContain(code);
    }
  });
});
