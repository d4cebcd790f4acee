import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

const base = { PARLEY_SECRET: 'test-secret-test-secret-test-secret!' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

describe('translation configuration', () => {
  it('is off by default, and a provider per region may differ', () => {
    expect(loadConfig(base).translation?.providers.eu).toBeNull();
    const config = loadConfig({ ...base, PARLEY_TRANSLATE_PROVIDER: 'apertium', PARLEY_APERTIUM_URL: 'http://127.0.0.1:2737', PARLEY_TRANSLATE_PROVIDER_US: 'google', PARLEY_GOOGLE_TRANSLATE_API_KEY: 'k' });
    expect(config.translation?.providers.eu).toEqual({ id: 'apertium', url: 'http://127.0.0.1:2737' });
    expect(config.translation?.providers.us).toMatchObject({ id: 'google', version: 'v2', apiKey: 'k' });
  });

  it('names the bad variable: an unknown provider, a missing key, a malformed URL', () => {
    expect(problemsOf({ PARLEY_TRANSLATE_PROVIDER: 'babelfish' })).toContain('PARLEY_TRANSLATE_PROVIDER: must be one of none, deepl');
    expect(problemsOf({ PARLEY_TRANSLATE_PROVIDER: 'deepl' })).toContain('PARLEY_DEEPL_KEY: required when PARLEY_TRANSLATE_PROVIDER=deepl');
    expect(problemsOf({ PARLEY_TRANSLATE_PROVIDER: 'libretranslate', PARLEY_LIBRETRANSLATE_URL: 'localhost:5000' })).toContain('PARLEY_LIBRETRANSLATE_URL: must be an http(s) URL');
    expect(problemsOf({ PARLEY_TRANSLATE_PROVIDER_SG: 'amazon', PARLEY_AWS_REGION: 'ap-southeast-1' })).toContain('PARLEY_AWS_ACCESS_KEY_ID: required when PARLEY_TRANSLATE_PROVIDER_SG=amazon');
    expect(problemsOf({ PARLEY_TRANSLATE_TIMEOUT_MS: '5' })).toContain('PARLEY_TRANSLATE_TIMEOUT_MS');
  });

  it('keeps EU conversations on EU endpoints: Azure global is refused for the EU, api-eur accepted', () => {
    const azure = { PARLEY_TRANSLATE_PROVIDER: 'azure', PARLEY_AZURE_TRANSLATOR_KEY: 'k', PARLEY_AZURE_TRANSLATOR_REGION: 'westeurope' };
    expect(problemsOf(azure)).toContain('PARLEY_TRANSLATE_PROVIDER: azure here processes text outside the EU');
    expect(problemsOf({ ...azure, PARLEY_AZURE_TRANSLATOR_ENDPOINT_EU: 'https://api-eur.cognitive.microsofttranslator.com' })).toBe('');
    expect(problemsOf({ PARLEY_TRANSLATE_PROVIDER: 'google', PARLEY_GOOGLE_TRANSLATE_API_KEY: 'k', PARLEY_TRANSLATE_PROVIDER_EU: 'deepl', PARLEY_DEEPL_KEY: 'abc:fx' })).toBe('');
    expect(problemsOf({ PARLEY_TRANSLATE_PROVIDER_EU: 'amazon', PARLEY_AWS_REGION: 'us-east-1', PARLEY_AWS_ACCESS_KEY_ID: 'a', PARLEY_AWS_SECRET_ACCESS_KEY: 's' })).toContain('PARLEY_TRANSLATE_PROVIDER_EU: amazon here processes text in the US');
  });
});
