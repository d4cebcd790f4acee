import type { Region } from '@parley/protocol';

// EU/EEA members plus countries with an EU adequacy decision whose shops expect EU hosting.
const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH GB'.split(' ');
const US = 'US CA MX PR'.split(' ');
const BR = ['BR'];
const SG = 'SG MY ID TH VN PH JP KR AU NZ HK TW'.split(' ');
const IN = ['IN'];

const TABLE: ReadonlyMap<string, Region> = new Map([
  ...EU.map((c) => [c, 'eu'] as const),
  ...US.map((c) => [c, 'us'] as const),
  ...BR.map((c) => [c, 'br'] as const),
  ...SG.map((c) => [c, 'sg'] as const),
  ...IN.map((c) => [c, 'in'] as const),
]);

/**
 * The region whose law keeps a shopper's data, from an ISO 3166-1 alpha-2 country code;
 * undefined for countries with no rule (the site's default region applies).
 */
export function regionForCountry(country: string | undefined): Region | undefined {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return undefined;
  return TABLE.get(country.toUpperCase());
}
