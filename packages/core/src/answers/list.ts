/**
 * List answers: phrases, ordered or not.
 *
 * - Text: the items joined by `, ` (by `; ` when an item has a comma).
 * - Extraction: bulleted or numbered lines, inline "1. a 2. b", or items split by `;` (when
 *   present), commas (not thousands commas) and "and"/"&"; a piece that is an expected item is not
 *   split at its own "and" ("salt and pepper").
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

const bullet = /^(?:[-*•+]|\d{1,3}[.)])\s+/;

function readList(text: string, scope: Scope, expected: ListAnswer | undefined): Unmarked<ExtractedList> | undefined {
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
