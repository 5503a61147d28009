/**
 * List answers: phrases, ordered or not.
 *
 * - Text: the items joined by `, ` (by `; ` when an item has a comma).
 * - Extraction: bulleted or numbered lines ("- a", "1. a", "1) a", "(1) a", "Step 1: a"),
 *   inline "1. a 2. b", an arrow chain ("a -> b", "a → b", "a ⇒ b", "a => b", "a — b", "a – b"
 *   with spaces), or items split by `;` (when present), commas (not thousands commas), and the
 *   words "and", "&", "then" and "and then" (so "a, then b" and "a then b then c" read too).
 *   A line that ends with an arrow continues on the next, and one that begins with an arrow
 *   continues the one before ("a\n→ b\n→ c").
 * - Arrows separate only when they chain items: an arrow in quotes or brackets (`the "→" sign`) is
 *   a mention, a lead-in ending with `:` before the first item is dropped (before a list split
 *   by commas or semicolons too), and a line whose arrow pieces hold a `;`, `:` or a sentence end
 *   is prose, read as if it had no arrows.
 * - No rule splits a real item: a piece is split only at whole words and marks ("then" inside
 *   "Athens" or "Thenford" is no separator, nor an unspaced en dash in "15–24"); neighbouring
 *   pieces whose text, with the separators between them, is an expected item are joined back
 *   ("salt and pepper", "rock then roll", "Paris, France"); and when a split still cuts through an
 *   expected item ("Lisbon – Porto, Turin"), a line that is nothing but expected items and
 *   separators reads as those items. So an item holding a separator reads whenever the answer is
 *   known; read without the answer, an item holding " then " splits there as one holding " and "
 *   always has.
 * - Scoring: the normalised items equal in order (`ordered`), or as a multiset.
 */
import { z } from 'zod';
import { type AnswerKind, type PickIndex, type Unmarked, validated } from './kind.js';
import { normalisePhrase, phraseSchema } from './phrases.js';
import { byScope, type Scope, textLines, trimAnswer } from './response.js';
import { sameSequence } from './sequences.js';
import { unrelatedPhrase } from './unrelated-phrases.js';

/** A list of phrases, ordered or not. */
export interface ListAnswer {
  type: 'list';
  value: readonly string[];
  ordered: boolean;
}

/** List items read from a response, before normalisation. */
export interface ExtractedList {
  type: 'list';
  value: string[];
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Validates a list answer record. */
export const listSchema = z.object({
  type: z.literal('list'),
  value: z
    .array(phraseSchema.refine((item) => !item.includes(';'), 'must not contain ";", which separates items'))
    .min(1, 'needs at least one item')
    .readonly(),
  ordered: z.boolean(),
});

/** A list of phrases; `ordered` says whether the order matters. */
export function listAnswer(items: readonly string[], options: { ordered: boolean }): ListAnswer {
  return validated<ListAnswer>(listSchema, { type: 'list', value: [...items], ordered: options.ordered });
}

const bullet = /^(?:[-*•+]|\d{1,3}[.)]|\(\d{1,3}\)|step\s+\d{1,3}\s*[:.)]?)\s+/i;

/** An arrow or dash between two items of a chain; an en dash only with spaces (`15–24` is one label). */
const arrow = /\s*(?:->|=>|→|⇒|⟶|⟹|➔|➜|➡|—)\s*|\s+–\s+/g;
const leadingArrow = /^(?:->|=>|→|⇒|⟶|⟹|➔|➜|➡|—|–)/;
const trailingArrow = /(?:->|=>|→|⇒|⟶|⟹|➔|➜|➡|—|–)$/;
/** An arrow used as a separator: not one in quotes or brackets, which is mentioned (`the "→" sign`). */
const usedArrow = new RegExp(`(?<![("'\\[]\\s*)(?:${arrow.source})(?!\\s*[)"'\\]])`, 'g');
/** Words that only join items, dropped at the start of a piece. */
const joiningWords = /^(?:and\s+then|then|and|&|or)\s+/i;
/** Words that separate items inside a piece. */
const separatingWords = /\s+(?:and\s+then|then|and|&)\s+/gi;

function readList(text: string, scope: Scope, expected: ListAnswer | undefined): Unmarked<ExtractedList> | undefined {
  const expectedItems = new Set(expected?.value.map(normalisePhrase));
  const expectedTexts = expected?.value ?? [];
  const lines = continuedLines(textLines(text));
  let items: string[];
  const bulleted = bulletedRuns(lines);
  if (bulleted.length > 0) {
    items = (byScope(bulleted, scope) ?? []).map((line) => line.replace(bullet, ''));
  } else {
    const line = scope === 'stated' ? lines.join(' ') : (lines.at(-1) ?? '');
    items = splitItems(line, expectedItems);
    // A split that cut through an expected item ("Lisbon – Porto, Turin") gives way to the items as written.
    if (expectedTexts.length > 0 && items.some((item) => !expectedItems.has(normalisePhrase(trimAnswer(item))))) {
      items = writtenItems(line, expectedTexts) ?? items;
    }
  }
  const value = items
    .map((item) => trimAnswer(trimAnswer(item).replace(leadingArrow, '').replace(trailingArrow, '')))
    .filter((item) => normalisePhrase(item) !== '');
  return value.length === 0 ? undefined : { type: 'list', value };
}

/** Joins a line that ends with an arrow to the next, and a line that begins with one to the one before. */
function continuedLines(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && (trailingArrow.test(previous) || leadingArrow.test(line))) {
      joined[joined.length - 1] = `${previous} ${line}`;
    } else joined.push(line);
  }
  return joined;
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

