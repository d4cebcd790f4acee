import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const cdn = fileURLToPath(new URL('../dist/cdn', import.meta.url));
const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

// Byte budgets are deterministic for a given build, so they are tests, not benchmarks.
describe('widget bundle budget (dist/cdn, built by pnpm build)', () => {
  const chunks = readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js'));

  it('keeps loader.js under 2 KB gzipped', () => {
    expect(gzipBytes(join(cdn, 'loader.js'))).toBeLessThan(2048);
  });

  it('keeps everything the loader imports at or under 35 KB gzipped', () => {
    const total = chunks.reduce((sum, name) => sum + gzipBytes(join(cdn, 'chunks', name)), 0);
    expect(total).toBeLessThanOrEqual(35 * 1024);
  });

  it('ships no zod and no i18n library to shoppers', () => {
    for (const name of [...chunks.map((c) => join('chunks', c)), 'loader.js']) {
      const code = readFileSync(join(cdn, name), 'utf8');
      expect(code).not.toMatch(/ZodError|\$ZodType/);
      expect(code).not.toMatch(/i18next/);
    }
  });

  it('hashes chunk names so they can be cached for a year', () => {
    expect(chunks.some((name) => /^app-[\w-]{6,}\.js$/.test(name))).toBe(true);
  });
});
