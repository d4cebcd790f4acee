import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteRegistry } from './site-registry.ts';
import { DEMO_SITE } from './site.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-sites-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a sites file with one site (the demo's basics plus `extra`) and loads it. */
function load(extra: Record<string, unknown>) {
  const { support: _support, orders: _orders, returns: _returns, ...basics } = DEMO_SITE;
  const path = join(dir, `sites-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ sites: [{ ...basics, key: 'shop', ...extra }] }));
  return loadSiteRegistry({ sitesFile: path, dataDir: dir });
}

describe('site configuration for the bot', () => {
  it('accepts hours per market with holidays, a webhook, returns and knowledge corrections', () => {
    const sites = load({
      support: {
        hours: { timeZone: 'Europe/Berlin', weekly: { mon: [['09:00', '17:30']] }, holidays: ['2026-12-24'] },
        markets: [{ name: 'Japan', countries: ['JP'], hours: { timeZone: 'Asia/Tokyo', weekly: { mon: [['10:00', '19:00']] } } }],
      },
      orders: { source: 'webhook', url: 'https://shop.example/parley/orders', secret: 's'.repeat(32), timeoutMs: 3000 },
      returns: { windowDays: 30, addresses: [{ countries: ['JP'], address: 'Tokyo warehouse' }] },
      knowledge: { consumptionTaxes: [{ country: 'FR', kind: 'VAT', standardRate: 0.2, source: 'our accountant', asOf: '2026-11-01' }] },
    });
    expect(sites.get('shop')?.support?.markets?.[0]?.name).toBe('Japan');
  });

  it.each([
    [{ orders: { source: 'webhook', url: 'http://shop.example/orders', secret: 's'.repeat(32) } }, 'orders.url: must be an https:// URL'],
    [{ orders: { source: 'webhook', url: 'https://shop.example/orders', secret: 'short' } }, 'orders.secret: must be at least 32 characters'],
    [{ support: { hours: { timeZone: 'Mars/Olympus', weekly: {} } } }, 'support.hours.timeZone: must be an IANA time zone'],
    [{ support: { hours: { timeZone: 'UTC', weekly: { mon: [['9am', '5pm']] } } } }, 'support.hours.weekly.mon.0.0: must be HH:MM'],
    [{ returns: { windowDays: 7 } }, 'returns.windowDays'],
    [{ support: { hours: { timeZone: 'UTC', weekly: {} }, markets: [{ name: 'EU', countries: ['Germany'], hours: { timeZone: 'UTC', weekly: {} } }] } }, 'support.markets.0.countries.0: must be an ISO 3166-1 alpha-2 code'],
  ])('refuses a bad setting at start-up, naming the field: %j', (extra, message) => {
    expect(() => load(extra)).toThrow(message);
  });
});
