/**
 * Number answers: a real number read off an image, scored with a relative tolerance.
 *
 * - Text: the shortest form (or `precision` decimals), no thousands separators, `%` and other
 *   attached units straight after the number, currency symbols before it, other units after a
 *   space.
 * - Extraction: any number of digits (single digits too), signs (`-3`, `minus 3`), thousands
 *   commas in groups of three (`1,234` is 1234), a period is always a decimal point (`1.234` is
 *   1.234), ASCII spaces never group digits (`1 234` is two numbers; thin spaces do group),
 *   `%`/`percent`, currency symbols, scale words and suffixes (`3.5 million`, `2.1k`, `12 k`,
 *   `$4B`; a bare `4B` is not read), exponents, fractions (`3/4`), ordinals (`3rd`), and number
 *   words zero to ninety-nine (used while scanning only when the response has no digits). Other
 *   units are skipped, not checked. A response that is only "none" reads as 0. A stated
 *   calculation ("The answer is 12 - 5 = 7") reads as its result, after the last `=`.
 * - Scoring: right within the relative `tolerance` (default 5%), or within the absolute `margin`
 *   instead when one is given (an instrument read to half its smallest tick), or when equal after
 *   rounding both to `precision` decimals. A zero answer has no relative scale, so it must be 0 (or round
 *   to 0 at `precision`). A unit that is a scale word (`million`) accepts both "3.5" and
 *   "3,500,000"; a response in percent also counts divided by 100 when the answer is not in
 *   percent ("45%" for 0.45). Other units are not compared: the question fixes them.
 */
import { z } from 'zod';
import { type AnswerKind, definedFields, type PickIndex, type Unmarked, validated } from './kind.js';
import { findNumbers, unitScale } from './number-parsing.js';
import { normalisePhrase } from './phrases.js';
import { byScope, type Scope, textLines } from './response.js';

/** A real number, scored with a relative tolerance. */
export interface NumberAnswer {
  type: 'number';
  value: number;
  /** Relative tolerance; default 0.05 for values read off an image. Use 0 for exact. */
  tolerance?: number;
  /** Absolute tolerance in the value's units, instead of the relative one: a reading within it is right. */
  margin?: number;
  /** Decimal places of the canonical text; when set, a prediction rounded to it is exact. */
  precision?: number;
  /** Unit shown after the value in the canonical text (for example `%`, `km`). */
  unit?: string;
}

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

/** Options of a number answer. */
export interface NumberOptions {
  /** Relative tolerance; default 0.05. Use 0 for exact. */
  tolerance?: number;
  /** Absolute tolerance in the value's units (half an instrument's smallest tick), instead of `tolerance`. */
  margin?: number;
  /** Decimal places of the canonical text; a prediction rounded to it is right. */
  precision?: number;
  /** Unit after the value in the canonical text, such as `%` or `km`. */
  unit?: string;
}

/** Relative tolerance of a number answer that sets none: values read off an image. */
export const defaultNumberTolerance = 0.05;

/** A unit of a number or integer answer: no digits, or the canonical text would read back as another number. */
export const unitSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((value) => !/[0-9]/.test(value), 'must not contain digits, or the canonical text would read back as another number');

/** Validates a number answer record. */
export const numberSchema = z
  .object({
    type: z.literal('number'),
    value: z.number(),
    tolerance: z.number().min(0).optional(),
    margin: z.number().min(0).optional(),
    precision: z.number().int().min(0).max(15).optional(),
    unit: unitSchema.optional(),
  })
  .refine((answer) => answer.tolerance === undefined || answer.margin === undefined, { path: ['margin'], message: 'give a relative tolerance or an absolute margin, not both' });

/** A real number scored with a relative tolerance (default 5%) or an absolute margin. */
export function numberAnswer(value: number, options: NumberOptions = {}): NumberAnswer {
  return validated<NumberAnswer>(numberSchema, { type: 'number', value, ...definedFields(options) });
}

