import { describe, expect, it } from 'vitest';
import { DEMO_SITE, isOriginAllowed } from '../sites/site.ts';
import type { Site } from '../sites/site.ts';
import { regionForCountry } from './country-regions.ts';

describe('regionForCountry', () => {
  it.each([
    ['DE', 'eu'],
    ['fr', 'eu'],
    ['US', 'us'],
    ['BR', 'br'],
    ['SG', 'sg'],
    ['JP', 'sg'],
    ['IN', 'in'],
  ])('%s → %s', (country, region) => {
    expect(regionForCountry(country)).toBe(region);
  });

  it('has no answer for unknown or malformed codes', () => {
    expect(regionForCountry('ZZ')).toBeUndefined();
    expect(regionForCountry('DEU')).toBeUndefined();
    expect(regionForCountry(undefined)).toBeUndefined();
  });
});

describe('isOriginAllowed', () => {
  const site: Site = { ...DEMO_SITE, allowedOrigins: ['https://shop.example', 'http://localhost:*'] };
  it('matches exact origins and any-port patterns only', () => {
    expect(isOriginAllowed(site, 'https://shop.example')).toBe(true);
    expect(isOriginAllowed(site, 'https://shop.example.evil.com')).toBe(false);
    expect(isOriginAllowed(site, 'http://localhost:3000')).toBe(true);
    expect(isOriginAllowed(site, 'http://localhost:3000.evil.com')).toBe(false);
    expect(isOriginAllowed(site, 'http://localhost.evil.com:80')).toBe(false);
  });
});
