/**
 * Reducing a model's free-text response to a typed answer.
 *
 * Rules, in order:
 * 1. Markup is undone first: markdown emphasis, headings and quotes, LaTeX `\boxed{}`, a few
 *    HTML tags, `<answer>` brackets, curly quotes, the Unicode minus.
 * 2. The *stated* answer: the text after the last "The answer is", "Answer:", "Final answer:",
 *    "The answers are" or "The answer would be" (any case). It runs to the end of the sentence
 *    (lists and routes: the end of the line; when the marker ends its line, the next block of
 *    lines). Wrapping quotes and brackets and trailing periods are stripped. Inside it the
 *    *first* reading of the type wins, because the answer comes right after the marker
 *    ("The answer is 12, one more than 11" is 12).
 * 3. When there is no marker, or the stated part does not read as the type, the rest of the
 *    response (without the stated part, so "The answer is yes or no" is not re-read) is
 *    *scanned* and the *last* reading wins, because models conclude at the end. A stated part
 *    that declines ("The answer is: cannot be determined") reads as nothing, with no scan.
 *
 * Type rules:
 * - number, integer: any number of digits (single digits too), signs (`-3`, `minus 3`),
 *   thousands commas in groups of three (`1,234` is 1234), a period is always a decimal point
 *   (`1.234` is 1.234), ASCII spaces never group digits (`1 234` is two numbers; thin spaces
 *   do group), `%`/`percent`, currency symbols, scale words and suffixes (`3.5 million`,
 *   `2.1k`, `12 k`, `$4B`; a bare `4B` is not read), exponents, fractions (`3/4`), ordinals (`3rd`),
 *   and number words zero to ninety-nine (used while scanning only when the response has no
 *   digits). Other units are skipped, not checked. A response that is only "none" reads as 0.
 *   A stated calculation ("The answer is 12 - 5 = 7") reads as its result, after the last `=`.
 *   An integer reading that is not whole is no reading.
 * - boolean: yes/yeah/yep/true and no/nope/false as whole words; "no" counts only as the first
 *   word or before punctuation, so the determiner in "there is no wall" does not; "not true"
 *   is false. "I don't know", "not sure", "cannot determine" and the like read as nothing. A
 *   stated answer with both polarities reads as nothing.
 * - choice: a letter alone or leading ("B", "(B)", "B.", "B) 42", "C: the kitchen"), "Option B",
 *   "(B)", or a capital letter standing alone (`A` and `I` only before `)`, `:`, `.` or the end,
 *   since they are also words); failing a letter, the one option whose text the response
 *   names, mapped back to its letter.
 * - cell: "(3, 4)", "[3,4]", "row 3, column 4", "column 4, row 3", "3rd row, 4th column",
 *   "R3C4", or a bare "3, 4" when it is the whole answer.
 * - time: "8:10", "08:10", "20h10", "8:10 PM" (20:10), "8 PM", "8 o'clock", "ten past eight",
 *   "quarter to nine" (8:45), "half past 8", "noon", "midnight", "8:10 in the evening".
 * - list: bulleted or numbered lines, inline "1. a 2. b", or items split by `;` (when present),
 *   commas (not thousands commas) and "and"/"&"; a piece that is an expected item is not split
 *   at its own "and" ("salt and pepper").
 * - route: moves such as "right 3", "3 right", "3 cells to the right", "R3", "→→↓", and single
 *   moves "right, right, down", collapsed to runs; north/south/east/west map to up/down/right/
 *   left. Markers are the expected marker names the response mentions, in order (when only the
 *   type is known: the names after "via"). A compact token such as `L4` that is also a marker
 *   name is the marker. While scanning, the last paragraph with a move is read.
 * - caption: the stated part runs to the end of its paragraph (a caption has several
 *   sentences); without a marker the whole response is the caption. Markup is undone as for
 *   every type, wrapping quotes and trailing punctuation are stripped, and a part with no letter
 *   or digit reads as nothing.
 */
import { findNumbers, smallWholeNumber, smallWholeNumberSource, spelledNumber, spelledNumberSource } from './numbers.js';
import { normalisePhrase, phraseOccurrences, phraseWords } from './phrases.js';
import { answerSegment, cleanResponse, textBlocks, textLines, trimAnswer } from './response.js';
import { collapseSteps } from './steps.js';
import type { Answer, AnswerType, ChoiceAnswer, ListAnswer, RouteAnswer, RouteStep } from './types.js';