/** Units written straight after the number. */
const attachedUnits = new Set(['%', '°', '‰', '′', '″']);
/** Units written before the number, after any sign. */
const currencySymbols = new Set(['$', '€', '£', '¥']);

/** The shortest decimal of the value to 15 significant digits, so 0.1 + 0.2 reads `0.3`. */
export function shortestNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** The value with exactly `decimals` decimals, never `-0.00`. */
export function fixedNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return /^-0(?:\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** A number's text with its unit: `%` attached, currency before the digits, other units after a space. */
export function withUnit(number: string, unit: string | undefined): string {
  const trimmed = unit?.trim();
  if (trimmed === undefined || trimmed === '') return number;
  if (attachedUnits.has(trimmed)) return `${number}${trimmed}`;
  if (currencySymbols.has(trimmed)) return number.startsWith('-') ? `-${trimmed}${number.slice(1)}` : `${trimmed}${number}`;
  return `${number} ${trimmed}`;
}

/** Reads a number: the first of the stated answer (after a stated `=`), or the last while scanning. */
export function readNumber(text: string, scope: Scope): Unmarked<ExtractedNumber> | undefined {
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

/**
 * The values a reading may stand for against an answer in `unit`: the reading over the unit's
 * scale; the bare reading when it has no scale and the unit has one ("3.5" for an answer in
 * millions); and a percentage over 100 when the answer is not in percent.
 */
export function candidateValues(read: Pick<ExtractedNumber, 'value' | 'scale' | 'percent'>, unit: string | undefined): number[] {
  const scale = unitScale(unit);
  const candidates = [read.value / scale];
  // "3.5" for an answer in millions: the question gave the unit, the response left it out.
  if (read.scale === 1 && scale !== 1) candidates.push(read.value);
  if (read.percent && unit?.trim() !== '%') candidates.push(read.value / 100 / scale);
  return candidates;
}

function withinTolerance(candidate: number, expected: NumberAnswer): boolean {
  const { precision, value } = expected;
  if (precision !== undefined && fixedNumber(candidate, precision) === fixedNumber(value, precision)) return true;
  // The extra 1e-9 absorbs float noise, so `tolerance: 0` still accepts 0.30000000000000004 for 0.3.
  if (expected.margin !== undefined) return Math.abs(candidate - value) <= expected.margin + 1e-9 * Math.max(1, Math.abs(value));
  const tolerance = expected.tolerance ?? defaultNumberTolerance;
  return Math.abs(candidate - value) <= (tolerance + 1e-9) * Math.abs(value);
}

/** Moves the value far enough that neither the tolerance nor rounding to `precision` brings it back. */
function corruptNumber(answer: NumberAnswer, pick: PickIndex): NumberAnswer {
  const tolerance = answer.tolerance ?? defaultNumberTolerance;
  const magnitude = Math.abs(answer.value);
  const roundingStep = answer.precision === undefined ? 0 : 10 ** -answer.precision;
  const shift = Math.max(
    answer.margin === undefined ? magnitude * (2 * tolerance + 0.1 * (1 + pick(5))) : answer.margin * (2 + pick(5)) + magnitude * 0.02,
    roundingStep * (2 + pick(5)),
    magnitude === 0 ? 1 + pick(9) : 0,
  );
  const moved = pick(2) === 0 ? answer.value + shift : answer.value - shift;
  const value = answer.precision === undefined ? moved : Number(fixedNumber(moved, answer.precision));
  return { ...answer, value };
}

/** The number answer type. */
export const numberKind: AnswerKind<NumberAnswer, ExtractedNumber> = {
  extent: 'sentence',
  declinable: true,
  text: (answer) => withUnit(answer.precision === undefined ? shortestNumber(answer.value) : fixedNumber(answer.value, answer.precision), answer.unit),
  read: (text, scope) => readNumber(text, scope),
  score: (expected, read) => (candidateValues(read, expected.unit).some((candidate) => withinTolerance(candidate, expected)) ? 1 : 0),
  corrupt: corruptNumber,
};
