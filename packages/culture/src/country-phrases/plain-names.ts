import type { CountryPhrases } from './country-phrases.ts';

/**
 * For languages whose templates put the particle or preposition themselves (ja に/宛て, zh 在/寄往,
 * th ใน/ไป, vi tại/đến, id di/ke): the name as is, except where Intl gives an administrative
 * label no sentence uses ("中華人民共和国香港特別行政区", "Hong Kong DAK Tiongkok").
 */
export function plainNames(shortNames: Partial<Record<string, string>>): CountryPhrases {
  return {
    in: (code, name) => shortNames[code] ?? name,
    to: (code, name) => shortNames[code] ?? name,
  };
}

/** Japanese. */
export const JAPANESE = plainNames({ HK: '香港', MO: 'マカオ', US: 'アメリカ', PS: 'パレスチナ' });
/** Simplified Chinese (mainland usage: 中国香港). */
export const CHINESE_SIMPLIFIED = plainNames({ HK: '中国香港', MO: '中国澳门', PS: '巴勒斯坦' });
/** Traditional Chinese (Taiwan and Hong Kong usage). */
export const CHINESE_TRADITIONAL = plainNames({ HK: '香港', MO: '澳門', PS: '巴勒斯坦' });
/** Thai. */
export const THAI = plainNames({ HK: 'ฮ่องกง', MO: 'มาเก๊า', PS: 'ปาเลสไตน์' });
/** Vietnamese. */
export const VIETNAMESE = plainNames({ HK: 'Hồng Kông', MO: 'Ma Cao', PS: 'Palestine' });
/** Indonesian. */
export const INDONESIAN = plainNames({ HK: 'Hong Kong', MO: 'Makau', PS: 'Palestina' });
