import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import { createAmazonProvider, createApertiumProvider, createAzureProvider, createDeeplProvider, createGoogleProvider, createLibreTranslateProvider } from '@parley/translation';
import type { ProviderHttpOptions, TranslationProvider } from '@parley/translation';
import type { ProviderSpec, TranslationConfig } from './translation-config.ts';

/** The adapter for one spec. Creating one does no I/O. */
export function createProvider(spec: ProviderSpec, http: ProviderHttpOptions): TranslationProvider {
  switch (spec.id) {
    case 'deepl':
      return createDeeplProvider({ key: spec.key, url: spec.url, http });
    case 'google':
      return spec.version === 'v2'
        ? createGoogleProvider({ version: 'v2', apiKey: spec.apiKey, url: spec.url, http })
        : createGoogleProvider({ version: 'v3', projectId: spec.projectId, location: spec.location, accessToken: spec.accessToken, url: spec.url, http });
    case 'azure':
      return createAzureProvider({ key: spec.key, region: spec.region, endpoint: spec.endpoint, http });
    case 'amazon':
      return createAmazonProvider({ region: spec.region, accessKeyId: spec.accessKeyId, secretAccessKey: spec.secretAccessKey, sessionToken: spec.sessionToken, endpoint: spec.endpoint, http });
    case 'libretranslate':
      return createLibreTranslateProvider({ url: spec.url, apiKey: spec.apiKey, http });
    case 'apertium':
      return createApertiumProvider({ url: spec.url, http });
  }
}

/**
 * One provider per region (regions sharing a spec share the adapter, so they share its circuit
 * breaker), and the residency rule checked: an EU conversation may only be sent to a provider
 * that processes it in the EU (DeepL, Azure `api-eur`, Google's EU endpoint, Amazon in an `eu-`
 * region) or to a server of your own (LibreTranslate, Apertium). Problems name the variable.
 */
export function createRegionProviders(config: TranslationConfig): { providers: Partial<Record<Region, TranslationProvider>>; problems: string[] } {
  const problems: string[] = [];
  const providers: Partial<Record<Region, TranslationProvider>> = {};
  const shared = new Map<string, TranslationProvider>();
  const http: ProviderHttpOptions = { timeoutMs: config.timeoutMs };
  for (const region of REGIONS) {
    const spec = config.providers[region];
    if (!spec) continue;
    const id = JSON.stringify(spec);
    const provider = shared.get(id) ?? createProvider(spec, http);
    shared.set(id, provider);
    if (region === 'eu' && provider.location !== 'eu' && provider.location !== 'self-hosted') {
      problems.push(
        `${config.variableOf.eu}: ${spec.id} here processes text ${provider.location === 'us' ? 'in the US' : 'outside the EU'}, and EU conversations may only go to an EU endpoint. ` +
          'Use deepl, azure with PARLEY_AZURE_TRANSLATOR_ENDPOINT_EU=https://api-eur.cognitive.microsofttranslator.com, amazon with PARLEY_AWS_REGION_EU=eu-…, libretranslate or apertium (self-hosted), or set PARLEY_TRANSLATE_PROVIDER_EU=none.',
      );
      continue;
    }
    providers[region] = provider;
  }
  return { providers, problems };
}
