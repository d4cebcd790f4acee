import type { CountryPhrases } from './country-phrases.ts';

type Article = 'o' | 'a' | 'os' | 'as' | '';

// Portuguese names countries with their article ("o Brasil", "a França", "os Estados Unidos"),
// except a few (Portugal, Israel, Singapura, Hong Kong …), and contracts it with "em" ("no
// Brasil", "na França", "em Portugal"). Listed codes are checked; others follow the name's ending.
const MASCULINE = 'BR CA JP MX GB CL PE VN EG LB IR IQ PY UY EC PA QA KW NP SD SN LU PK BD VE CR SV GT KE GH'.split(' ');
const FEMININE =
  'FR DE IT ES BE AT CH SE NO DK FI IE GR PL HU RO BG HR SK SI EE LV LT CZ AR CO AU NZ KR CN IN MY ID TH SA TR RU UA ZA IS BO NG GW'.split(' ');
const NO_ARTICLE = 'PT IL SG HK MO TW CU MT CY AD MC SM AO MZ CV TL ST MG'.split(' ');
const ARTICLES: Partial<Record<string, Article>> = {
  ...Object.fromEntries(MASCULINE.map((code) => [code, 'o'])),
  ...Object.fromEntries(FEMININE.map((code) => [code, 'a'])),
  ...Object.fromEntries(NO_ARTICLE.map((code) => [code, ''])),
  US: 'os', NL: 'os', AE: 'os', CM: 'os', PH: 'as', MV: 'as', BS: 'as', SC: 'as',
};
// Brazil says "no Marrocos", "na França"; Portugal says "em Marrocos", "em França", "em Espanha", "em Itália".
const BRAZIL: Partial<Record<string, Article>> = { MA: 'o' };
const PORTUGAL: Partial<Record<string, Article>> = { MA: '', FR: '', ES: '', IT: '' };
// Intl's long names for the special administrative regions ("Hong Kong, RAE da China").
const NAMES: Partial<Record<string, string>> = { HK: 'Hong Kong', MO: 'Macau' };
const IN: Record<Article, string> = { o: 'no ', a: 'na ', os: 'nos ', as: 'nas ', '': 'em ' };

function article(code: string, name: string, overrides: Partial<Record<string, Article>>): Article {
  const known = overrides[code] ?? ARTICLES[code];
  if (known !== undefined) return known;
  if (/a$/u.test(name)) return 'a';
  return /s$/u.test(name) ? '' : 'o';
}

function phrases(overrides: Partial<Record<string, Article>>): CountryPhrases {
  const base = (code: string, name: string) => NAMES[code] ?? name.replace(/\s*\(.*\)$/u, '').replace(/,.*$/u, '');
  return {
    in: (code, name) => `${IN[article(code, name, overrides)]}${base(code, name)}`,
    to: (code, name) => {
      const chosen = article(code, name, overrides);
      return chosen ? `para ${chosen} ${base(code, name)}` : `para ${base(code, name)}`;
    },
  };
}

/** Brazilian Portuguese: "no Brasil" / "para o Brasil", "na França" / "para a França", "em Portugal", "nos Estados Unidos". */
export const PT_BR_PHRASES: CountryPhrases = phrases(BRAZIL);

/** European Portuguese: the same rules with Portugal's names ("na Polónia") and usage ("em Marrocos", "em França"). */
export const PT_PT_PHRASES: CountryPhrases = phrases(PORTUGAL);
