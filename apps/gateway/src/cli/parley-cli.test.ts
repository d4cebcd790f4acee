import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../features/accounts/passwords.ts';
import type { DirectoryStore } from '../storage/directory/directory-store.ts';
import { SqliteDirectoryStore } from '../storage/directory/sqlite-directory.ts';
import { mongoTestTarget } from '../../test/mongo-target.ts';

const repoRoot = new URL('../../../../', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'parley-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

const PASSWORD = 'correct horse battery staple';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, as `pnpm parley` does, with a clean PARLEY_* environment. */
function parley(dataDir: string, args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PARLEY_')));
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'apps/gateway/src/cli/parley.ts', ...args],
    { cwd: repoRoot, env: { ...env, PARLEY_DATA_DIR: dataDir, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function addArgs(email: string, ...extra: string[]): string[] {
  return ['agent', 'add', '--email', email, '--name', 'Ana', '--role', 'admin', '--languages', 'de,en', ...extra, '--password-stdin'];
}

async function withStore<T>(dataDir: string, work: (store: DirectoryStore) => Promise<T>): Promise<T> {
  const store = new SqliteDirectoryStore({ dataDir });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('parley CLI (real process, SQLite directory)', () => {
  const dataDir = join(root, 'sqlite');

  it('creates the first admin from a password on stdin; the stored hash verifies', async () => {
    const run = await parley(dataDir, addArgs('Ana@Shop.Example', '--languages', 'DE-de,en,de'), { stdin: `${PASSWORD}\n` });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const id = run.stdout.trim();
    expect(id).toMatch(/^a_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const agent = await withStore(dataDir, (store) => store.getAgentByEmail('ana@shop.example'));
    expect(agent).toMatchObject({ id, email: 'ana@shop.example', role: 'admin', languages: ['de', 'en'], regions: null, sites: null, capacity: 5, isDisabled: false });
    expect(agent!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(agent!.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(agent!.passwordHash, `${PASSWORD}\n`)).toBe(false);
  });

  it('stores allowed regions, sites and capacity, and lists agents as a table and as JSON without secrets', async () => {
    const add = await parley(dataDir, ['agent', 'add', '--email', 'ben@shop.example', '--name', 'Ben Okafor', '--role', 'agent', '--languages', 'en', '--regions', 'eu,US', '--sites', 'demo', '--capacity', '3', '--password-stdin'], { stdin: `${PASSWORD}\r\n` });
    expect(add.code).toBe(0);
    const table = await parley(dataDir, ['agent', 'list']);
    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trim().split('\n');
    expect(header!.split(/\s{2,}/)).toEqual(['ID', 'EMAIL', 'NAME', 'ROLE', 'LANGUAGES', 'REGIONS', 'SITES', 'CAPACITY', '2FA', 'DISABLED']);
    expect(rows.map((row) => row.split(/\s{2,}/).slice(1))).toEqual([
      ['ana@shop.example', 'Ana', 'admin', 'de,en', 'all', 'all', '5', 'off', 'no'],
      ['ben@shop.example', 'Ben Okafor', 'agent', 'en', 'eu,us', 'demo', '3', 'off', 'no'],
    ]);
    const json = await parley(dataDir, ['agent', 'list', '--json']);
    const agents = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(agents[1]).toMatchObject({ email: 'ben@shop.example', regions: ['eu', 'us'], sites: ['demo'], capacity: 3, isTotpEnabled: false, isDisabled: false });
    expect(json.stdout).not.toMatch(/argon2|passwordHash|totpSecret|pendingTotp/i);
    const ben = await withStore(dataDir, (store) => store.getAgentByEmail('ben@shop.example'));
    expect(await verifyPassword(ben!.passwordHash, PASSWORD)).toBe(true);
  });

  it('refuses a duplicate email (any case) and a weak password with one coded line and exit 1', async () => {
    const duplicate = await parley(dataDir, addArgs('ANA@shop.example'), { stdin: `${PASSWORD}\n` });
    expect(duplicate).toMatchObject({ code: 1, stdout: '' });
    expect(duplicate.stderr.trim()).toMatch(/^parley: PARLEY_ERR_AGENT_EMAIL_TAKEN: [^\n]+$/);
    const weak = await parley(dataDir, addArgs('cara@shop.example'), { stdin: 'password1234\n' });
    expect(weak).toMatchObject({ code: 1, stdout: '' });
    expect(weak.stderr.trim()).toMatch(/^parley: PARLEY_ERR_AGENT_PASSWORD_WEAK: [^\n]+$/);
    expect(await withStore(dataDir, (store) => store.getAgentByEmail('cara@shop.example'))).toBeNull();
  });

  it('disables an agent and ends their sessions; enables them again', async () => {
    const ben = (await withStore(dataDir, (store) => store.getAgentByEmail('ben@shop.example')))!;
    const now = new Date().toISOString();
    const sessionId = randomUUID();
    await withStore(dataDir, (store) => store.createSession({ id: sessionId, agentId: ben.id, csrfToken: 'csrf', createdAt: now, expiresAt: now, lastSeenAt: now }));
    const disable = await parley(dataDir, ['agent', 'disable', '--email', 'Ben@shop.example']);
    expect(disable).toMatchObject({ code: 0, stderr: '' });
    expect(disable.stdout).toMatch(/Disabled ben@shop\.example/);
    await withStore(dataDir, async (store) => {
      expect((await store.getAgent(ben.id))!.isDisabled).toBe(true);
      expect((await store.getSession(sessionId))!.revokedAt).toBeDefined();
    });
    expect((await parley(dataDir, ['agent', 'list'])).stdout).toMatch(/ben@shop\.example.*\s+off\s+yes$/m);
    expect((await parley(dataDir, ['agent', 'enable', '--email', 'ben@shop.example'])).code).toBe(0);
    expect((await withStore(dataDir, (store) => store.getAgent(ben.id)))!.isDisabled).toBe(false);
  });

  it('resets a password and ends the sessions and API tokens made with the old one', async () => {
    const ana = (await withStore(dataDir, (store) => store.getAgentByEmail('ana@shop.example')))!;
    const now = new Date().toISOString();
    const sessionId = randomUUID();
    const tokenId = randomUUID().replaceAll('-', '').slice(0, 16);
    await withStore(dataDir, (store) => store.createSession({ id: sessionId, agentId: ana.id, csrfToken: 'csrf', createdAt: now, expiresAt: now, lastSeenAt: now }));
    await withStore(dataDir, (store) => store.createApiToken({ id: tokenId, agentId: ana.id, name: 'crm', tokenHash: randomUUID(), scopes: ['conversations:read'], createdAt: now }));
    const weak = await parley(dataDir, ['agent', 'reset-password', '--email', 'ana@shop.example', '--password-stdin'], { stdin: 'ana\n' });
    expect(weak.stderr).toMatch(/PARLEY_ERR_AGENT_PASSWORD_WEAK/);
    const reset = await parley(dataDir, ['agent', 'reset-password', '--email', 'ana@shop.example', '--password-stdin'], { stdin: 'a brand new passphrase\n' });
    expect(reset).toMatchObject({ code: 0, stderr: '' });
    await withStore(dataDir, async (store) => {
      const after = (await store.getAgent(ana.id))!;
      expect(await verifyPassword(after.passwordHash, 'a brand new passphrase')).toBe(true);
      expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
      expect((await store.getSession(sessionId))!.revokedAt).toBeDefined();
      expect((await store.listApiTokens(ana.id)).find((token) => token.id === tokenId)?.revokedAt).toBeDefined();
    });
  });

  it('answers an unknown agent with PARLEY_ERR_AGENT_NOT_FOUND', async () => {
    for (const args of [['agent', 'disable', '--email', 'nobody@shop.example'], ['agent', 'enable', '--email', 'nobody@shop.example'], ['agent', 'reset-password', '--email', 'nobody@shop.example', '--password-stdin']]) {
      const run = await parley(dataDir, args, { stdin: `${PASSWORD}\n` });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim()).toMatch(/^parley: PARLEY_ERR_AGENT_NOT_FOUND: No agent with the email nobody@shop\.example\.$/);
    }
  });

  it('turns required two-factor on and off', async () => {
    expect((await parley(dataDir, ['settings', 'require-2fa', 'on'])).code).toBe(0);
    expect(await withStore(dataDir, (store) => store.getSettings())).toEqual({ isTotpRequired: true });
    expect((await parley(dataDir, ['settings', 'require-2fa', 'off'])).code).toBe(0);
    expect(await withStore(dataDir, (store) => store.getSettings())).toEqual({ isTotpRequired: false });
    const wrong = await parley(dataDir, ['settings', 'require-2fa', 'maybe']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/PARLEY_ERR_PAYLOAD_INVALID: settings require-2fa takes on or off/);
  });
});

describe('parley CLI usage errors', () => {
  const dataDir = join(root, 'usage');

  it.each([
    [['agent', 'add', '--emial', 'x@y'], /Unknown option '--emial'/],
    [['agent', 'frobnicate'], /Unknown command: agent frobnicate/],
    [addArgs('dee@shop.example').slice(0, -1), /--password-stdin is required/],
    [addArgs('dee@shop.example', '--regions', 'eu,mars'), /--regions must be among eu, us, br, sg, in; not: mars/],
    [addArgs('dee@shop.example', '--capacity', '0'), /--capacity must be a whole number from 1 to 100/],
    [['agent', 'add', '--email', 'dee@shop.example', '--name', 'Dee', '--role', 'owner', '--languages', 'en', '--password-stdin'], /--role must be admin, supervisor, agent/],
    [['agent', 'add', '--email', 'not-an-email', '--name', 'Dee', '--role', 'agent', '--languages', 'en', '--password-stdin'], /--email is not an email address/],
  ])('%j → usage and exit 1, nothing written', async (args, message) => {
    const run = await parley(dataDir, args, { stdin: `${PASSWORD}\n` });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    const [first, ...rest] = run.stderr.split('\n');
    expect(first).toMatch(/^parley: PARLEY_ERR_PAYLOAD_INVALID: /);
    expect(first).toMatch(message);
    expect(rest.join('\n')).toMatch(/Usage: pnpm parley <command>/);
    expect(existsSync(join(dataDir, 'directory.sqlite'))).toBe(false);
  });

  it('prints usage for --help (exit 0) and for no command at all (exit 1)', async () => {
    expect(await parley(dataDir, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/agent add --email/) });
    expect(await parley(dataDir, [])).toMatchObject({ code: 1, stderr: expect.stringMatching(/Usage: pnpm parley/) });
  });

  it('stops on a bad environment exactly as the gateway does (exit 78, variable named)', async () => {
    const run = await parley(dataDir, ['agent', 'list'], { env: { PARLEY_MONGODB_URI_DIRECTORY: 'postgres://accounts' } });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/PARLEY_MONGODB_URI_DIRECTORY: must start with mongodb/);
  });
});

describe.skipIf(!target.uri)('parley CLI on a MongoDB directory (PARLEY_MONGODB_URI_DIRECTORY)', () => {
  const dbName = `parley_cli_${randomUUID().slice(0, 8)}`;
  afterAll(async () => {
    const admin = new MongoClient(target.uri!);
    await admin.db(dbName).dropDatabase();
    await admin.close();
  });

  it('adds and lists agents in the database the URI names', async () => {
    const uri = new URL(target.uri!);
    uri.pathname = `/${dbName}`;
    const env = { PARLEY_MONGODB_URI_DIRECTORY: uri.toString() };
    const dataDir = join(root, 'mongo');
    const add = await parley(dataDir, addArgs('mongo@shop.example'), { stdin: `${PASSWORD}\n`, env });
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const duplicate = await parley(dataDir, addArgs('MONGO@shop.example'), { stdin: `${PASSWORD}\n`, env });
    expect(duplicate.stderr).toMatch(/^parley: PARLEY_ERR_AGENT_EMAIL_TAKEN/);
    const list = await parley(dataDir, ['agent', 'list', '--json'], { env });
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((agent) => agent.id)).toEqual([add.stdout.trim()]);
    expect(existsSync(join(dataDir, 'directory.sqlite'))).toBe(false);
  });
});
