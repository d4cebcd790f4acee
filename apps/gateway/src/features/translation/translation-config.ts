import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';

/** The providers `PARLEY_TRANSLATE_PROVIDER` may name; `none` switches live translation off. */
export const TRANSLATE_PROVIDER_NAMES = ['none', 'deepl', 'google', 'azure', 'amazon', 'libretranslate', 'apertium'] as const;
export type TranslateProviderName = (typeof TRANSLATE_PROVIDER_NAMES)[number];

/** One provider with its credentials, read from the environment (never from sites.json). */
export type ProviderSpec =
  | { id: 'deepl'; key: string; url?: string | undefined }
  | { id: 'google'; version: 'v2'; apiKey: string; url?: string | undefined }
  | { id: 'google'; version: 'v3'; projectId: string; location: string; accessToken: string; url?: string | undefined }
  | { id: 'azure'; key: string; region?: string | undefined; endpoint?: string | undefined }
  | { id: 'amazon'; region: string; accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined; endpoint?: string | undefined }
  | { id: 'libretranslate'; url: string; apiKey?: string | undefined }
  | { id: 'apertium'; url: string };

/** Live translation per region: the provider its conversations go to, or null for none. */
export interface TranslationConfig {
  providers: Record<Region, ProviderSpec | null>;
  /** Per attempt, before a provider counts as not answering. */
  timeoutMs: number;
  /** Each spec's variables, for error messages that name what to fix. */
  variableOf: Record<Region, string>;
}

type Env = Record<string, string | undefined>;

/**
 * Reads `PARLEY_TRANSLATE_PROVIDER` (and `PARLEY_TRANSLATE_PROVIDER_EU`, `_US`, … per region)
 * with each provider's variables. A provider variable may also be set per region with the same
 * suffix (`PARLEY_AZURE_TRANSLATOR_ENDPOINT_EU`), which wins for that region. Returns the
 * problems, each naming its variable, instead of throwing, so config.ts reports them all at once.
 */
export function readTranslationConfig(env: Env): { config: TranslationConfig; problems: string[] } {
  const problems: string[] = [];
  const providers = {} as Record<Region, ProviderSpec | null>;
  const variableOf = {} as Record<Region, string>;
  for (const region of REGIONS) {
    const suffix = `_${region.toUpperCase()}`;
    const own = nonEmpty(env[`PARLEY_TRANSLATE_PROVIDER${suffix}`]);
    const variable = own ? `PARLEY_TRANSLATE_PROVIDER${suffix}` : 'PARLEY_TRANSLATE_PROVIDER';
    variableOf[region] = variable;
    const name = (own ?? nonEmpty(env['PARLEY_TRANSLATE_PROVIDER']) ?? 'none').toLowerCase();
    if (!(TRANSLATE_PROVIDER_NAMES as readonly string[]).includes(name)) {
      problems.push(`${variable}: must be one of ${TRANSLATE_PROVIDER_NAMES.join(', ')} (got "${name}")`);
      providers[region] = null;
      continue;
    }
    const read = (base: string) => nonEmpty(env[`${base}${suffix}`]) ?? nonEmpty(env[base]);
    const need = (base: string, why: string): string => {
      const value = read(base);
      if (!value) problems.push(`${base}: required when ${variable}=${name} (${why})`);
      return value ?? '';
    };
    const url = (base: string, required: boolean, why: string): string | undefined => {
      const value = required ? need(base, why) : read(base);
      if (value && !/^https?:\/\/[^\s]+$/u.test(value)) problems.push(`${base}: must be an http(s) URL (got "${value}")`);
      return value || undefined;
    };
    providers[region] = specFor(name as TranslateProviderName, { need, read, url });
  }
  const timeout = Number(env['PARLEY_TRANSLATE_TIMEOUT_MS'] ?? 8000);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 60_000) problems.push('PARLEY_TRANSLATE_TIMEOUT_MS: must be an integer between 100 and 60000 (milliseconds)');
  return { config: { providers, timeoutMs: timeout, variableOf }, problems };
}

interface Readers {
  need(base: string, why: string): string;
  read(base: string): string | undefined;
  url(base: string, required: boolean, why: string): string | undefined;
}

function specFor(name: TranslateProviderName, { need, read, url }: Readers): ProviderSpec | null {
  switch (name) {
    case 'none':
      return null;
    case 'deepl':
      return { id: 'deepl', key: need('PARLEY_DEEPL_KEY', 'your DeepL API key; free keys end in :fx'), url: url('PARLEY_DEEPL_URL', false, '') };
    case 'google':
      if (read('PARLEY_GOOGLE_TRANSLATE_API_KEY')) return { id: 'google', version: 'v2', apiKey: need('PARLEY_GOOGLE_TRANSLATE_API_KEY', ''), url: url('PARLEY_GOOGLE_TRANSLATE_URL', false, '') };
      return {
        id: 'google',
        version: 'v3',
        projectId: need('PARLEY_GOOGLE_PROJECT_ID', 'Cloud Translation v3; or set PARLEY_GOOGLE_TRANSLATE_API_KEY for v2'),
        location: read('PARLEY_GOOGLE_LOCATION') ?? 'global',
        accessToken: need('PARLEY_GOOGLE_ACCESS_TOKEN', 'an OAuth access token for the project'),
        url: url('PARLEY_GOOGLE_TRANSLATE_URL', false, ''),
      };
    case 'azure':
      return { id: 'azure', key: need('PARLEY_AZURE_TRANSLATOR_KEY', 'the Translator resource key'), region: read('PARLEY_AZURE_TRANSLATOR_REGION'), endpoint: url('PARLEY_AZURE_TRANSLATOR_ENDPOINT', false, '') };
    case 'amazon':
      return {
        id: 'amazon',
        region: need('PARLEY_AWS_REGION', 'the AWS region of Amazon Translate, e.g. eu-central-1'),
        accessKeyId: need('PARLEY_AWS_ACCESS_KEY_ID', 'credentials for translate:TranslateText'),
        secretAccessKey: need('PARLEY_AWS_SECRET_ACCESS_KEY', 'credentials for translate:TranslateText'),
        sessionToken: read('PARLEY_AWS_SESSION_TOKEN'),
        endpoint: url('PARLEY_AMAZON_TRANSLATE_ENDPOINT', false, ''),
      };
    case 'libretranslate':
      return { id: 'libretranslate', url: url('PARLEY_LIBRETRANSLATE_URL', true, 'your LibreTranslate server') ?? '', apiKey: read('PARLEY_LIBRETRANSLATE_KEY') };
    case 'apertium':
      return { id: 'apertium', url: url('PARLEY_APERTIUM_URL', true, 'your Apertium APy server, e.g. http://127.0.0.1:2737') ?? '' };
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