/**
 * Splits `text` at every match of `separator` (a global pattern), then joins back the longest
 * runs of neighbouring pieces whose text, separators included, is an expected item.
 */
function splitKeeping(text: string, separator: RegExp, expectedItems: ReadonlySet<string>): string[] {
  const bounds: [number, number][] = [];
  let from = 0;
  for (const match of text.matchAll(separator)) {
    if (match[0] === '') continue;
    bounds.push([from, match.index]);
    from = match.index + match[0].length;
  }
  bounds.push([from, text.length]);
  const pieces: string[] = [];
  for (let i = 0; i < bounds.length; ) {
    let j = bounds.length - 1;
    while (j > i && !expectedItems.has(normalisePhrase(text.slice(bounds[i]?.[0], bounds[j]?.[1])))) j--;
    pieces.push(text.slice(bounds[i]?.[0], bounds[j]?.[1]));
    i = j + 1;
  }
  return pieces;
}

/**
 * The items of an arrow chain, or `undefined` when the line's arrows do not chain items: an arrow
 * next to a quote or bracket is mentioned, not used, and pieces holding `;`, `:` or a sentence end
 * are prose. A lead-in ending with `:` ("The path: a → b") is dropped.
 */
function arrowChain(line: string, expectedItems: ReadonlySet<string>): string[] | undefined {
  const bare = line.trim().replace(leadingArrow, '').replace(trailingArrow, '');
  const pieces = splitKeeping(bare, usedArrow, expectedItems).map((piece) => piece.trim());
  if (pieces.length < 2) return undefined;
  const first = pieces[0] ?? '';
  if (!expectedItems.has(normalisePhrase(first))) pieces[0] = first.slice(first.lastIndexOf(':') + 1).trim();
  const prose = /[;:]|[.!?]\s+\S/;
  if (pieces.some((piece) => piece === '' || (!expectedItems.has(normalisePhrase(piece)) && prose.test(piece)))) return undefined;
  return pieces.map((piece) => (expectedItems.has(normalisePhrase(piece)) ? piece : piece.replace(joiningWords, '')));
}

/** What may stand between two items: spaces, commas, semicolons, arrows, dashes (an en dash with spaces), "and", "then", "&". */
const itemGap = /^(?:\s+–\s+|\s+|[,;&]|->|=>|→|⇒|⟶|⟹|➔|➜|➡|—|(?:and|then)(?![\p{L}\p{N}]))*/iu;

/**
 * The line read as expected items (ignoring case) with only separators between them, the longest
 * item first at each place; `undefined` when anything else is written.
 */
function writtenItems(line: string, expectedTexts: readonly string[]): string[] | undefined {
  const candidates = [...new Set(expectedTexts.map((item) => item.trim()))].sort((a, b) => b.length - a.length);
  const items: string[] = [];
  let rest = trimAnswer(line);
  for (;;) {
    rest = rest.replace(itemGap, '');
    if (rest === '') return items.length === 0 ? undefined : items;
    const lower = rest.toLowerCase();
    const item = candidates.find((c) => c !== '' && lower.startsWith(c.toLowerCase()) && !/^[\p{L}\p{N}]/u.test(rest.slice(c.length)));
    if (item === undefined) return undefined;
    items.push(rest.slice(0, item.length));
    rest = rest.slice(item.length);
  }
}

function splitItems(line: string, expectedItems: ReadonlySet<string>): string[] {
  if (expectedItems.has(normalisePhrase(line))) return [line];
  const inlineNumbered = /^\s*1[.)]\s/.test(line) && /\s2[.)]\s/.test(line);
  if (inlineNumbered) return line.split(/(?:^|\s)\d{1,3}[.)]\s+/).map((piece) => piece.trim());
  const chain = arrowChain(line, expectedItems);
  if (chain !== undefined) return chain;
  // A comma between a digit and exactly three digits groups thousands ("1,234") and does not split.
  const pieces = splitKeeping(line, line.includes(';') ? /;/g : /,(?!(?<=\d,)\d{3}(?!\d))/g, expectedItems).map((piece) => piece.trim());
  // A lead-in ending with `:` ("The column names are: a, b and c") is dropped, as before a chain.
  const first = pieces[0] ?? '';
  if (pieces.length > 1 && first.includes(':') && !expectedItems.has(normalisePhrase(first))) pieces[0] = first.slice(first.lastIndexOf(':') + 1).trim();
  return pieces
    .map((piece) => (expectedItems.has(normalisePhrase(piece)) ? piece : piece.replace(joiningWords, '')))
    .flatMap((piece) => splitKeeping(piece, separatingWords, expectedItems));
}

function corruptList(items: readonly string[], ordered: boolean, pick: PickIndex): string[] {
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

function listMatches(expected: ListAnswer, read: ExtractedList): boolean {
  const said = read.value.map(normalisePhrase);
  const wanted = expected.value.map(normalisePhrase);
  return expected.ordered ? sameSequence(said, wanted) : sameSequence(said.sort(), wanted.sort());
}

/** The list answer type. */
export const listKind: AnswerKind<ListAnswer, ExtractedList> = {
  extent: 'line',
  declinable: true,
  text: (answer) => answer.value.map((item) => item.trim()).join(answer.value.some((item) => item.includes(',')) ? '; ' : ', '),
  read: readList,
  score: (expected, read) => (listMatches(expected, read) ? 1 : 0),
  corrupt: (answer, pick) => ({ ...answer, value: corruptList(answer.value, answer.ordered, pick) }),
};
