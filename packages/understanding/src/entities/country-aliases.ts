/**
 * What shoppers call countries beyond Intl's names: short and everyday names ("UAE",
 * "США", "美國", "Dubai"), and the inflected forms that no rule in country-forms.ts makes
 * (Polish plurals "do Niemiec", Russian fleeting vowels "Египта").
 */
export const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  AE: [
    'uae', 'emirates', 'the emirates', 'dubai', 'abu dhabi', 'emirate', 'emiraten', 'émirats', 'emiratos', 'emirados', 'emirati', 'emiraty', 'emiratów',
    'emiratach', 'dubaj', 'dubaju', 'emirlikler', 'оаэ', 'эмираты', 'эмиратов', 'эмиратах', 'дубай', 'дубае', 'الإمارات', 'دبي', 'أبوظبي', 'האמירויות',
    'איחוד האמירויות', 'דובאי', 'यूएई', 'दुबई', 'ドバイ', 'アラブ首長国連邦', '두바이', '迪拜', '阿联酋', '杜拜', '阿聯酋', 'ดูไบ', 'ยูเออี', 'uni emirat arab',
  ],
  US: [
    'usa', 'u.s.a.', 'the us', 'the u.s.', 'the states', 'america', 'eeuu', 'ee.uu.', 'ee. uu.', 'amerika', 'amérique', 'américa', 'stany', 'stanów zjednoczonych',
    'stanach zjednoczonych', 'сша', 'америка', 'америку', 'америке', 'штаты', 'соединённые штаты', 'أمريكا', 'امريكا', 'أميركا', 'ארה"ב', 'אמריקה', 'अमेरिका',
    'यूएसए', 'アメリカ', '米国', '미국', '美國', '美国', 'อเมริกา', 'สหรัฐ', 'สหรัฐฯ', 'amerika serikat',
  ],
  GB: [
    'uk', 'u.k.', 'england', 'britain', 'great britain', 'inglaterra', 'angleterre', 'inghilterra', 'engeland', 'anglia', 'anglii', 'wielkiej brytanii',
    'ingiltere', 'англия', 'англию', 'англии', 'британия', 'британию', 'британии', 'بريطانيا', 'إنجلترا', 'انجلترا', 'אנגליה', 'इंग्लैंड', 'ब्रिटेन',
    'イングランド', '잉글랜드', '英格兰', '英格蘭', 'อังกฤษ', 'inggris',
  ],
  NL: ['holland', 'holanda', 'hollande', 'olanda', 'hollanda', 'голландия', 'голландию', 'голландии'],
  KR: ['korea', 'south korea', 'korei', 'korei południowej', 'корея', 'корею', 'корее', 'кореи', 'южная корея', 'южную корею', 'южной корее', 'كوريا', '한국', '韓國', '韩国'],
  CN: ['mainland china', 'cina', 'chine', 'китае', '中國大陸', '中国大陆'],
  DE: ['niemiec', 'niemczech', 'niemcom'],
  IT: ['włoch', 'włoszech'],
  CZ: ['czech', 'czechach', 'czech republic', 'tschechien'],
  HU: ['węgier', 'węgrzech'],
  IN: ['indii', 'indiach'],
  PH: ['filipin', 'filipinach'],
  EG: ['egipcie', 'египта', 'египте'],
  TR: ['turkey', 'turquia', 'турцию', 'турции'],
  RU: ['рф', 'российская федерация', 'rosji'],
  HK: ['hong kong', 'hongkong', 'hongkongu', '香港', '홍콩', 'ฮ่องกง', 'hồng kông', 'הונג קונג', 'هونغ كونغ', 'هونج كونج', 'हांगकांग', 'гонконг', 'гонконге'],
  ZA: ['south africa', 'юар', 'rpa'],
  TW: ['臺灣'],
  SA: ['saudi', 'ksa', 'السعودية', 'саудовскую аравию', 'саудовской аравии'],
  CH: ['suíça', 'швейцарию', 'швейцарии'],
};

/** Acronyms that are words in lower case ("eau" is water, "us" a pronoun): capitals only. */
export const CAPITALS_ALIASES: Record<string, readonly string[]> = {
  AE: ['EAU', 'VAE', 'ZEA', 'BAE', 'UEA'],
  US: ['US', 'EUA', 'ABD'],
  GB: ['UK'],
};

/** Intl names that are everyday words too; FRAMED_NAMES finds them where they are places. */
export const WORD_LIKE_NAMES: ReadonlySet<string> = new Set(['인도']);

// Words in front of a destination in Vietnamese ("gửi sang Pháp") and Polish ("do Chin").
const VI_BEFORE = '(?:sang|đi|ở|tới|đến|về|từ|nước|tại|qua|bên|hàng|ship)';
const PL_BEFORE = '(?:do|z|ze|w|we|na|dla)';

/**
 * Names that are also everyday words ("áo" a shirt, "pháp" in "phương pháp", "chin",
 * "인도" a handover): counted only in the frame that makes them a place. Matched on the
 * lower-cased text with its accents.
 */
export const FRAMED_NAMES: ReadonlyArray<[RegExp, string]> = [
  ...(
    [
      ['áo', 'AT'], ['bỉ', 'BE'], ['síp', 'CY'], ['séc', 'CZ'], ['pháp', 'FR'], ['đức', 'DE'], ['nga', 'RU'], ['úc', 'AU'], ['ý', 'IT'], ['mỹ', 'US'],
      ['anh', 'GB'], ['nhật', 'JP'], ['hàn', 'KR'], ['thái', 'TH'], ['trung', 'CN'], ['ấn', 'IN'],
    ] as const
  ).map(([name, code]): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\p{M}])${VI_BEFORE}\\s+${name}(?![\\p{L}\\p{M}])`, 'u'), code]),
  [new RegExp(`(?<![\\p{L}])${PL_BEFORE}\\s+(?:chin|chinach)(?![\\p{L}])`, 'u'), 'CN'],
  [/(?<!\p{Script=Hangul})인도(?=으로|로|에서|에|까지|행|산|$|[\s?.!,]*$)/u, 'IN'],
];
