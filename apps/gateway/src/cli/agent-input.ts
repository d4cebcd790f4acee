import { AGENT_ROLES, REGIONS } from '@parley/protocol';
import type { AgentRole, Region } from '@parley/protocol';
import { UsageError } from './usage.ts';

/** The site-key shape sites.json allows (docs/configuration.md). */
const SITE_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_CAPACITY = 100;

/** A trimmed, plausible email (one @, no spaces), or a UsageError. */
export function emailFrom(value: string | undefined): string {
  const email = value?.trim() ?? '';
  if (!email) throw new UsageError('--email is required');
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`--email is not an email address: ${email}`);
  return email;
}

/** A display name without control characters, at most 100 characters. */
export function nameFrom(value: string | undefined): string {
  const name = value?.trim() ?? '';
  if (!name) throw new UsageError('--name is required');
  // eslint-disable-next-line no-control-regex
  if ([...name].length > 100 || /[\u0000-\u001f\u007f]/.test(name)) throw new UsageError('--name must be at most 100 characters, without control characters');
  return name;
}

/** One of AGENT_ROLES. */
export function roleFrom(value: string | undefined): AgentRole {
  const role = value?.trim().toLowerCase() ?? '';
  if (!(AGENT_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be ${AGENT_ROLES.join(', ')}`);
  return role as AgentRole;
}

/**
 * Lower-cased primary language tags, each once: `de-DE,EN` → `['de', 'en']` (an agent answers
 * in a language, whatever the shopper's regional variant).
 */
export function languagesFrom(value: string | undefined): string[] {
  const tags = listFrom(value, '--languages', 'a language, such as de,en').map((tag) => tag.toLowerCase().split(/[-_]/)[0] ?? '');
  const invalid = tags.filter((tag) => !/^[a-z]{2,3}$/.test(tag));
  if (invalid.length > 0) throw new UsageError(`--languages takes language tags such as de,en; not: ${invalid.join(', ')}`);
  return [...new Set(tags)];
}

/** Regions from REGIONS, or null (every region) when the flag is left out. */
export function regionsFrom(value: string | undefined): Region[] | null {
  if (value === undefined) return null;
  const regions = listFrom(value, '--regions', 'a region, or leave --regions out for all').map((region) => region.toLowerCase());
  const unknown = regions.filter((region) => !(REGIONS as readonly string[]).includes(region));
  if (unknown.length > 0) throw new UsageError(`--regions must be among ${REGIONS.join(', ')}; not: ${unknown.join(', ')}`);
  return [...new Set(regions)] as Region[];
}

/** Site keys, or null (every site) when the flag is left out. */
export function sitesFrom(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const sites = listFrom(value, '--sites', 'a site key, or leave --sites out for all');
  const invalid = sites.filter((site) => !SITE_KEY.test(site));
  if (invalid.length > 0) throw new UsageError(`--sites takes site keys ([A-Za-z0-9_-], up to 64); not: ${invalid.join(', ')}`);
  return [...new Set(sites)];
}

/** Conversations open at once: a whole number from 1 to 100; 5 when left out. */
export function capacityFrom(value: string | undefined): number {
  if (value === undefined) return 5;
  const capacity = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || capacity < 1 || capacity > MAX_CAPACITY) {
    throw new UsageError(`--capacity must be a whole number from 1 to ${MAX_CAPACITY}`);
  }
  return capacity;
}

function listFrom(value: string | undefined, flag: string, hint: string): string[] {
  const items = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs at least ${hint}`);
  return items;
}
