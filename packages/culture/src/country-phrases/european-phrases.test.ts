import { describe, expect, it } from 'vitest';
import type { SupportedLocale } from '../supported-locales.ts';
import { countryPhrasesFor } from './index.ts';
import { POLISH_INFLECTED_CODES } from './pl.ts';

// The countries the brief requires every European language to get right.
const REQUIRED = (
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB NO CH IS US CA MX BR AR CL CO PE ' +
  'AU NZ JP KR CN TW HK SG MY ID TH VN PH IN AE SA IL TR RU UA ZA EG MA NG'
).split(' ');
const EUROPEAN: readonly SupportedLocale[] = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'pt-BR', 'pt-PT', 'it-IT', 'nl-NL', 'pl-PL'];

/** Both phrases for `code` as the templates get them: built from Intl's name in `locale`. */
function phrases(locale: SupportedLocale, code: string): [string, string] {
  const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  const built = countryPhrasesFor(locale);
  return [built.in(code, name, locale), built.to(code, name, locale)];
}

describe('country phrases, European languages', () => {
  it.each([
    ['en-US', 'US', 'in the United States', 'to the United States'],
    ['en-GB', 'NL', 'in the Netherlands', 'to the Netherlands'],
    ['en-US', 'FR', 'in France', 'to France'],
    ['en-US', 'HK', 'in Hong Kong', 'to Hong Kong'],
    ['en-US', 'PH', 'in the Philippines', 'to the Philippines'],
    ['de-DE', 'CH', 'in der Schweiz', 'in die Schweiz'],
    ['de-DE', 'US', 'in den USA', 'in die USA'],
    ['de-DE', 'TR', 'in der Türkei', 'in die Türkei'],
    ['de-DE', 'FR', 'in Frankreich', 'nach Frankreich'],
    ['de-DE', 'NL', 'in den Niederlanden', 'in die Niederlande'],
    ['de-DE', 'GB', 'im Vereinigten Königreich', 'ins Vereinigte Königreich'],
    ['de-DE', 'HK', 'in Hongkong', 'nach Hongkong'],
    ['de-DE', 'CY', 'auf Zypern', 'nach Zypern'],
    ['de-DE', 'IR', 'im Iran', 'in den Iran'],
    ['fr-FR', 'FR', 'en France', 'en France'],
    ['fr-FR', 'BR', 'au Brésil', 'au Brésil'],
    ['fr-FR', 'US', 'aux États-Unis', 'aux États-Unis'],
    ['fr-FR', 'SG', 'à Singapour', 'à Singapour'],
    ['fr-FR', 'MX', 'au Mexique', 'au Mexique'],
    ['fr-FR', 'IL', 'en Israël', 'en Israël'],
    ['fr-FR', 'KR', 'en Corée du Sud', 'en Corée du Sud'],
    ['fr-FR', 'HK', 'à Hong Kong', 'à Hong Kong'],
    ['fr-FR', 'DK', 'au Danemark', 'au Danemark'],
    ['es-ES', 'ES', 'en España', 'a España'],
    ['es-ES', 'BR', 'en Brasil', 'a Brasil'],
    ['es-ES', 'GB', 'en el Reino Unido', 'al Reino Unido'],
    ['es-MX', 'NL', 'en los Países Bajos', 'a los Países Bajos'],
    ['es-MX', 'HK', 'en Hong Kong', 'a Hong Kong'],
    ['pt-BR', 'BR', 'no Brasil', 'para o Brasil'],
    ['pt-BR', 'FR', 'na França', 'para a França'],
    ['pt-BR', 'PT', 'em Portugal', 'para Portugal'],
    ['pt-BR', 'US', 'nos Estados Unidos', 'para os Estados Unidos'],
    ['pt-BR', 'PH', 'nas Filipinas', 'para as Filipinas'],
    ['pt-BR', 'HK', 'em Hong Kong', 'para Hong Kong'],
    ['pt-PT', 'PL', 'na Polónia', 'para a Polónia'],
    ['pt-PT', 'FR', 'em França', 'para França'],
    ['pt-PT', 'MA', 'em Marrocos', 'para Marrocos'],
    ['pt-PT', 'BR', 'no Brasil', 'para o Brasil'],
    ['it-IT', 'FR', 'in Francia', 'in Francia'],
    ['it-IT', 'US', 'negli Stati Uniti', 'negli Stati Uniti'],
    ['it-IT', 'GB', 'nel Regno Unito', 'nel Regno Unito'],
    ['it-IT', 'NL', 'nei Paesi Bassi', 'nei Paesi Bassi'],
    ['it-IT', 'SG', 'a Singapore', 'a Singapore'],
    ['nl-NL', 'FR', 'in Frankrijk', 'naar Frankrijk'],
    ['nl-NL', 'US', 'in de Verenigde Staten', 'naar de Verenigde Staten'],
    ['nl-NL', 'GB', 'in het Verenigd Koninkrijk', 'naar het Verenigd Koninkrijk'],
    ['nl-NL', 'HK', 'in Hongkong', 'naar Hongkong'],
    ['pl-PL', 'FR', 'we Francji', 'do Francji'],
    ['pl-PL', 'DE', 'w Niemczech', 'do Niemiec'],
    ['pl-PL', 'US', 'w Stanach Zjednoczonych', 'do Stanów Zjednoczonych'],
    ['pl-PL', 'HU', 'na Węgrzech', 'na Węgry'],
    ['pl-PL', 'IT', 'we Włoszech', 'do Włoch'],
    ['pl-PL', 'CN', 'w Chinach', 'do Chin'],
    ['pl-PL', 'IN', 'w Indiach', 'do Indii'],
    ['pl-PL', 'HK', 'w Hongkongu', 'do Hongkongu'],
  ] as const)('%s %s: %s / %s', (locale, code, inPhrase, toPhrase) => {
    expect(phrases(locale, code)).toEqual([inPhrase, toPhrase]);
  });

  it('inflects every required country in Polish from its table, never from the nominative', () => {
    expect(REQUIRED.filter((code) => !POLISH_INFLECTED_CODES.includes(code))).toEqual([]);
    const nominative = new Intl.DisplayNames(['pl-PL'], { type: 'region' });
    // Where the nominative would be wrong after "w"/"do", the phrase must not contain it unchanged.
    for (const code of ['FR', 'DE', 'US', 'CZ', 'GB', 'PL']) {
      const [inPhrase, toPhrase] = phrases('pl-PL', code);
      expect(inPhrase, code).not.toContain(nominative.of(code));
      expect(toPhrase, code).not.toContain(nominative.of(code));
    }
  });

  it.each(EUROPEAN)('%s: every required country gets a clean phrase with its preposition', (locale) => {
    for (const code of REQUIRED) {
      for (const phrase of phrases(locale, code)) {
        expect(phrase, `${locale} ${code}`).toMatch(/^\p{Ll}+ \p{L}/u);
        expect(phrase, `${locale} ${code}`).not.toMatch(/[()]|SAR|RAE|R\.A\.S|SRA|RAS |Sonderverwaltungsregion/u);
      }
    }
  });

  it('falls back sensibly for a country no table lists', () => {
    expect(phrases('en-US', 'BT')).toEqual(['in Bhutan', 'to Bhutan']);
    expect(phrases('de-DE', 'BT')).toEqual(['in Bhutan', 'nach Bhutan']);
    expect(phrases('fr-FR', 'BT')).toEqual(['au Bhoutan', 'au Bhoutan']);
    expect(phrases('fr-FR', 'ET')).toEqual(['en Éthiopie', 'en Éthiopie']);
    expect(phrases('es-ES', 'BT')).toEqual(['en Bután', 'a Bután']);
    expect(phrases('pt-BR', 'ET')).toEqual(['na Etiópia', 'para a Etiópia']);
    expect(phrases('it-IT', 'BT')).toEqual(['in Bhutan', 'in Bhutan']);
    expect(phrases('nl-NL', 'BT')).toEqual(['in Bhutan', 'naar Bhutan']);
    expect(phrases('pl-PL', 'BT')).toEqual(['w kraju Bhutan', 'do kraju Bhutan']);
    expect(phrases('en-US', 'MM')).toEqual(['in Myanmar', 'to Myanmar']);
  });
});
