import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, RETIRED_ERROR_CODES } from './errors.ts';
import { MessageSchema, MessageSendSchema, SessionSchema } from './index.ts';
import { agentCommandFixtures, invalidBrandingFixtures, messageCreatedFixture, messageSendFixtures, sessionReadyFixture } from './fixtures/index.ts';
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

  it('session:ready fixture with branding is a valid session, and one without branding still is', () => {
    expect(SessionSchema.parse(sessionReadyFixture)).toEqual(sessionReadyFixture);
    const { branding: _branding, ...older } = sessionReadyFixture;
    expect(SessionSchema.safeParse(older).success).toBe(true);
  });

  it.each(invalidBrandingFixtures)('session:ready refuses branding with $name', ({ branding }) => {
    expect(SessionSchema.safeParse({ ...sessionReadyFixture, branding }).success).toBe(false);
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
