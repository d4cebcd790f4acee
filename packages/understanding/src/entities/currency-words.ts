/**
 * How shoppers name money in the 20 supported languages: signs, ISO codes and words with
 * their inflections, each mapped to ISO 4217. A code ending in `*` is ambiguous and is settled
 * by the rest of the message (see `settleCurrency` in amounts.ts): `USD*` for a bare `$`,
 * `MXN*` for "pesos", `AED*` for "dirham".
 */
export const CURRENCY_WORDS: Record<string, readonly string[]> = {
  EUR: ['€', 'eur', 'euro', 'euros', "euro's", 'avro', 'euroya', 'eurodan', 'euroluk', 'евро', 'يورو', 'יורו', 'אירו', 'यूरो', 'ユーロ', '欧元', '歐元', '유로', 'ยูโร'],
  'USD*': ['$', '＄'],
  USD: [
    'US$', 'U$S', 'usd', 'dollars', 'dollar', 'bucks', 'us dollars', 'u.s. dollars', 'american dollars', 'dólar', 'dólares', 'dolar', 'dolares',
    'dólares americanos', 'us-dollar', 'dollari', 'dollaro', 'dolarów', 'dolary', 'dolara', 'dolarlık', 'dolardan', 'доллар', 'доллара', 'долларов',
    'долл.', 'дол.', 'دولار', 'دولارا', 'دولاراً', 'دولارات', 'דולר', 'דולרים', 'डॉलर', 'डालर', 'ドル', '米ドル', '美元', '美金', '달러', 'ดอลลาร์', 'đô la', 'đô',
  ],
  CAD: ['CAD', 'C$', 'CA$', 'canadian dollars', 'canadian dollar', 'dollars canadiens', 'dólares canadienses', 'kanadische dollar', 'カナダドル', '加元', '加幣', '캐나다 달러'],
  AUD: ['AUD', 'A$', 'AU$', 'australian dollars', 'australian dollar', 'dólares australianos', '豪ドル', '澳元', '澳幣', '호주 달러'],
  NZD: ['NZD', 'NZ$'],
  SGD: ['sgd', 'S$', 'singapore dollars', 'dolar singapura', 'シンガポールドル', '新币', '新幣', '新加坡元'],
  HKD: ['hkd', 'HK$', 'hong kong dollars', '港币', '港幣', '港元', '香港ドル', '홍콩 달러'],
  TWD: ['twd', 'NT$', '新台币', '新台幣', '台币', '台幣', '台湾ドル'],
  MXN: ['mxn', 'MX$', 'pesos mexicanos', 'peso mexicano'],
  'MXN*': ['pesos', 'peso', 'песо', 'ペソ', '페소', 'เปโซ', 'بيزو'],
  ARS: ['ARS', 'pesos argentinos'],
  CLP: ['CLP', 'pesos chilenos'],
  COP: ['COP', 'pesos colombianos'],
  PHP: ['PHP', '₱', 'pesos filipinos'],
  GBP: [
    '£', 'gbp', 'pounds', 'pound', 'quid', 'pounds sterling', 'livres sterling', 'livre sterling', 'libras esterlinas', 'libra esterlina', 'sterline',
    'sterlina', 'pfund', 'pfund sterling', 'britische pfund', 'pond sterling', 'funtów', 'funty', 'funt', 'sterlin', 'фунтов', 'фунта', 'фунт',
    'جنيه إسترليني', 'جنيه استرليني', 'פאונד', 'पाउंड', 'ポンド', '英镑', '英鎊', '파운드', 'ปอนด์', 'bảng anh',
  ],
  JPY: ['¥', 'JP¥', 'jpy', 'yen', 'yens', '円', '日本円', '日元', '日圓', '日幣', '엔', 'เยน', 'иен', 'иены', 'иена', 'йен', 'ين', 'ין', 'येन', 'yên'],
  CNY: [
    'CN¥', 'cny', 'rmb', 'yuan', 'renminbi', '元', '人民币', '人民幣', '人民元', '块钱', '塊錢', '块', '塊', '위안', 'หยวน', 'юаней', 'юаня', 'юань', 'يوان',
    'יואן', 'युआन', 'nhân dân tệ', 'tệ',
  ],
  KRW: ['₩', 'krw', 'won', '원', 'ウォン', '韩元', '韓元', '韓圜', 'вон', 'وون', 'וון', 'วอน'],
  INR: ['₹', 'inr', 'Rs', 'Rs.', 'rupees', 'rupee', 'रुपये', 'रुपए', 'रुपया', 'रुपयों', 'रु.', 'रु', 'रू', 'ルピー', '卢比', '盧比', '루피', 'รูปี', 'рупий', 'روبية', 'רופי'],
  IDR: ['Rp', 'Rp.', 'idr', 'rupiah', 'ルピア', '印尼盾', '루피아', 'รูเปียห์'],
  TRY: ['₺', 'TL', 'tl', 'TRY', 'lira', 'liras', 'lira turca', 'liralık', 'liraya', 'liradan', 'lirası', 'türk lirası', 'турецких лир', 'лир', 'лиры', 'лира', 'ليرة تركية', 'לירה טורקית', 'リラ', '里拉', '리라', 'ลีรา'],
  PLN: ['zł', 'zl', 'pln', 'złotych', 'złote', 'złoty', 'zlotych', 'zlote', 'zloty', 'zlotys', 'злотых', 'злотый', 'ズウォティ', '兹罗提', '즐로티'],
  RUB: ['₽', 'rub', 'руб', 'руб.', 'рублей', 'рубля', 'рубль', 'р.', 'rubles', 'roubles', 'ruble', 'rouble', 'rubel', 'rubli', 'ルーブル', '卢布', '盧布', '루블', 'รูเบิล', 'روبل', 'רובל'],
  BRL: ['R$', 'brl', 'reais', 'real', 'reales', 'レアル', '雷亚尔', '헤알'],
  CHF: ['chf', 'Fr.', 'SFr.', 'francs', 'franc', 'francs suisses', 'franken', 'franchi', 'franchi svizzeri', 'franków', 'franki', 'франков', 'франка', 'スイスフラン', '瑞郎', '瑞士法郎', '스위스 프랑'],
  SAR: ['sar', 'ر.س', 'ريال', 'ريالا', 'ريالاً', 'ريالات', 'ريال سعودي', 'riyal', 'riyals', 'rial', 'rials'],
  AED: ['aed', 'د.إ', 'درهم إماراتي'],
  'AED*': ['درهم', 'دراهم', 'dirham', 'dirhams', 'дирхам', 'дирхамов'],
  MAD: ['MAD', 'د.م'],
  EGP: ['egp', 'E£', 'ج.م', 'جنيه', 'جنيها', 'جنيهاً', 'جنيهات', 'جنيه مصري'],
  ILS: ['₪', 'ILS', 'NIS', 'ש"ח', "ש''ח", 'שקל', 'שקלים', 'shekel', 'shekels', 'sheqel'],
  THB: ['฿', 'thb', 'บาท', 'baht', 'バーツ', '泰铢', '泰銖', '바트', 'бат', 'батов'],
  VND: ['₫', 'vnd', 'vnđ', 'đồng', 'dong', 'đ', 'ドン', '越南盾'],
  MYR: ['RM', 'myr', 'ringgit'],
  UAH: ['₴', 'uah', 'грн', 'гривен', 'гривны', 'гривна', 'hrywien'],
  ZAR: ['ZAR', 'rand'],
  KWD: ['KWD', 'د.ك'],
  QAR: ['QAR', 'ر.ق'],
  NGN: ['₦', 'NGN', 'naira'],
  KZT: ['₸', 'тенге'],
  PEN: ['S/', 'PEN', 'soles'],
  CZK: ['Kč', 'CZK'],
  SEK: ['SEK'],
  NOK: ['NOK'],
  DKK: ['DKK'],
  HUF: ['HUF'],
};

