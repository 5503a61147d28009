/**
 * Any answer: the constructors and schema of every answer type, and the functions over every
 * answer (canonical text, extraction, scoring, corruption), each handing the answer to its
 * type's module.
 */
import { z } from 'zod';
import { readResponse } from './answer-marker.js';
import { booleanAnswer, booleanKind, booleanSchema } from './boolean.js';
import { captionAnswer, captionKind, captionSchema } from './caption.js';
import { cellAnswer, cellKind, cellSchema } from './cell.js';
import { choiceAnswer, choiceKind, choiceSchema } from './choice.js';
import { integerAnswer, integerKind, integerSchema } from './integer.js';
import type { AnswerKind } from './kind.js';
import { listAnswer, listKind, listSchema } from './list.js';
import { numberAnswer, numberKind, numberSchema } from './number.js';
import { routeAnswer, routeKind, routeSchema } from './route.js';
import { textAnswer, textKind, textSchema } from './text.js';
import { timeAnswer, timeKind, timeSchema } from './time.js';
import type {
  Answer,
  AnswerType,
  BooleanAnswer,
  CaptionAnswer,
  CellAnswer,
  ChoiceAnswer,
  ExtractedAnswer,
  ExtractedOf,
  IntegerAnswer,
  ListAnswer,
  NumberAnswer,
  NumberOptions,
  RouteAnswer,
  RouteStep,
  TextAnswer,
  TimeAnswer,
} from './types.js';

/**
 * Answer constructors that validate their input and throw a `TypeError` naming the bad field
 * (NaN, a fractional integer, a choice letter not among the options, an empty route, a caption
 * over several lines…).
 */
export const answer = {
  /** A real number scored with a relative tolerance (default 5%). */
  number: (value: number, options?: NumberOptions): NumberAnswer => numberAnswer(value, options),
  /** An exact whole number: a count, a length in cells, a year. */
  integer: (value: number, options?: { unit?: string }): IntegerAnswer => integerAnswer(value, options),
  /** A short phrase, with other phrasings that are also right. */
  text: (value: string, aliases?: readonly string[]): TextAnswer => textAnswer(value, aliases),
  /** Yes or no. */
  boolean: (value: boolean): BooleanAnswer => booleanAnswer(value),
  /** The right option letter and every option, letter to text, in display order. */
  choice: (value: string, options: Readonly<Record<string, string>>): ChoiceAnswer => choiceAnswer(value, options),
  /** A list of phrases; `ordered` says whether the order matters. */
  list: (items: readonly string[], options: { ordered: boolean }): ListAnswer => listAnswer(items, options),
  /** A grid cell, 1-based (row, column). */
  cell: (row: number, col: number): CellAnswer => cellAnswer(row, col),
  /** A clock reading on a 24-hour clock; `twelveHour` accepts the same time on a 12-hour dial. */
  time: (hours: number, minutes: number, options?: { twelveHour?: boolean }): TimeAnswer => timeAnswer(hours, minutes, options),
  /** A route as moves (merged into runs of one direction) and the markers it passes, in order. */
  route: (steps: readonly RouteStep[], markers?: readonly string[]): RouteAnswer => routeAnswer(steps, markers),
  /**
   * A description of the image in one paragraph (several sentences on one line), scored by
   * ROUGE-L against this text. It must not contain an answer marker ("the answer is").
   */
  caption: (text: string): CaptionAnswer => captionAnswer(text),
} as const;

/**
 * Validates any answer record, also one read back from a dataset; its output type is
 * {@link Answer}. Each rule keeps the canonical text readable back into the same answer.
 */
export const answerSchema = z.discriminatedUnion('type', [
  numberSchema,
  integerSchema,
  textSchema,
  booleanSchema,
  choiceSchema,
  listSchema,
  cellSchema,
  timeSchema,
  routeSchema,
  captionSchema,
]);

// Compile-time check that the schema and the answer types describe the same records.
type SchemaAnswer = z.output<typeof answerSchema>;
const schemaMatchesContract: [SchemaAnswer extends Answer ? true : false, Answer extends SchemaAnswer ? true : false] = [true, true];
void schemaMatchesContract;

