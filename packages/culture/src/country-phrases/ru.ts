import type { CountryPhrases } from './country-phrases.ts';

// [where: prepositional case, where to: accusative], with the preposition each takes. Islands
// and archipelagos take "на" (на Кипре, на Филиппины); Ukraine takes "в" (the form Ukrainian
// shoppers expect). Short names where Intl's are administrative ("Республика Корея", "США").
const FORMS: Partial<Record<string, readonly [string, string]>> = {
  AT: ['в Австрии', 'в Австрию'], BE: ['в Бельгии', 'в Бельгию'], BG: ['в Болгарии', 'в Болгарию'],
  HR: ['в Хорватии', 'в Хорватию'], CY: ['на Кипре', 'на Кипр'], CZ: ['в Чехии', 'в Чехию'],
  DK: ['в Дании', 'в Данию'], EE: ['в Эстонии', 'в Эстонию'], FI: ['в Финляндии', 'в Финляндию'],
  FR: ['во Франции', 'во Францию'], DE: ['в Германии', 'в Германию'], GR: ['в Греции', 'в Грецию'],
  HU: ['в Венгрии', 'в Венгрию'], IE: ['в Ирландии', 'в Ирландию'], IT: ['в Италии', 'в Италию'],
  LV: ['в Латвии', 'в Латвию'], LT: ['в Литве', 'в Литву'], LU: ['в Люксембурге', 'в Люксембург'],
  MT: ['на Мальте', 'на Мальту'], NL: ['в Нидерландах', 'в Нидерланды'], PL: ['в Польше', 'в Польшу'],
  PT: ['в Португалии', 'в Португалию'], RO: ['в Румынии', 'в Румынию'], SK: ['в Словакии', 'в Словакию'],
  SI: ['в Словении', 'в Словению'], ES: ['в Испании', 'в Испанию'], SE: ['в Швеции', 'в Швецию'],
  GB: ['в Великобритании', 'в Великобританию'], NO: ['в Норвегии', 'в Норвегию'], CH: ['в Швейцарии', 'в Швейцарию'],
  IS: ['в Исландии', 'в Исландию'], US: ['в США', 'в США'], CA: ['в Канаде', 'в Канаду'],
  MX: ['в Мексике', 'в Мексику'], BR: ['в Бразилии', 'в Бразилию'], AR: ['в Аргентине', 'в Аргентину'],
  CL: ['в Чили', 'в Чили'], CO: ['в Колумбии', 'в Колумбию'], PE: ['в Перу', 'в Перу'],
  AU: ['в Австралии', 'в Австралию'], NZ: ['в Новой Зеландии', 'в Новую Зеландию'], JP: ['в Японии', 'в Японию'],
  KR: ['в Южной Корее', 'в Южную Корею'], CN: ['в Китае', 'в Китай'], TW: ['на Тайване', 'на Тайвань'],
  HK: ['в Гонконге', 'в Гонконг'], MO: ['в Макао', 'в Макао'], SG: ['в Сингапуре', 'в Сингапур'],
  MY: ['в Малайзии', 'в Малайзию'], ID: ['в Индонезии', 'в Индонезию'], TH: ['в Таиланде', 'в Таиланд'],
  VN: ['во Вьетнаме', 'во Вьетнам'], PH: ['на Филиппинах', 'на Филиппины'], IN: ['в Индии', 'в Индию'],
  AE: ['в ОАЭ', 'в ОАЭ'], SA: ['в Саудовской Аравии', 'в Саудовскую Аравию'], IL: ['в Израиле', 'в Израиль'],
  TR: ['в Турции', 'в Турцию'], RU: ['в России', 'в Россию'], UA: ['в Украине', 'в Украину'],
  ZA: ['в ЮАР', 'в ЮАР'], EG: ['в Египте', 'в Египет'], MA: ['в Марокко', 'в Марокко'],
  NG: ['в Нигерии', 'в Нигерию'], EU: ['в Европейском союзе', 'в Европейский союз'],
  CU: ['на Кубе', 'на Кубу'], JM: ['на Ямайке', 'на Ямайку'], LK: ['на Шри-Ланке', 'на Шри-Ланку'],
  MV: ['на Мальдивах', 'на Мальдивы'], MG: ['на Мадагаскаре', 'на Мадагаскар'], MU: ['на Маврикии', 'на Маврикий'],
  HT: ['на Гаити', 'на Гаити'], BY: ['в Беларуси', 'в Беларусь'], KZ: ['в Казахстане', 'в Казахстан'],
  PS: ['в Палестине', 'в Палестину'], KP: ['в КНДР', 'в КНДР'],
};

const CONSONANT = /^[бвгджзйклмнпрстфхцчшщ]/u;

// Endings → [prepositional, accusative] (inanimate nouns and adjectives); first match wins.
const ENDINGS: readonly [RegExp, string, string][] = [
  [/ия$/u, 'ии', 'ию'], [/ая$/u, 'ой', 'ую'], [/яя$/u, 'ей', 'юю'], [/(ый|ой)$/u, 'ом', '$1'], [/ий$/u, 'ем', 'ий'],
  [/ое$/u, 'ом', 'ое'], [/ые$/u, 'ых', 'ые'], [/ие$/u, 'их', 'ие'], [/ья$/u, 'ье', 'ью'],
  // Indeclinable loans (Перу, Чили, Того, Конго) stay as they are.
  [/([оуюэеи])$/u, '$1', '$1'],
  [/([гкхжшщч])а$/u, '$1е', '$1у'], [/а$/u, 'е', 'у'], [/я$/u, 'е', 'ю'], [/й$/u, 'е', 'й'], [/ь$/u, 'и', 'ь'],
  [/ы$/u, 'ах', 'ы'], [/([бвгджзклмнпрстфхцчшщ])$/u, '$1е', '$1'],
];

/** One word in the prepositional (0) or accusative (1) case; a hyphenated word declines its last part. */
function declineWord(word: string, kase: 0 | 1): string {
  if (/^[А-ЯЁ]{2,}$/u.test(word)) return word;
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0) return word.slice(0, hyphen + 1) + declineWord(word.slice(hyphen + 1), kase);
  const rule = ENDINGS.find(([ending]) => ending.test(word));
  if (!rule) return word;
  const [ending, prepositional, accusative] = rule;
  return word.replace(ending, kase === 0 ? prepositional : accusative);
}

/** "в" or, before в/ф and a consonant, "во" (во Франции, во Вьетнаме; в Венгрии). */
function preposition(phrase: string): string {
  const lower = phrase.toLowerCase();
  return /^[вф]/u.test(lower) && (CONSONANT.test(lower.slice(1)) || lower[1] === 'ь') ? 'во' : 'в';
}

function declined(name: string, kase: 0 | 1): string {
  const phrase = name.split(' ').map((word) => declineWord(word, kase)).join(' ');
  return `${preposition(phrase)} ${phrase}`;
}

/** Russian: "во Франции" / "во Францию", from a table, else declined by the name's endings. */
export const RUSSIAN: CountryPhrases = {
  in: (code, name) => FORMS[code]?.[0] ?? declined(name, 0),
  to: (code, name) => FORMS[code]?.[1] ?? declined(name, 1),
};