/** Signs and codes written before the figure (`€50`, `Rp 50.000`, `USD 80`, `人民币500`). */
export const PREFIX_TOKENS: ReadonlySet<string> = new Set([
  '€', '$', '＄', '£', '¥', '₩', '₹', '₺', '₽', '₪', '฿', '₫', '₱', '₴', '₦', '₸', 'R$', 'US$', 'U$S', 'C$', 'CA$', 'A$', 'AU$', 'NZ$', 'S$', 'HK$', 'NT$',
  'MX$', 'CN¥', 'JP¥', 'E£', 'S/', 'Rp', 'Rp.', 'RM', 'Rs', 'Rs.', 'रु', 'रु.', 'Fr.', 'SFr.', 'TL', '人民币', '人民幣', '新台币', '新台幣', '台币', '台幣', '港币', '港幣', '港元', '美元', '美金', '欧元', '歐元', '日元', '日圓',
  'EUR', 'USD', 'GBP', 'JPY', 'CNY', 'RMB', 'KRW', 'INR', 'IDR', 'TRY', 'PLN', 'RUB', 'BRL', 'CHF', 'SAR', 'AED', 'MAD', 'EGP', 'ILS', 'NIS', 'THB',
  'VND', 'MYR', 'UAH', 'ZAR', 'KWD', 'QAR', 'NGN', 'PEN', 'CZK', 'SEK', 'NOK', 'DKK', 'HUF', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN', 'ARS',
  'CLP', 'COP', 'PHP',
]);