/** Each answer type's module, by type. */
const kinds: { readonly [T in AnswerType]: AnswerKind<Extract<Answer, { type: T }>, ExtractedOf<T>> } = {
  number: numberKind,
  integer: integerKind,
  text: textKind,
  boolean: booleanKind,
  choice: choiceKind,
  list: listKind,
  cell: cellKind,
  time: timeKind,
  route: routeKind,
  caption: captionKind,
};

/** The module of a type, seen through the union (each module only ever gets its own type). */
function kindOf(type: AnswerType): AnswerKind<Answer, ExtractedAnswer> {
  return kinds[type] as unknown as AnswerKind<Answer, ExtractedAnswer>;
}

/**
 * The canonical text form of an answer: numbers in their shortest form (or with `precision`
 * decimals) and no thousands separators, `%` attached and other units after a space,
 * `Yes`/`No`, the option letter, list items joined by `, ` (by `; ` when an item has a comma),
 * `(row, col)`, `H:MM` on a 24-hour clock, captions as written, and routes as `right 3, down 2
 * via t2, 5K` (or numbered steps when the runs name their markers). Every form reads back through
 * `extractAnswer` to the same answer.
 */
export function answerText(answer: Answer): string {
  return kindOf(answer.type).text(answer);
}

/**
 * Reads a response as the type of `answer` (or as the given type), or `undefined` when nothing
 * reads as it; the expected answer supplies option texts, list items and marker names, never
 * the value.
 *
 * Rules, in order (`readResponse`):
 * 1. Markup is undone first: markdown emphasis, headings and quotes, LaTeX `\boxed{}`, a few
 *    HTML tags, `<answer>` brackets, curly quotes, the Unicode minus.
 * 2. The *stated* answer: the text after the last "The answer is", "Answer:", "Final answer:",
 *    "The answers are", "The answer would be" or "will be" (any case). It runs to the end of the
 *    sentence (lists and routes: the end of the line; captions: the paragraph; when the marker
 *    ends its line, the next block of lines). Wrapping quotes and brackets and trailing periods
 *    are stripped. Inside it the *first* reading of the type wins, because the answer comes right
 *    after the marker ("The answer is 12, one more than 11" is 12).
 * 3. When there is no marker, or the stated part does not read as the type, the rest of the
 *    response (without the stated part, so "The answer is yes or no" is not re-read) is
 *    *scanned* and the *last* reading wins, because models conclude at the end. A stated part
 *    that declines ("The answer is: cannot be determined") reads as nothing, with no scan
 *    (except for text answers).
 *
 * The type rules are in the header of each type's module (`number.ts`, `route-reading.ts`, …).
 */
export function extractAnswer<A extends Answer>(answer: A, response: string): ExtractedOf<A['type']> | undefined;
export function extractAnswer<T extends AnswerType>(type: T, response: string): ExtractedOf<T> | undefined;
export function extractAnswer(answerOrType: Answer | AnswerType, response: string): ExtractedAnswer | undefined {
  const expected = typeof answerOrType === 'string' ? undefined : answerOrType;
  const kind = kindOf(typeof answerOrType === 'string' ? answerOrType : answerOrType.type);
  return readResponse(response, kind, (text, scope) => kind.read(text, scope, expected) as Omit<ExtractedAnswer, 'marked'> | undefined) as
    | ExtractedAnswer
    | undefined;
}

/**
 * Scores a response against the expected answer: 1 if right by its type's rules, else 0
 * (nothing extracted is wrong); for a caption, the ROUGE-L F-measure in [0, 1].
 */
export function scoreAnswer(expected: Answer, response: string): number {
  const read = extractAnswer(expected, response);
  return read === undefined ? 0 : kindOf(expected.type).score(expected, read);
}

/**
 * A different answer of the same type whose canonical text, stated or not, scores below 1
 * against the original; `pick(n)` returns an integer in [0, n) and supplies every random choice.
 */
export function corruptAnswer(answer: Answer, pick: (n: number) => number): Answer {
  return kindOf(answer.type).corrupt(answer, pick);
}
