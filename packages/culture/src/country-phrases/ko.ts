import type { CountryPhrases } from './country-phrases.ts';

// The names Korean shoppers use: 호주 (not 오스트레일리아), 한국 (not 대한민국 mid-sentence),
// 홍콩 (not Intl's 홍콩(중국 특별행정구)).
const SHORT_NAMES: Partial<Record<string, string>> = {
  AU: '호주',
  KR: '한국',
  HK: '홍콩',
  MO: '마카오',
  ZA: '남아프리카공화국',
  PS: '팔레스타인',
};

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8; // ㄹ as a final consonant takes 로, like a syllable with none (서울로)

/** The direction particle for `word`: 으로 after a final consonant, 로 after a vowel or ㄹ; (으)로 if not Hangul. */
export function directionParticle(word: string): '으로' | '로' | '(으)로' {
  const code = word.codePointAt(word.length - 1) ?? 0;
  if (code < HANGUL_FIRST || code > HANGUL_LAST) return '(으)로';
  const final = (code - HANGUL_FIRST) % 28;
  return final === 0 || final === RIEUL ? '로' : '으로';
}

/** Korean: particles by the last syllable ("프랑스에서" where, "프랑스로" / "일본으로" where to). */
export const KOREAN: CountryPhrases = {
  in: (code, name) => `${SHORT_NAMES[code] ?? name}에서`,
  to: (code, name) => {
    const word = SHORT_NAMES[code] ?? name;
    return `${word}${directionParticle(word)}`;
  },
};
