/**
 * Finding numbers in free text: digits with signs, thousands commas, decimals, exponents,
 * fractions, percentages and scale words or suffixes, and spelled-out numbers below 100.
 */

/** One number found in a text. */
export interface NumberMention {
  /** The value with its scale applied: `3.5 million` is 3500000. */
  value: number;
  /** The multiplier a scale word or suffix gave (`k`, `million`), else 1. */
  scale: number;
  /** Whether `%`, `percent` or `per cent` followed the number. */
  percent: boolean;
  /** Whether the number was spelled out ("three"). */
  spelled: boolean;
  /** Offset of the first character in the text. */
  start: number;
}

const smallNumbers: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

const tens: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const ordinals: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};

/** Scale words and what they multiply by; the first word of a unit such as `million people`. */
export const scaleWords: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12,
};

const scaleExponent: Readonly<Record<number, number>> = { 1: 0, 100: 2, 1000: 3, 1e6: 6, 1e9: 9, 1e12: 12 };

/** The multiplier a unit implies: `million` and `million people` give 1e6, `km` gives 1. */
export function unitScale(unit: string | undefined): number {
  const firstWord = unit?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return scaleWords[firstWord] ?? 1;
}

const onesPattern = 'one|two|three|four|five|six|seven|eight|nine';

/** Pattern source for a spelled number below 100, for other patterns to embed (needs the `u` flag). */
export const spelledNumberSource = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${onesPattern})(?![\\p{L}]))?|zero|${onesPattern}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`;

/** The value of a spelled number below 100 ("seven", "twenty-one"), or `undefined`. */
export function spelledNumber(words: string): number | undefined {
  const [first = '', second] = words.toLowerCase().trim().split(/[- ]+/);
  if (second === undefined) return smallNumbers[first] ?? tens[first];
  const ten = tens[first];
  const one = smallNumbers[second];
  return ten !== undefined && one !== undefined && one > 0 && one < 10 ? ten + one : undefined;
}

/** A small whole number written as digits, a number word, or an ordinal ("3", "three", "3rd", "third"). */
export function smallWholeNumber(token: string): number | undefined {
  const lower = token.toLowerCase().trim();
  const digits = /^(\d{1,4})(?:st|nd|rd|th)?$/.exec(lower);
  if (digits?.[1] !== undefined) return Number(digits[1]);
  return spelledNumber(lower) ?? ordinals[lower];
}

/** Pattern source for {@link smallWholeNumber}: digits, ordinals and spelled numbers. */
export const smallWholeNumberSource = `\\d{1,4}(?:st|nd|rd|th)?|${Object.keys(ordinals).join('|')}|${spelledNumberSource}`;

/**
 * Digits with an optional sign (`-`, `+`, `minus`, `negative`), currency symbol, thousands
 * commas (groups of exactly three), decimals, exponent, `/denominator`, and a scale or ordinal
 * suffix. A number glued to a letter before it (`t2`, `L4`) is not a number, and neither is a
 * digit run after `.` or `/`. ASCII spaces never group digits: "1 234" is two numbers.
 */
const digitNumber =
  /(?<![\p{L}\p{N}_./])(?:(?<signWord>[Mm]inus|[Nn]egative)\s+)?(?<sign>[-+])?(?<currency>[$€£¥])?(?<innerSign>-)?(?<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?<fraction>\.\d+)?(?:[eE](?<exponent>[-+]?\d+))?(?:\/(?<denominator>\d+))?(?:(?<suffix>bn|[kKMB]|st|nd|rd|th)(?![\p{L}\p{N}]))?/gu;

const spelledNumberPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<signWord>minus|negative)\\s+)?(?<words>${spelledNumberSource})(?![\\p{L}\\p{N}])`,
  'giu',
);

const percentAfter = /^\s*(?:%|percent(?![\p{L}])|per\s+cent(?![\p{L}]))/iu;
/** A scale word after a space; lowercase `k` too, since `K` after a space is more often kelvin. */
const scaleWordAfter = /^\s+(?:([Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn|mn)(?![\p{L}])|(k)(?![\p{L}\p{N}]))/u;

/** Every number in `text`, digits and spelled-out, in order of position. */
export function findNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(digitNumber)) {
    const groups = match.groups ?? {};
    const negative = groups.signWord !== undefined || groups.sign === '-' || groups.innerSign === '-';
    const written = `${(groups.whole ?? '0').replace(/,/g, '')}${groups.fraction ?? ''}e${groups.exponent ?? '0'}`;
    let scale = 1;
    const suffix = groups.suffix;
    if (suffix === 'k' || suffix === 'K') scale = 1e3;
    else if (suffix === 'M') scale = 1e6;
    else if (suffix === 'bn') scale = 1e9;
    // `4B` reads as option B far more often than as four billion, unless it is money.
    else if (suffix === 'B' && groups.currency !== undefined) scale = 1e9;
    else if (suffix === 'B') continue;
    const following = text.slice(match.index + match[0].length);
    const word = scaleWordAfterNumber(following);
    if (scale === 1 && word !== undefined) scale = scaleWords[word] ?? 1;
    let value = scaledValue(written, scale);
    if (groups.denominator !== undefined) {
      const denominator = Number(groups.denominator);
      if (denominator === 0) continue;
      value /= denominator;
    }
    mentions.push({
      value: negative ? -value : value,
      scale,
      percent: percentAfter.test(following),
      spelled: false,
      start: match.index,
    });
  }
  for (const match of text.matchAll(spelledNumberPattern)) {
    const base = spelledNumber(match.groups?.words ?? '');
    if (base === undefined) continue;
    const following = text.slice(match.index + match[0].length);
    const word = scaleWordAfterNumber(following);
    const scale = word === undefined ? 1 : (scaleWords[word] ?? 1);
    const value = base * scale;
    mentions.push({
      value: match.groups?.signWord === undefined ? value : -value,
      scale,
      percent: percentAfter.test(following),
      spelled: true,
      start: match.index,
    });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function scaleWordAfterNumber(following: string): string | undefined {
  const match = scaleWordAfter.exec(following);
  return (match?.[1] ?? match?.[2])?.toLowerCase();
}

/** Applies a power-of-ten scale in decimal, so `4.35k` is exactly 4350 and not 4349.999…. */
function scaledValue(written: string, scale: number): number {
  const [mantissa = '0', exponent = '0'] = written.split('e');
  return Number(`${mantissa}e${Number(exponent) + (scaleExponent[scale] ?? 0)}`);
}