/**
 * Tokens that are words in some language when not in capitals ("try", "cop", "ils", "mad",
 * "pen", "php"): they count only as written here.
 */
export const EXACT_CASE_TOKENS: ReadonlySet<string> = new Set([
  'TRY', 'CAD', 'AUD', 'NZD', 'ARS', 'CLP', 'COP', 'PHP', 'MAD', 'ILS', 'NIS', 'ZAR', 'KWD', 'QAR', 'NGN', 'PEN', 'CZK', 'SEK', 'NOK', 'DKK', 'HUF', 'RM',
  'Rs', 'Rs.', 'Fr.', 'SFr.', 'TL', 'Rp', 'Rp.', 'S/', 'E£', 'Kč',
]);

/**
 * Words that scale the figure before the currency (`50k`, `5 mil`, `5 bin TL`, `2 лакх`,
 * `50rb`, `1,5 jt`, `5 พัน`, `3 triệu`). `implied` names the currency the word itself gives
 * when the message names none (Indonesian rb/juta, Indian lakh/crore, Vietnamese units).
 */
export const MULTIPLIERS: Record<string, { factor: number; implied?: string }> = {
  k: { factor: 1e3, implied: 'VND?' }, thousand: { factor: 1e3 }, million: { factor: 1e6 }, millions: { factor: 1e6 },
  tsd: { factor: 1e3 }, 'tsd.': { factor: 1e3 }, tausend: { factor: 1e3 }, 'mio.': { factor: 1e6 }, mio: { factor: 1e6 }, millionen: { factor: 1e6 },
  mille: { factor: 1e3 }, mil: { factor: 1e3 }, millones: { factor: 1e6 }, millón: { factor: 1e6 }, milhões: { factor: 1e6 }, milhão: { factor: 1e6 },
  mila: { factor: 1e3 }, milioni: { factor: 1e6 }, milione: { factor: 1e6 }, duizend: { factor: 1e3 }, miljoen: { factor: 1e6 },
  tys: { factor: 1e3 }, 'tys.': { factor: 1e3 }, tysięcy: { factor: 1e3 }, tysiące: { factor: 1e3 }, tysiąc: { factor: 1e3 }, mln: { factor: 1e6 },
  bin: { factor: 1e3 }, milyon: { factor: 1e6 },
  тыс: { factor: 1e3 }, 'тыс.': { factor: 1e3 }, тысяч: { factor: 1e3 }, тысячи: { factor: 1e3 }, тысяча: { factor: 1e3 }, млн: { factor: 1e6 },
  'млн.': { factor: 1e6 }, миллиона: { factor: 1e6 }, миллионов: { factor: 1e6 }, миллион: { factor: 1e6 },
  ألف: { factor: 1e3 }, الف: { factor: 1e3 }, آلاف: { factor: 1e3 }, الاف: { factor: 1e3 }, مليون: { factor: 1e6 }, ملايين: { factor: 1e6 },
  אלף: { factor: 1e3 }, אלפים: { factor: 1e3 }, מיליון: { factor: 1e6 },
  'ह\u095Bार': { factor: 1e3 }, 'हज\u093Cार': { factor: 1e3 }, हजार: { factor: 1e3 }, लाख: { factor: 1e5, implied: 'INR' }, 'करो\u095C': { factor: 1e7, implied: 'INR' },
  'करोड\u093C': { factor: 1e7, implied: 'INR' }, करोड: { factor: 1e7, implied: 'INR' }, lakh: { factor: 1e5, implied: 'INR' }, lakhs: { factor: 1e5, implied: 'INR' },
  lac: { factor: 1e5, implied: 'INR' }, crore: { factor: 1e7, implied: 'INR' }, crores: { factor: 1e7, implied: 'INR' }, cr: { factor: 1e7, implied: 'INR' },
  พัน: { factor: 1e3 }, หมื่น: { factor: 1e4 }, แสน: { factor: 1e5 }, ล้าน: { factor: 1e6 },
  trăm: { factor: 1e2 }, nghìn: { factor: 1e3, implied: 'VND' }, ngàn: { factor: 1e3, implied: 'VND' }, triệu: { factor: 1e6, implied: 'VND' },
  tr: { factor: 1e6, implied: 'VND' }, tỷ: { factor: 1e9, implied: 'VND' }, tỉ: { factor: 1e9, implied: 'VND' },
  rb: { factor: 1e3, implied: 'IDR' }, ribu: { factor: 1e3, implied: 'IDR' }, jt: { factor: 1e6, implied: 'IDR' }, juta: { factor: 1e6, implied: 'IDR' },
  miliar: { factor: 1e9, implied: 'IDR' },
};
