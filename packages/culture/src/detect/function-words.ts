/**
 * Everyday function words of languages the statistical detector confuses on short text
 * (Spanish/Portuguese, German/Dutch, French/Italian). When its two best guesses are such a
 * pair and nearly tied, these words break the tie; they never overrule a clear winner.
 */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  es: words('el los las mi mis que qué por y del al hace pero muy gracias sigo quiero tengo dónde cuándo cómo está estoy ya también aún todavía mío una unos'),
  pt: words('o os as meu minha meus não você do da dos das em no na um uma obrigado obrigada quero tenho onde quando como ainda pra faz estou já também ao à'),
  de: words('die der das ich nicht und ist mein meine bitte leider wann wo wie noch schon mit für ein eine kein habe sie zu'),
  nl: words('het een ik niet en mijn alsjeblieft wanneer waar hoe nog al met voor geen heb graag u jij te bij'),
  fr: words('le la les je ne pas et est mon ma mes merci quand où comment encore déjà avec pour un une que qui du des au'),
  it: words('il lo gli io non e è mio mia miei grazie quando dove come ancora già con per uno una che chi del della al'),
};

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['es', 'pt'],
  ['de', 'nl'],
  ['fr', 'it'],
];

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** The language the function words favour among a confusable pair, or undefined if they don't. */
export function breakTie(text: string, first: string, second: string): string | undefined {
  const pair = PAIRS.find(([a, b]) => (a === first && b === second) || (a === second && b === first));
  if (!pair) return undefined;
  const tokens = text.toLowerCase().split(/[\s'’-]+/u);
  const votes = pair.map((lang) => tokens.filter((token) => FUNCTION_WORDS[lang]!.has(token)).length);
  if (votes[0] === votes[1]) return undefined;
  return votes[0]! > votes[1]! ? pair[0] : pair[1];
}
