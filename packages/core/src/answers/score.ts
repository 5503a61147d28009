/**
 * Scoring a free-text response against a stored answer (after `extractAnswer`), making wrong
 * answers for conformance tests, and ROUGE-L for captions and de-duplication.
 *
 * Scoring rules (1 right, 0 wrong; nothing extracted is wrong), except captions:
 * - number: right within the relative `tolerance` (default 5%), or when equal after rounding
 *   both to `precision` decimals. A zero answer has no relative scale, so it must be 0 (or
 *   round to 0 at `precision`). A unit that is a scale word (`million`) accepts both "3.5" and
 *   "3,500,000"; a response in percent also counts divided by 100 when the answer is not in
 *   percent ("45%" for 0.45). Other units are not compared: the question fixes them.
 * - integer: exact; the 5% rule never applies to counts and years.
 * - text: equal to the value or an alias after `normalisePhrase`; or, when the response states
 *   its answer ("The answer is …"), naming one of them as whole words with no negation before
 *   it and no "or" hedge around it.
 * - boolean, choice, cell: equal. time: equal; with `twelveHour`, equal on a 12-hour dial.
 * - list: the normalised items equal in order (`ordered`), or as a multiset.
 * - route: literal, not map-aware, since scenarios override route scoring with their maps: the
 *   collapsed moves equal and any markers named are expected ones in order; or, with no moves,
 *   exactly the expected markers in order.
 * - caption: not right or wrong but the ROUGE-L F-measure (`rougeL`) of the extracted text
 *   against the reference, a number in [0, 1]. Both sides are cleaned of markup the same way
 *   (`cleanResponse`), then compared as lowercase runs of letters and digits, so the score is 1
 *   exactly when the words agree after normalising case, spacing and punctuation. Nothing
 *   extracted scores 0. Because captions are graded, an evaluation report must average them on
 *   their own and show them apart from accuracy, never count them as right or wrong (PAPER.md,
 *   "Scoring"). Should a pass/fail view ever be needed, the threshold belongs to the report,
 *   which must name it; the scorer applies none. Only a score of 1 means the same description.
 */
import {
  type ExtractedAnswer,
  type ExtractedInteger,
  type ExtractedNumber,
  type ExtractedRoute,
  type ExtractedText,
  extractAnswer,
} from './extract.js';
import { unitScale } from './numbers.js';
import { normalisePhrase, phraseOccurrences, phraseWords } from './phrases.js';
import { cleanResponse } from './response.js';
import { collapseSteps, routeRuns } from './steps.js';
import { fixedNumber } from './text.js';
import type { Answer, CaptionAnswer, IntegerAnswer, NumberAnswer, RouteAnswer, RouteStep, TextAnswer } from './types.js';

/** Relative tolerance of a number answer that sets none: values read off an image. */
export const defaultNumberTolerance = 0.05;

/**
 * Scores a response against the expected answer: 1 if right by the rules above, else 0; for a
 * caption, the ROUGE-L F-measure in [0, 1].
 */
export function scoreAnswer(expected: Answer, response: string): number {
  const read = extractAnswer(expected, response);
  if (expected.type === 'caption') return read?.type === 'caption' ? captionScore(expected, read.value) : 0;
  return isRight(expected, read) ? 1 : 0;
}

/** ROUGE-L of a caption read from a response against the reference, both cleaned alike. */
function captionScore(expected: CaptionAnswer, said: string): number {
  return rougeL(said, cleanResponse(expected.value));
}

function isRight(expected: Exclude<Answer, CaptionAnswer>, read: ExtractedAnswer | undefined): boolean {
  if (read === undefined) return false;
  switch (expected.type) {
    case 'number':
      return read.type === 'number' && numberMatches(expected, read);
    case 'integer':
      return read.type === 'integer' && numberMatches(expected, read);
    case 'text':
      return read.type === 'text' && textMatches(expected, read);
    case 'boolean':
      return read.type === 'boolean' && read.value === expected.value;
    case 'choice':
      return read.type === 'choice' && read.value === expected.value.toUpperCase();
    case 'list': {
      if (read.type !== 'list') return false;
      const said = read.value.map(normalisePhrase);
      const wanted = expected.value.map(normalisePhrase);
      return expected.ordered ? sameSequence(said, wanted) : sameSequence(said.sort(), wanted.sort());
    }
    case 'cell':
      return read.type === 'cell' && read.row === expected.row && read.col === expected.col;
    case 'time': {
      if (read.type !== 'time' || read.minutes !== expected.minutes) return false;
      return expected.twelveHour === true ? read.hours % 12 === expected.hours % 12 : read.hours === expected.hours;
    }
    case 'route':
      return read.type === 'route' && routeMatches(expected, read);
  }
}

function numberMatches(expected: NumberAnswer | IntegerAnswer, read: ExtractedNumber | ExtractedInteger): boolean {
  const scale = unitScale(expected.unit);
  const candidates = [read.value / scale];
  // "3.5" for an answer in millions: the question gave the unit, the response left it out.
  if (read.scale === 1 && scale !== 1) candidates.push(read.value);
  if (read.percent && expected.unit?.trim() !== '%') candidates.push(read.value / 100 / scale);
  return candidates.some((candidate) =>
    expected.type === 'integer' ? candidate === expected.value : withinTolerance(candidate, expected),
  );
}

