import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.ts';
import { DEMO_SITE, SitesFileSchema } from './site.ts';
import type { Site } from './site.ts';

/** The sites this gateway serves, by public key. */
export interface SiteRegistry {
  get(siteKey: string): Site | undefined;
  all(): Site[];
}

/**
 * Loads sites from `sitesFile`, else `<dataDir>/sites.json` when present. The demo site is always
 * there unless the file defines its own `demo`. A malformed file stops start-up with its path.
 *
 * @example
 * // .parley/sites.json
 * { "sites": [{ "key": "acme", "name": "Acme", "allowedOrigins": ["https://acme.example"],
 *               "defaultLocale": "de-DE", "residency": { "mode": "fixed", "region": "eu" } }] }
 */
export function loadSiteRegistry(options: { sitesFile: string | undefined; dataDir: string }): SiteRegistry {
  const path = options.sitesFile ?? join(options.dataDir, 'sites.json');
  const sites = new Map<string, Site>([[DEMO_SITE.key, DEMO_SITE]]);
  if (options.sitesFile && !existsSync(path)) throw new ConfigError(`PARLEY_SITES_FILE: ${path} does not exist`);
  if (existsSync(path)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`Sites file ${path} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = SitesFileSchema.safeParse(json);
    if (!parsed.success) {
      // Name the site by its key, not only its index: "sites.2 (nordlicht).branding.brandColor: …".
      const keyOf = (index: unknown) => (json as { sites?: { key?: unknown }[] })?.sites?.[Number(index)]?.key;
      const problems = parsed.error.issues.map((issue) => {
        const [first, index, ...rest] = issue.path;
        const key = first === 'sites' ? keyOf(index) : undefined;
        const where = typeof key === 'string' ? [`sites.${String(index)} (${key})`, ...rest].join('.') : issue.path.join('.');
        return `${where}: ${issue.message}`;
      });
      throw new ConfigError(`Sites file ${path} is invalid:\n  ${problems.join('\n  ')}`);
    }
    for (const site of parsed.data.sites) sites.set(site.key, site);
  }
  return { get: (siteKey) => sites.get(siteKey), all: () => [...sites.values()] };
}