/** A number read from a response. */
export interface ExtractedNumber {
  type: 'number';
  /** The value with any scale applied (`3.5 million` is 3500000); a percentage is its number (45 for `45%`). */
  value: number;
  /** The multiplier a scale word or suffix gave, else 1. */
  scale: number;
  /** Whether the number was written as a percentage. */
  percent: boolean;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** A whole number read from a response. */
export interface ExtractedInteger extends Omit<ExtractedNumber, 'type'> {
  type: 'integer';
}

/** A phrase read from a response, before normalisation. */
export interface ExtractedText {
  type: 'text';
  value: string;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Yes or no read from a response. */
export interface ExtractedBoolean {
  type: 'boolean';
  value: boolean;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** An option letter read from a response (uppercase). */
export interface ExtractedChoice {
  type: 'choice';
  value: string;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** List items read from a response, before normalisation. */
export interface ExtractedList {
  type: 'list';
  value: string[];
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** A grid cell read from a response, 1-based. */
export interface ExtractedCell {
  type: 'cell';
  row: number;
  col: number;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** A clock reading from a response, in 24-hour terms (no AM/PM given reads as written). */
export interface ExtractedTime {
  type: 'time';
  hours: number;
  minutes: number;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Moves and markers read from a response. */
export interface ExtractedRoute {
  type: 'route';
  /** The moves, collapsed to runs of one direction. */
  steps: RouteStep[];
  /** Marker names mentioned, in order, consecutive repeats removed. */
  markers: string[];
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** A description read from a response, before normalisation. */
export interface ExtractedCaption {
  type: 'caption';
  value: string;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Any value read from a response; keyed by `type` like {@link Answer}. */
export type ExtractedAnswer =
  | ExtractedNumber
  | ExtractedInteger
  | ExtractedText
  | ExtractedBoolean
  | ExtractedChoice
  | ExtractedList
  | ExtractedCell
  | ExtractedTime
  | ExtractedRoute
  | ExtractedCaption;

/** The extracted value for an answer type. */
export type ExtractedOf<T extends AnswerType> = Extract<ExtractedAnswer, { type: T }>;

/** An extracted value before it is known whether it was stated or scanned. */
type Reading = ExtractedAnswer extends infer E ? (E extends unknown ? Omit<E, 'marked'> : never) : never;

/** Where a reader looks: the stated answer (first reading wins) or the whole response (last wins). */
type Scope = 'stated' | 'scanned';

/**
 * Reads a response as the type of `answer` (or as the given type) by the rules above, or
 * `undefined` when nothing reads as it; the expected answer supplies option texts, list items
 * and marker names, never the value.
 */
export function extractAnswer<A extends Answer>(answer: A, response: string): ExtractedOf<A['type']> | undefined;
export function extractAnswer<T extends AnswerType>(type: T, response: string): ExtractedOf<T> | undefined;
export function extractAnswer(answerOrType: Answer | AnswerType, response: string): ExtractedAnswer | undefined {
  const expected = typeof answerOrType === 'string' ? undefined : answerOrType;
  const type = typeof answerOrType === 'string' ? answerOrType : answerOrType.type;
  const text = cleanResponse(response);
  const segment = answerSegment(text, type === 'caption' ? 'paragraph' : type === 'list' || type === 'route' ? 'line' : 'sentence');
  if (segment !== undefined && segment.stated !== '') {
    const stated = read(type, segment.stated, 'stated', expected);
    if (stated !== undefined) return { ...stated, marked: true } as ExtractedAnswer;
    // "The answer is: cannot be determined" is a non-answer; scanning would only find noise.
    if (type !== 'text' && uncertainty.test(segment.stated)) return undefined;
  }
  // A stated answer that did not read ("yes or no") must not be read again by the scan.
  const scanned = read(type, segment === undefined ? text : segment.rest, 'scanned', expected);
  return scanned === undefined ? undefined : ({ ...scanned, marked: false } as ExtractedAnswer);
}

function read(type: AnswerType, text: string, scope: Scope, expected: Answer | undefined): Reading | undefined {
  switch (type) {
    case 'number':
      return readNumber(text, scope);
    case 'integer': {
      const number = readNumber(text, scope);
      return number !== undefined && Number.isInteger(number.value) ? { ...number, type: 'integer' } : undefined;
    }
    case 'text':
      return readText(text, scope);
    case 'boolean':
      return readBoolean(text, scope);
    case 'choice':
      return readChoice(text, scope, expected?.type === 'choice' ? expected : undefined);
    case 'list':
      return readList(text, scope, expected?.type === 'list' ? expected : undefined);
    case 'cell':
      return readCell(text, scope);
    case 'time':
      return readTime(text, scope);
    case 'route':
      return readRoute(text, scope, expected?.type === 'route' ? expected : undefined);
    case 'caption':
      return readCaption(text);
  }
}

/** Picks the first (stated) or last (scanned) of several readings sorted by position. */
function byScope<T>(readings: readonly T[], scope: Scope): T | undefined {
  return scope === 'stated' ? readings[0] : readings[readings.length - 1];
}

// ---------------------------------------------------------------------------------------------
// numbers

function readNumber(text: string, scope: Scope): Omit<ExtractedNumber, 'marked'> | undefined {
  // "The answer is 12 - 5 = 7": a stated calculation ends in its result.
  const result = scope === 'stated' ? /[=≈]([^=≈]*)$/.exec(text)?.[1] : undefined;
  const mentions = findNumbers(result !== undefined && findNumbers(result).length > 0 ? result : text);
  // While scanning a long response, "one of the cells" must not outvote the digits.
  const pool = scope === 'scanned' && mentions.some((m) => !m.spelled) ? mentions.filter((m) => !m.spelled) : mentions;
  const chosen = byScope(pool, scope);
  if (chosen !== undefined) {
    return { type: 'number', value: chosen.value, scale: chosen.scale, percent: chosen.percent };
  }
  const whole = normalisePhrase(scope === 'scanned' ? (textLines(text).at(-1) ?? '') : text);
  if (whole === 'none' || whole === 'nothing') return { type: 'number', value: 0, scale: 1, percent: false };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// text

function readText(text: string, scope: Scope): Omit<ExtractedText, 'marked'> | undefined {
  const value = trimAnswer(scope === 'stated' ? text : (textLines(text).at(-1) ?? ''));
  return value === '' ? undefined : { type: 'text', value };
}

// ---------------------------------------------------------------------------------------------
// captions

/** The stated paragraph, or the whole response: a caption is all of what is said. */
function readCaption(text: string): Omit<ExtractedCaption, 'marked'> | undefined {
  const value = trimAnswer(text);
  return normalisePhrase(value) === '' ? undefined : { type: 'caption', value };
}

// ---------------------------------------------------------------------------------------------
// booleans

/** Phrases that decline to answer; "no" and "impossible to reach" are answers, so these stay narrow. */
const uncertainty = new RegExp(
  `\\b(?:${[
    "i\\s+(?:do\\s*not|don'?t)\\s+know",
    'not\\s+(?:sure|certain)',
    'unsure|uncertain|unclear|undetermined|indeterminate',
    "(?:it\\s+is|it's)\\s+not\\s+(?:clear|possible\\s+to\\s+(?:tell|say|determine|know))",
    '(?:not\\s+enough|insufficient)\\s+(?:information|info|data|detail)',
    "can(?:not|'t|\\s+not)\\s+(?:be\\s+)?(?:determined?|tell|told|say|said|know|known|answer|answered|verify|verified|be\\s+sure|confirm|confirmed)",
    '(?:unable|impossible)\\s+to\\s+(?:tell|say|determine|know|answer|verify|confirm)',
    '(?:hard|difficult)\\s+to\\s+(?:say|tell)',
    'no\\s+way\\s+to\\s+(?:tell|know)',
    'it\\s+depends',
  ].join('|')})\\b`,
  'i',
);

const yesWords = new Set(['yes', 'yeah', 'yep', 'yup', 'true']);
const noWords = new Set(['no', 'nope', 'false']);
const firstWordPolarity: Readonly<Record<string, boolean>> = {
  yes: true, yeah: true, yep: true, yup: true, true: true, correct: true, affirmative: true,
  no: false, nope: false, false: false, incorrect: false,
};

function readBoolean(text: string, scope: Scope): Omit<ExtractedBoolean, 'marked'> | undefined {
  // While scanning, doubt in the reasoning ("unable to pass") is not doubt in the conclusion.
  if (uncertainty.test(scope === 'stated' ? text : (textLines(text).at(-1) ?? ''))) return undefined;
  const lower = text.toLowerCase();
  const words = [...lower.matchAll(/\p{L}+(?:'\p{L}+)*/gu)];
  const polarities: boolean[] = [];
  words.forEach((match, position) => {
    const word = match[0];
    if (position === 0) {
      const polarity = firstWordPolarity[word];
      if (polarity !== undefined) polarities.push(polarity);
      return;
    }
    const negated = words[position - 1]?.[0] === 'not';
    if (yesWords.has(word)) polarities.push(!(word === 'true' && negated));
    else if (word === 'false') polarities.push(negated);
    else if (noWords.has(word)) {
      // "no" before a noun is a determiner ("there is no wall"), not an answer.
      const after = lower.slice(match.index + word.length);
      if (word === 'nope' || /^\s*(?:[,.!;:)]|$)/.test(after)) polarities.push(false);
    }
  });
  if (scope === 'stated') {
    const [first] = polarities;
    return first !== undefined && polarities.every((p) => p === first) ? { type: 'boolean', value: first } : undefined;
  }
  const last = polarities.at(-1);
  return last === undefined ? undefined : { type: 'boolean', value: last };
}

// ---------------------------------------------------------------------------------------------
// choices

const allLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

function readChoice(text: string, scope: Scope, expected: ChoiceAnswer | undefined): Omit<ExtractedChoice, 'marked'> | undefined {
  const letters = new Set(expected === undefined ? allLetters : Object.keys(expected.options));
  const accept = (letter: string | undefined): string | undefined => {
    const upper = letter?.toUpperCase();
    return upper !== undefined && letters.has(upper) ? upper : undefined;
  };
  const trimmed = trimAnswer(text);
  const alone = accept(/^[([]?\s*([A-Za-z])\s*[)\]]?$/.exec(trimmed)?.[1]);
  if (alone !== undefined) return { type: 'choice', value: alone };

  const found: { letter: string; index: number }[] = [];
  const collect = (pattern: RegExp): void => {
    for (const match of text.matchAll(pattern)) {
      const letter = accept(match[1]);
      if (letter !== undefined) found.push({ letter, index: match.index });
    }
  };
  // A letter leading a line, then a delimiter: "B) 42", "C: the kitchen", "(B) 42", "B. kitchen".
  collect(/^[ \t]*[([]?([A-Z])(?:[)\]:,]|\.(?!\d)|[ \t]+[-–—][ \t])/gm);
  collect(/\b(?:option|choice|letter)[ \t]*[([]?([A-Za-z])(?![\p{L}\p{N}])/giu);
  collect(/[([]([A-Z])[)\]]/g);
  // A capital standing alone; `A` and `I` are also words, so they need a delimiter or the end.
  for (const match of text.matchAll(/(?<![\p{L}\p{N}'-])([A-Z])(?![\p{L}\p{N}'-])/gu)) {
    const letter = accept(match[1]);
    if (letter === undefined) continue;
    if ((letter === 'A' || letter === 'I') && !/^(?:[):]|\.(?:\s|$)|\s*$)/.test(text.slice(match.index + 1))) continue;
    found.push({ letter, index: match.index });
  }
  found.sort((a, b) => a.index - b.index);
  const chosen = byScope(found, scope);
  if (chosen !== undefined) return { type: 'choice', value: chosen.letter };
  if (expected === undefined) return undefined;

  // No letter: the response may name an option's text instead.
  const said = normalisePhrase(trimmed);
  const exact = Object.entries(expected.options).find(([, option]) => normalisePhrase(option) === said);
  if (exact !== undefined) return { type: 'choice', value: exact[0] };
  const saidWords = phraseWords(said);
  const named = Object.entries(expected.options)
    .map(([letter, option]) => ({ letter, words: phraseWords(normalisePhrase(option)) }))
    .filter(({ words }) => phraseOccurrences(saidWords, words).length > 0);
  // "small kitchen" names both "kitchen" and "small kitchen": the longer one is meant.
  const outermost = named.filter(
    (option) => !named.some((other) => other.words.length > option.words.length && phraseOccurrences(other.words, option.words).length > 0),
  );
  const [only] = outermost;
  return outermost.length === 1 && only !== undefined ? { type: 'choice', value: only.letter } : undefined;
}

// ---------------------------------------------------------------------------------------------
// cells

const wholeNumberGroup = (name: string): string => `(?<${name}>${smallWholeNumberSource})(?![\\p{L}\\p{N}])`;
const numberLabel = '(?:#|no\\.?|number)?\\s*';
const cellPatterns: readonly RegExp[] = [
  /[([]\s*(?<row>\d{1,4})\s*[,;]\s*(?<col>\d{1,4})\s*[)\]]/gu,
  new RegExp(`\\brow\\s*${numberLabel}${wholeNumberGroup('row')}\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?col(?:umn)?\\.?\\s*${numberLabel}${wholeNumberGroup('col')}`, 'giu'),
  new RegExp(`\\bcol(?:umn)?\\.?\\s*${numberLabel}${wholeNumberGroup('col')}\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?row\\s*${numberLabel}${wholeNumberGroup('row')}`, 'giu'),
  new RegExp(`(?<![\\p{L}\\p{N}])${wholeNumberGroup('row')}\\s+row\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?${wholeNumberGroup('col')}\\s+col(?:umn)?(?![\\p{L}])`, 'giu'),
  new RegExp(`(?<![\\p{L}\\p{N}])${wholeNumberGroup('col')}\\s+col(?:umn)?\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?${wholeNumberGroup('row')}\\s+row(?![\\p{L}])`, 'giu'),
  /(?<![\p{L}\p{N}])[Rr](?<row>\d{1,4})\s*[Cc](?<col>\d{1,4})(?![\p{L}\p{N}])/gu,
];

function readCell(text: string, scope: Scope): Omit<ExtractedCell, 'marked'> | undefined {
  const bare = /^[([]?\s*(\d{1,4})\s*,\s*(\d{1,4})\s*[)\]]?$/.exec(trimAnswer(text));
  if (bare?.[1] !== undefined && bare[2] !== undefined) return { type: 'cell', row: Number(bare[1]), col: Number(bare[2]) };
  const found: { row: number; col: number; index: number }[] = [];
  for (const pattern of cellPatterns) {
    for (const match of text.matchAll(pattern)) {
      const row = smallWholeNumber(match.groups?.row ?? '');
      const col = smallWholeNumber(match.groups?.col ?? '');
      if (row !== undefined && col !== undefined) found.push({ row, col, index: match.index });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const chosen = byScope(found, scope);
  return chosen === undefined ? undefined : { type: 'cell', row: chosen.row, col: chosen.col };
}

// ---------------------------------------------------------------------------------------------
// times

const hourSource = `\\d{1,2}|${spelledNumberSource}`;
const meridiemSource = `(?:\\s*(?<meridiem>[ap])\\.?\\s?m\\.?(?![\\p{L}])|\\s+(?<daypart>in\\s+the\\s+(?:morning|afternoon|evening)|at\\s+night|tonight))?`;

const timePatterns: readonly { pattern: RegExp; relative?: boolean }[] = [
  { pattern: new RegExp(`(?<![\\p{N}:.])(?<hours>\\d{1,2})(?::|h|\\.(?=\\d{2}\\s*[ap]\\.?\\s?m))(?<minutes>\\d{2})(?::\\d{2})?(?!\\d)${meridiemSource}`, 'giu') },
  { pattern: new RegExp(`(?<![\\p{L}\\p{N}:])(?<hours>${hourSource})\\s*o'?\\s?clock${meridiemSource}`, 'giu') },
  { pattern: new RegExp(`(?<![\\p{L}\\p{N}:.])(?<hours>${hourSource})\\s*(?<meridiem>[ap])\\.?\\s?m\\.?(?![\\p{L}])`, 'giu') },
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?<minutes>\\d{1,2}|${spelledNumberSource}|(?:a\\s+)?quarter|half)\\s+(?:minutes?\\s+)?(?<relation>past|after|to|before|till|til)\\s+(?<hours>${hourSource})(?![\\p{L}\\p{N}])${meridiemSource}`,
      'giu',
    ),
    relative: true,
  },
  { pattern: /\b(?<named>noon|midday|midnight)\b/giu },
];

function readTime(text: string, scope: Scope): Omit<ExtractedTime, 'marked'> | undefined {
  const found: { hours: number; minutes: number; start: number; end: number }[] = [];
  for (const { pattern, relative } of timePatterns) {
    for (const match of text.matchAll(pattern)) {
      const reading = relative === true ? relativeTime(match.groups ?? {}) : clockTime(match.groups ?? {});
      if (reading !== undefined) found.push({ ...reading, start: match.index, end: match.index + match[0].length });
    }
  }
  // "quarter past 8 pm" also contains "8 pm": keep only readings not inside an earlier, longer one.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  const outermost = found.filter((reading) => {
    const inside = reading.end <= reach;
    reach = Math.max(reach, reading.end);
    return !inside;
  });
  const chosen = byScope(outermost, scope);
  return chosen === undefined ? undefined : { type: 'time', hours: chosen.hours, minutes: chosen.minutes };
}

type TimeGroups = Partial<Record<string, string>>;

function clockTime(groups: TimeGroups): { hours: number; minutes: number } | undefined {
  if (groups.named !== undefined) return { hours: groups.named.toLowerCase() === 'midnight' ? 0 : 12, minutes: 0 };
  const hours = smallWholeNumber(groups.hours ?? '');
  const minutes = groups.minutes === undefined ? 0 : Number(groups.minutes);
  if (hours === undefined || minutes > 59) return undefined;
  return withMeridiem(hours, minutes, groups);
}

function relativeTime(groups: TimeGroups): { hours: number; minutes: number } | undefined {
  const spoken = (groups.minutes ?? '').toLowerCase();
  const minutes = spoken.endsWith('quarter') ? 15 : spoken === 'half' ? 30 : smallWholeNumber(spoken);
  const hour = smallWholeNumber(groups.hours ?? '');
  if (minutes === undefined || hour === undefined || minutes < 1 || minutes > 59 || hour > 23) return undefined;
  const before = ['to', 'before', 'till', 'til'].includes((groups.relation ?? '').toLowerCase());
  if (!before) return withMeridiem(hour, minutes, groups);
  if (spoken === 'half') return undefined;
  // "quarter to one" is 12:45 on a 12-hour clock.
  const previousHour = hour <= 12 ? (hour + 10) % 12 + 1 : hour - 1;
  return withMeridiem(previousHour, 60 - minutes, groups);
}

function withMeridiem(hours: number, minutes: number, groups: TimeGroups): { hours: number; minutes: number } | undefined {
  const meridiem = groups.meridiem?.toLowerCase();
  const daypart = groups.daypart?.toLowerCase().replace(/\s+/g, ' ');
  let afternoon: boolean | undefined;
  if (meridiem !== undefined) afternoon = meridiem === 'p';
  else if (daypart?.endsWith('morning')) afternoon = false;
  else if (daypart?.endsWith('afternoon') || daypart?.endsWith('evening')) afternoon = true;
  else if (daypart !== undefined) afternoon = hours >= 6 && hours < 12;
  if (afternoon === undefined) return hours <= 23 ? { hours, minutes } : undefined;
  if (hours < 1 || hours > 12) return hours <= 23 && afternoon === hours >= 12 ? { hours, minutes } : undefined;
  return { hours: (hours % 12) + (afternoon ? 12 : 0), minutes };
}

// ---------------------------------------------------------------------------------------------
// lists

const bullet = /^(?:[-*•+]|\d{1,3}[.)])\s+/;

function readList(text: string, scope: Scope, expected: ListAnswer | undefined): Omit<ExtractedList, 'marked'> | undefined {
  const expectedItems = new Set(expected?.value.map(normalisePhrase));
  const lines = textLines(text);
  let items: string[];
  const bulleted = bulletedRuns(lines);
  if (bulleted.length > 0) {
    items = (byScope(bulleted, scope) ?? []).map((line) => line.replace(bullet, ''));
  } else {
    const line = scope === 'stated' ? lines.join(' ') : (lines.at(-1) ?? '');
    items = splitItems(line, expectedItems);
  }
  const value = items.map(trimAnswer).filter((item) => normalisePhrase(item) !== '');
  return value.length === 0 ? undefined : { type: 'list', value };
}

/** Runs of at least two consecutive bulleted or numbered lines. */
function bulletedRuns(lines: readonly string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const line of [...lines, '']) {
    if (bullet.test(line)) {
      run.push(line);
      continue;
    }
    if (run.length >= 2) runs.push(run);
    run = [];
  }
  return runs;
}

function splitItems(line: string, expectedItems: ReadonlySet<string>): string[] {
  const inlineNumbered = /^\s*1[.)]\s/.test(line) && /\s2[.)]\s/.test(line);
  let pieces: string[];
  if (inlineNumbered) pieces = line.split(/(?:^|\s)\d{1,3}[.)]\s+/);
  else if (line.includes(';')) pieces = line.split(';');
  // A comma between a digit and exactly three digits groups thousands ("1,234") and does not split.
  else pieces = line.split(/,(?!(?<=\d,)\d{3}(?!\d))/);
  return pieces
    .map((piece) => piece.trim().replace(/^(?:and|&|or)\s+/i, ''))
    .flatMap((piece) => (expectedItems.has(normalisePhrase(piece)) ? [piece] : piece.split(/\s+(?:and|&)\s+/i)));
}

// ---------------------------------------------------------------------------------------------
// routes

type Direction = RouteStep['direction'];

const directionWords: Readonly<Record<string, Direction>> = {
  up: 'up', upward: 'up', upwards: 'up', north: 'up', northward: 'up', northwards: 'up',
  down: 'down', downward: 'down', downwards: 'down', south: 'down', southward: 'down', southwards: 'down',
  left: 'left', leftward: 'left', leftwards: 'left', west: 'left', westward: 'left', westwards: 'left',
  right: 'right', rightward: 'right', rightwards: 'right', east: 'right', eastward: 'right', eastwards: 'right',
};
const arrowDirections: Readonly<Record<string, Direction>> = {
  '↑': 'up', '⬆': 'up', '↓': 'down', '⬇': 'down', '←': 'left', '⬅': 'left', '→': 'right', '➡': 'right',
};
const compactDirections: Readonly<Record<string, Direction>> = { U: 'up', D: 'down', L: 'left', R: 'right' };

/** Words that may sit between a direction and its count without breaking the pair. */
const moveFillers = new Set([
  'cell', 'cells', 'step', 'steps', 'square', 'squares', 'space', 'spaces', 'block', 'blocks', 'unit', 'units',
  'time', 'times', 'tile', 'tiles', 'move', 'moves', 'moving', 'by', 'for', 'to', 'the', 'go', 'going', 'goes', 'walk',
  'head', 'heading', 'more', 'another', 'further', 'a', 'of',
]);

type RouteToken =
  | { kind: 'direction'; direction: Direction; count?: number }
  | { kind: 'arrow'; direction: Direction }
  | { kind: 'number'; value: number }
  | { kind: 'marker'; name: string }
  | { kind: 'filler' }
  | { kind: 'break' };

const routeTokenPattern =
  /(?<arrow>[↑⬆↓⬇←⬅→➡])|(?<number>(?<![\p{L}\p{N}.])\d+(?![\p{L}\p{N}]|\.\d))|(?<word>[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*)|(?<punctuation>[,;.!?:()[\]\n]|->|[–—]|\s-\s)/gu;

function readRoute(text: string, scope: Scope, expected: RouteAnswer | undefined): Omit<ExtractedRoute, 'marked'> | undefined {
  const parts = scope === 'stated' ? [text] : textBlocks(text);
  const readings = parts.map((part) => routeIn(part, expected)).filter((reading) => reading.steps.length > 0 || reading.markers.length > 0);
  // While scanning, prefer the last paragraph that has moves over one that only names markers.
  const withSteps = readings.filter((reading) => reading.steps.length > 0);
  const chosen = byScope(withSteps.length > 0 ? withSteps : readings, scope);
  return chosen === undefined ? undefined : { type: 'route', ...chosen };
}

function routeIn(text: string, expected: RouteAnswer | undefined): { steps: RouteStep[]; markers: string[] } {
  const unnumbered = text.replace(/^[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]+/gm, '').replace(/\bstep\s+\d+\s*[:.)]/gi, ' ');
  const viaAt = unnumbered.search(/\bvia\b/i);
  const movesText = viaAt === -1 ? unnumbered : unnumbered.slice(0, viaAt);
  const resolveMarker = markerResolver(expected?.markers ?? []);
  const tokens = routeTokens(movesText, resolveMarker);
  let markers = tokens.flatMap((token) => (token.kind === 'marker' ? [token.name] : []));
  if (viaAt !== -1) {
    const viaText = unnumbered.slice(viaAt).replace(/^via\s*/i, '');
    const named = expected?.markers?.length
      ? routeTokens(viaText, resolveMarker).flatMap((token) => (token.kind === 'marker' ? [token.name] : []))
      : viaText.split(/\s*(?:,|;|→|->|\band\b|\bthen\b)\s*/i).map(trimAnswer).filter((name) => name !== '');
    markers = [...markers, ...named];
  }
  return { steps: collapseSteps(stepsFrom(tokens)), markers: markers.filter((name, i) => name !== markers[i - 1]) };
}

/** Matches response tokens to expected marker names: exact spelling first, then ignoring case. */
function markerResolver(markers: readonly string[]): (token: string) => string | undefined {
  const exact = new Set(markers);
  const byLower = new Map<string, string | null>();
  for (const marker of markers) {
    const lower = marker.toLowerCase();
    byLower.set(lower, byLower.has(lower) && byLower.get(lower) !== marker ? null : marker);
  }
  return (token) => (exact.has(token) ? token : (byLower.get(token.toLowerCase()) ?? undefined));
}

function routeTokens(text: string, resolveMarker: (token: string) => string | undefined): RouteToken[] {
  const tokens: RouteToken[] = [];
  for (const match of text.matchAll(routeTokenPattern)) {
    const { arrow, number, word } = match.groups ?? {};
    if (arrow !== undefined) {
      tokens.push({ kind: 'arrow', direction: arrowDirections[arrow] ?? 'right' });
    } else if (number !== undefined) {
      tokens.push({ kind: 'number', value: Number(number) });
    } else if (word !== undefined) {
      const marker = resolveMarker(word);
      const lower = word.toLowerCase();
      const compact = /^([UDLR])(\d+)$/.exec(word);
      const spelled = spelledNumber(lower);
      if (marker !== undefined) tokens.push({ kind: 'marker', name: marker });
      else if (directionWords[lower] !== undefined) tokens.push({ kind: 'direction', direction: directionWords[lower] });
      else if (compact?.[1] !== undefined) {
        tokens.push({ kind: 'direction', direction: compactDirections[compact[1]] ?? 'right', count: Number(compact[2]) });
      } else if (spelled !== undefined) tokens.push({ kind: 'number', value: spelled });
      else tokens.push(moveFillers.has(lower) ? { kind: 'filler' } : { kind: 'break' });
    } else {
      tokens.push({ kind: 'break' });
    }
  }
  return tokens;
}

/**
 * Pairs directions with counts: a count right before a direction ("3 right", "3 cells to the
 * right") or right after it ("right 3", "right by 3 cells"), with only filler words between;
 * a direction with no count is one move; arrows count one each when they come in runs or
 * before a count, and are separators otherwise ("start → t2 → end").
 */
function stepsFrom(tokens: readonly RouteToken[]): RouteStep[] {
  const used = new Set<number>();
  const steps: RouteStep[] = [];
  const neighbourNumber = (from: number, delta: -1 | 1): number | undefined => {
    for (let i = from + delta; i >= 0 && i < tokens.length; i += delta) {
      const token = tokens[i];
      if (token?.kind === 'number') return used.has(i) ? undefined : i;
      if (token?.kind !== 'filler') return undefined;
    }
    return undefined;
  };
  tokens.forEach((token, index) => {
    if (token.kind === 'direction' && token.count !== undefined) {
      steps.push({ direction: token.direction, count: token.count });
      return;
    }
    if (token.kind === 'arrow') {
      const next = tokens[index + 1];
      const previous = tokens[index - 1];
      const inRun = next?.kind === 'arrow' || previous?.kind === 'arrow';
      const countAt = next?.kind === 'number' ? index + 1 : undefined;
      if (countAt !== undefined && next?.kind === 'number') {
        used.add(countAt);
        steps.push({ direction: token.direction, count: next.value });
      } else if (inRun) {
        steps.push({ direction: token.direction, count: 1 });
      }
      return;
    }
    if (token.kind !== 'direction') return;
    const countAt = neighbourNumber(index, -1) ?? neighbourNumber(index, 1);
    const count = countAt === undefined ? undefined : tokens[countAt];
    if (countAt !== undefined && count?.kind === 'number') {
      used.add(countAt);
      steps.push({ direction: token.direction, count: count.value });
    } else {
      steps.push({ direction: token.direction, count: 1 });
    }
  });
  return steps;
}
