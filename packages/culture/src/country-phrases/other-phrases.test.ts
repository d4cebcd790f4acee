import { describe, expect, it } from 'vitest';
import { createReplyTemplates } from '../reply-templates.ts';
import type { SupportedLocale } from '../supported-locales.ts';
import { countryPhrasesFor } from './index.ts';
import { directionParticle } from './ko.ts';
import { turkishCase } from './tr.ts';

// The phrase as the shopper's language builds it from the ISO code and Intl's name.
const phrase = (locale: SupportedLocale, kind: 'in' | 'to', code: string) =>
  countryPhrasesFor(locale)[kind](code, new Intl.DisplayNames([locale], { type: 'region' }).of(code)!, locale);
const cases = (locale: SupportedLocale, expected: Record<string, readonly [string, string]>) => {
  for (const [code, [where, whereTo]] of Object.entries(expected)) {
    expect(phrase(locale, 'in', code), `${locale} in ${code}`).toBe(where);
    expect(phrase(locale, 'to', code), `${locale} to ${code}`).toBe(whereTo);
  }
};

describe('country phrases outside Europe', () => {
  it('Turkish: apostrophe, vowel harmony, hardening after voiceless consonants, buffer y and n', () => {
    cases('tr-TR', {
      FR: ["Fransa'da", "Fransa'ya"], DE: ["Almanya'da", "Almanya'ya"], TR: ["Türkiye'de", "Türkiye'ye"], IL: ["İsrail'de", "İsrail'e"],
      US: ["ABD'de", "ABD'ye"], SE: ["İsveç'te", "İsveç'e"], MA: ["Fas'ta", "Fas'a"], CY: ["Kıbrıs'ta", "Kıbrıs'a"], GB: ["Birleşik Krallık'ta", "Birleşik Krallık'a"],
      PT: ["Portekiz'de", "Portekiz'e"], PE: ["Peru'da", "Peru'ya"], KR: ["Güney Kore'de", "Güney Kore'ye"], PH: ["Filipinler'de", "Filipinler'e"],
      AE: ["Birleşik Arap Emirlikleri'nde", "Birleşik Arap Emirlikleri'ne"], HK: ["Hong Kong'da", "Hong Kong'a"], EU: ["Avrupa Birliği'nde", "Avrupa Birliği'ne"],
    });
    // Abbreviations by how they are read: AB = "a-be", NATO ends in a back vowel.
    expect(turkishCase('AB', 'locative')).toBe("AB'de");
    expect(turkishCase('NATO', 'dative')).toBe("NATO'ya");
  });

  it('Russian: prepositional and accusative, "во" before в/ф clusters, "на" for islands, "в Украине"', () => {
    cases('ru-RU', {
      FR: ['во Франции', 'во Францию'], DE: ['в Германии', 'в Германию'], US: ['в США', 'в США'], GB: ['в Великобритании', 'в Великобританию'],
      NL: ['в Нидерландах', 'в Нидерланды'], UA: ['в Украине', 'в Украину'], VN: ['во Вьетнаме', 'во Вьетнам'], HU: ['в Венгрии', 'в Венгрию'],
      CY: ['на Кипре', 'на Кипр'], PH: ['на Филиппинах', 'на Филиппины'], KR: ['в Южной Корее', 'в Южную Корею'], HK: ['в Гонконге', 'в Гонконг'],
      CL: ['в Чили', 'в Чили'], LT: ['в Литве', 'в Литву'], NZ: ['в Новой Зеландии', 'в Новую Зеландию'], EG: ['в Египте', 'в Египет'],
    });
    // Not in the table: declined from the name's endings.
    cases('ru-RU', {
      DO: ['в Доминиканской Республике', 'в Доминиканскую Республику'], SS: ['в Южном Судане', 'в Южный Судан'],
      RS: ['в Сербии', 'в Сербию'], GH: ['в Гане', 'в Гану'], BA: ['в Боснии и Герцеговине', 'в Боснию и Герцеговину'], CI: ['в Кот-д’Ивуаре', 'в Кот-д’Ивуар'],
    });
  });

  it('Arabic: في / إلى before the name, which Intl already gives its article', () => {
    cases('ar-SA', { FR: ['في فرنسا', 'إلى فرنسا'], US: ['في الولايات المتحدة', 'إلى الولايات المتحدة'], HK: ['في هونغ كونغ', 'إلى هونغ كونغ'] });
  });

  it('Hebrew: ב/ל attach; the article ה is absorbed, a root ה stays; initial ו doubles', () => {
    cases('he-IL', {
      FR: ['בצרפת', 'לצרפת'], US: ['בארצות הברית', 'לארצות הברית'], PH: ['בפיליפינים', 'לפיליפינים'], EU: ['באיחוד האירופי', 'לאיחוד האירופי'],
      IN: ['בהודו', 'להודו'], NL: ['בהולנד', 'להולנד'], HU: ['בהונגריה', 'להונגריה'], HK: ['בהונג קונג', 'להונג קונג'], VN: ['בווייטנאם', 'לווייטנאם'],
      DO: ['ברפובליקה הדומיניקנית', 'לרפובליקה הדומיניקנית'],
    });
  });

  it('Hindi: postpositions after the name, with the names Hindi uses', () => {
    cases('hi-IN', { FR: ['फ़्रांस में', 'फ़्रांस के लिए'], US: ['अमेरिका में', 'अमेरिका के लिए'], JP: ['जापान में', 'जापान के लिए'] });
  });

  it('Korean: 으로 after a final consonant, 로 after a vowel or ㄹ; 에서 for where', () => {
    cases('ko-KR', {
      FR: ['프랑스에서', '프랑스로'], JP: ['일본에서', '일본으로'], DE: ['독일에서', '독일로'], IL: ['이스라엘에서', '이스라엘로'],
      GB: ['영국에서', '영국으로'], US: ['미국에서', '미국으로'], AU: ['호주에서', '호주로'], HK: ['홍콩에서', '홍콩으로'],
    });
    expect(directionParticle('서울')).toBe('로');
    expect(directionParticle('USA')).toBe('(으)로');
  });

  it('particle languages keep the bare name, shortened where Intl gives an administrative label', () => {
    expect(phrase('ja-JP', 'to', 'HK')).toBe('香港');
    expect(phrase('ja-JP', 'in', 'FR')).toBe('フランス');
    expect(phrase('zh-Hans', 'in', 'HK')).toBe('中国香港');
    expect(phrase('zh-Hant', 'in', 'HK')).toBe('香港');
    expect(phrase('th-TH', 'to', 'HK')).toBe('ฮ่องกง');
    expect(phrase('vi-VN', 'in', 'HK')).toBe('Hồng Kông');
    expect(phrase('id-ID', 'to', 'DE')).toBe('Jerman');
  });

  it('reaches the templates as {{inCountry}} and {{toCountry}}, with no name in parentheses', () => {
    const templates = createReplyTemplates();
    const reply = (locale: SupportedLocale, key: string, country: string) => templates.reply(locale, key, { country, rate: 0.2, threshold: 150, taxKind: 'vat' }).text;
    expect(reply('tr-TR', 'vat.rateOnly', 'FR')).toMatch(/^Fransa'da standart KDV oranı %20\./u);
    expect(reply('ru-RU', 'customs.duties', 'FR')).toMatch(/^Заказы во Францию стоимостью до /u);
    expect(reply('he-IL', 'customs.dutyFromFirst', 'US')).toContain('על חבילות לארצות הברית');
    expect(reply('ko-KR', 'customs.dutyFromFirst', 'JP')).toMatch(/^일본으로 배송되는 소포/u);
    expect(reply('ar-SA', 'vat.rateOnly', 'FR')).toContain('الأساسية في فرنسا هي');
    expect(reply('hi-IN', 'vat.rateOnly', 'FR')).toMatch(/^फ़्रांस में मानक वैट दर/u);
    expect(reply('ja-JP', 'customs.noData', 'HK')).toMatch(/^香港宛て/u);
    for (const locale of ['tr-TR', 'ru-RU', 'ko-KR', 'he-IL', 'ja-JP', 'zh-Hant'] as const) {
      expect(reply(locale, 'customs.dutyFromFirst', 'HK'), locale).not.toMatch(/[()（）]/u);
    }
  });
});