function withinTolerance(candidate: number, expected: NumberAnswer): boolean {
  const { precision, value } = expected;
  if (precision !== undefined && fixedNumber(candidate, precision) === fixedNumber(value, precision)) return true;
  const tolerance = expected.tolerance ?? defaultNumberTolerance;
  // The extra 1e-9 absorbs float noise, so `tolerance: 0` still accepts 0.30000000000000004 for 0.3.
  return Math.abs(candidate - value) <= (tolerance + 1e-9) * Math.abs(value);
}

const negations = new Set([
  'not', 'no', 'never', 'neither', 'nor', 'without', 'isnt', 'arent', 'wasnt', 'werent', 'cannot', 'cant', 'dont', 'doesnt', 'didnt',
]);

function textMatches(expected: TextAnswer, read: ExtractedText): boolean {
  const accepted = [expected.value, ...(expected.aliases ?? [])].map(normalisePhrase);
  const said = normalisePhrase(read.value);
  if (accepted.includes(said)) return true;
  if (!read.marked) return false;
  const words = phraseWords(said);
  return accepted.some((phrase) => {
    const phraseLength = phraseWords(phrase).length;
    return phraseOccurrences(words, phraseWords(phrase)).some((start) => {
      const before = words.slice(0, start);
      const around = [...before, ...words.slice(start + phraseLength)];
      return !before.some((word) => negations.has(word)) && !around.includes('or');
    });
  });
}

function routeMatches(expected: RouteAnswer, read: ExtractedRoute): boolean {
  const markers = expected.markers ?? [];
  if (read.steps.length === 0) return markers.length > 0 && sameSequence(read.markers, markers);
  const stepsAgree = sameSteps(read.steps, routeRuns(expected.steps));
  // Moves fix the path; named markers must still be ones it passes, in order.
  return stepsAgree && (markers.length === 0 || isSubsequence(read.markers, markers));
}

function sameSteps(a: readonly RouteStep[], b: readonly RouteStep[]): boolean {
  return a.length === b.length && a.every((step, i) => step.direction === b[i]?.direction && step.count === b[i]?.count);
}

