import { describe, expect, it } from 'vitest';
import { findCountries } from './countries.ts';

// [language, message, country it names]
const CASES: ReadonlyArray<[string, string, string]> = [
  ['en', 'How long does shipping to France take?', 'FR'],
  ['en', 'Do you ship to the UAE?', 'AE'],
  ['en', 'I live in Dubai', 'AE'],
  ['en', 'customs for Turkey?', 'TR'],
  ['de', 'Lieferung in die Schweiz', 'CH'],
  ['de', 'Ich bin in Deutschland', 'DE'],
  ['de', 'die Zollregeln Deutschlands', 'DE'],
  ['fr', 'Livraison aux EAU possible ?', 'AE'],
  ['fr', 'envoi en Allemagne', 'DE'],
  ['es', 'envío a México', 'MX'],
  ['es', 'enviar a Espana sin acento', 'ES'],
  ['es', '¿envían a EE. UU.?', 'US'],
  ['pt', 'entrega no Brasil', 'BR'],
  ['pt', 'vocês enviam para os EUA?', 'US'],
  ['it', 'spedizione in Germania', 'DE'],
  ['nl', 'verzenden naar Duitsland', 'DE'],
  ['pl', 'wysyłka do Niemiec', 'DE'],
  ['pl', 'dostawa do Polski', 'PL'],
  ['pl', 'mieszkam we Francji', 'FR'],
  ['pl', 'paczka do Chin', 'CN'],
  ['pl', 'wysyłacie na Emiraty?', 'AE'],
  ['pl', 'mieszkam w Polsce', 'PL'],
  ['tr', "Almanya'ya kargo", 'DE'],
  ['tr', "Türkiye'ye gönderim var mı", 'TR'],
  ['tr', 'ABD kargo ücreti', 'US'],
  ['tr', 'Fransaya gönderim', 'FR'],
  ['ru', 'доставка во Францию', 'FR'],
  ['ru', 'отправка в Германию', 'DE'],
  ['ru', 'можно в Россию?', 'RU'],
  ['ru', 'доставка в ОАЭ', 'AE'],
  ['ru', 'пошлины в США', 'US'],
  ['ru', 'я живу в Китае', 'CN'],
  ['ar', 'هل تشحنون لفرنسا؟', 'FR'],
  ['ar', 'الشحن إلى الإمارات', 'AE'],
  ['ar', 'الشحن الى المانيا', 'DE'],
  ['ar', 'هل يوجد شحن لليابان', 'JP'],
  ['he', 'משלוח לצרפת', 'FR'],
  ['he', 'משלוח לארה"ב', 'US'],
  ['he', 'אני גר בגרמניה', 'DE'],
  ['hi', 'भारत में डिलीवरी', 'IN'],
  ['hi', 'क्या आप दुबई भेजते हैं', 'AE'],
  ['hi', 'फ्रांस के लिए शिपिंग', 'FR'],
  ['ja', 'フランスへの配送', 'FR'],
  ['ja', 'アメリカに送れますか', 'US'],
  ['ko', '프랑스로 배송되나요', 'FR'],
  ['ko', '미국까지 얼마나 걸려요', 'US'],
  ['ko', '인도로 보내요', 'IN'],
  ['zh-Hans', '寄到德国要多久', 'DE'],
  ['zh-Hans', '可以寄到阿联酋吗', 'AE'],
  ['zh-Hant', '寄到美國要多久', 'US'],
  ['th', 'ส่งไปฝรั่งเศสได้ไหม', 'FR'],
  ['th', 'ส่งไปดูไบ', 'AE'],
  ['vi', 'gửi sang Pháp mất bao lâu', 'FR'],
  ['vi', 'ship đi Đức được không', 'DE'],
  ['vi', 'giao hàng tới Hoa Kỳ', 'US'],
  ['id', 'kirim ke Jerman berapa lama', 'DE'],
  ['id', 'pengiriman ke Uni Emirat Arab', 'AE'],
];

describe('findCountries', () => {
  it.each(CASES)('%s: %s', (_language, text, code) => {
    expect(findCountries(text)).toContain(code);
  });

  it.each([
    ['I want to return the chinese teapot'],
    ['l’eau est incluse ?'],
    ['phương pháp thanh toán nào?'],
    ['tôi muốn đổi áo'],
    ['my chin strap broke'],
    ['물품 인도 조건이 뭐예요'],
    ['can you help us please'],
    ['אני צריך פרופיל חדש'],
    ['Ich habe das net gekauft'],
  ])('names no country in %s', (text) => {
    expect(findCountries(text)).toEqual([]);
  });

  it('counts a name inside a longer one once', () => {
    expect(findCountries('shipping to South Korea')).toEqual(['KR']);
    expect(findCountries('インドネシアに送れますか')).toEqual(['ID']);
  });
});

describe('countries in the order the shopper names them', () => {
  it('puts the first-named first, whatever the names’ lengths', () => {
    expect(findCountries('customs to Italy? I am in France now')).toEqual(['IT', 'FR']);
    expect(findCountries('Versand nach Österreich oder in die Schweiz?')).toEqual(['AT', 'CH']);
  });
});