function sameSequence<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function isSubsequence<T>(part: readonly T[], whole: readonly T[]): boolean {
  let next = 0;
  for (const item of part) {
    while (next < whole.length && whole[next] !== item) next++;
    if (next === whole.length) return false;
    next++;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// wrong answers for tests

/** Phrases a corrupted text or list answer draws from; any that overlap the answer are skipped. */
const unrelatedPhrases = [
  'blue', 'the north gate', 'seven', 'triangle', 'library', 'garden shed', 'orange', 'east wing', 'circle', 'harbour',
];

/**
 * A different answer of the same type whose canonical text, stated or not, scores below 1
 * against the original; `pick(n)` returns an integer in [0, n) and supplies every random choice.
 */
export function corruptAnswer(answer: Answer, pick: (n: number) => number): Answer {
  switch (answer.type) {
    case 'number': {
      const tolerance = answer.tolerance ?? defaultNumberTolerance;
      const magnitude = Math.abs(answer.value);
      const roundingStep = answer.precision === undefined ? 0 : 10 ** -answer.precision;
      // Far enough that neither the tolerance nor rounding to `precision` can bring it back.
      const shift = Math.max(
        magnitude * (2 * tolerance + 0.1 * (1 + pick(5))),
        roundingStep * (2 + pick(5)),
        magnitude === 0 ? 1 + pick(9) : 0,
      );
      const moved = pick(2) === 0 ? answer.value + shift : answer.value - shift;
      const value = answer.precision === undefined ? moved : Number(fixedNumber(moved, answer.precision));
      return { ...answer, value };
    }
    case 'integer': {
      const shift = 1 + pick(9);
      return { ...answer, value: pick(2) === 0 ? answer.value + shift : answer.value - shift };
    }
    case 'text':
      return { type: 'text', value: unrelatedPhrase([answer.value, ...(answer.aliases ?? [])], pick) };
    case 'boolean':
      return { ...answer, value: !answer.value };
    case 'choice': {
      const others = Object.keys(answer.options).filter((letter) => letter !== answer.value);
      return { ...answer, value: others[pick(others.length)] ?? answer.value };
    }
    case 'list':
      return { ...answer, value: corruptList(answer.value, answer.ordered, pick) };
    case 'cell': {
      const shift = 1 + pick(3);
      const moveRow = pick(2) === 0;
      const moved = (index: number): number => (index > shift && pick(2) === 0 ? index - shift : index + shift);
      return moveRow ? { ...answer, row: moved(answer.row) } : { ...answer, col: moved(answer.col) };
    }
    case 'time':
      // Hours move by 1–11 so the change shows on a 12-hour dial too.
      return pick(2) === 0
        ? { ...answer, minutes: (answer.minutes + 1 + pick(59)) % 60 }
        : { ...answer, hours: (answer.hours + 1 + pick(11)) % 24 };
    case 'route':
      return { ...answer, steps: corruptSteps(routeRuns(answer.steps), pick) };
    case 'caption':
      return { ...answer, value: corruptCaption(answer.value, pick) };
  }
}

/** Sentences a corrupted caption may gain: plausible, and free of answer markers. */
const unrelatedSentences = [
  'The legend sits below the plot.',
  'Values are shown in thousands.',
  'The data come from a national survey.',
  'Every series rises in the final year.',
];

/**
 * Drops a sentence, swaps two, replaces a word or adds a sentence. Each choice is kept only when
 * it changes the words ROUGE-L compares (swapped sentences can read the same), and adding a
 * sentence always does: it lengthens the caption without lengthening the common subsequence.
 */
function corruptCaption(caption: string, pick: (n: number) => number): string {
  const text = caption.trim();
  const sentences = text.split(/(?<=[.!?])\s+(?=\S)/).filter((sentence) => rougeL(sentence, sentence) === 1);
  const candidates: string[] = [];
  if (sentences.length >= 2) {
    const i = pick(sentences.length);
    candidates.push(sentences.filter((_, index) => index !== i).join(' '));
    const j = (i + 1 + pick(sentences.length - 1)) % sentences.length;
    const swapped = [...sentences];
    [swapped[i], swapped[j]] = [sentences[j] ?? '', sentences[i] ?? ''];
    candidates.push(swapped.join(' '));
  }
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const word = words[pick(words.length)];
  if (word !== undefined) {
    const replacement = unrelatedPhrase([word[0]], pick);
    candidates.push(`${text.slice(0, word.index)}${replacement}${text.slice(word.index + word[0].length)}`);
  }
  const chosen = candidates[pick(candidates.length + 1)];
  const reference = cleanResponse(text);
  if (chosen !== undefined && rougeL(cleanResponse(chosen), reference) < 1) return chosen;
  const sentence = unrelatedSentences[pick(unrelatedSentences.length)] ?? 'The chart has no legend.';
  return /[.!?]$/.test(text) ? `${text} ${sentence}` : `${text}. ${sentence}`;
}

function corruptList(items: readonly string[], ordered: boolean, pick: (n: number) => number): string[] {
  const normalised = items.map(normalisePhrase);
  const swappable: [number, number][] = [];
  normalised.forEach((a, i) => {
    normalised.forEach((b, j) => {
      if (i < j && a !== b) swappable.push([i, j]);
    });
  });
  const swap = swappable[pick(swappable.length)];
  if (ordered && swap !== undefined) {
    const [i, j] = swap;
    const swapped = [...items];
    [swapped[i], swapped[j]] = [items[j] ?? '', items[i] ?? ''];
    return swapped;
  }
  const index = pick(items.length);
  if (!ordered && items.length >= 2 && pick(2) === 0) return items.filter((_, i) => i !== index);
  return items.map((item, i) => (i === index ? unrelatedPhrase(items, pick) : item));
}

function corruptSteps(steps: readonly RouteStep[], pick: (n: number) => number): RouteStep[] {
  const index = pick(steps.length);
  const turns: Readonly<Record<RouteStep['direction'], RouteStep['direction'][]>> = {
    up: ['left', 'right'], down: ['left', 'right'], left: ['up', 'down'], right: ['up', 'down'],
  };
  const lengthen = pick(2) === 0;
  // A longer run or a turned run changes how far the route goes in some direction, so the
  // collapsed moves always differ.
  return collapseSteps(
    steps.map((step, i) => {
      if (i !== index) return step;
      if (lengthen) return { ...step, count: step.count + 1 + pick(3) };
      return { ...step, direction: turns[step.direction][pick(2)] ?? step.direction };
    }),
  );
}

function unrelatedPhrase(avoid: readonly string[], pick: (n: number) => number): string {
  const avoided = avoid.map((phrase) => phraseWords(normalisePhrase(phrase)));
  const usable = unrelatedPhrases.filter((phrase) => {
    const words = phraseWords(normalisePhrase(phrase));
    return avoided.every((avoidedWords) => phraseOccurrences(words, avoidedWords).length === 0);
  });
  const chosen = usable[pick(usable.length)];
  if (chosen !== undefined) return chosen;
  // Every stock phrase overlaps the answer: shift its letters instead ("kitchen" → "ljudifo").
  return normalisePhrase(avoid[0] ?? 'answer').replace(/[a-y0-8]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
}

// ---------------------------------------------------------------------------------------------
// ROUGE-L

/**
 * ROUGE-L F-measure (β = 1) of a candidate against a reference over lowercase runs of letters
 * and digits, as the `rouge_score` package computes it (0 when either side has no words).
 */
export function rougeL(candidate: string, reference: string): number {
  const candidateTokens = rougeTokens(candidate);
  const referenceTokens = rougeTokens(reference);
  if (candidateTokens.length === 0 || referenceTokens.length === 0) return 0;
  const common = longestCommonSubsequence(candidateTokens, referenceTokens);
  if (common === 0) return 0;
  const precision = common / candidateTokens.length;
  const recall = common / referenceTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = tokenA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
