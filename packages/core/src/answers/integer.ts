/**
 * Integer answers: exact whole numbers (counts, lengths, years).
 *
 * - Text: the digits, with any unit as for numbers.
 * - Extraction: as for numbers (`number.ts`); a reading that is not whole is no reading.
 * - Scoring: exact; the 5% rule never applies to counts and years.
 */
import { z } from 'zod';
import { type AnswerKind, definedFields, type PickIndex, validated } from './kind.js';
import { candidateValues, type ExtractedNumber, readNumber, unitSchema, withUnit } from './number.js';

/** An exact integer: counts, lengths, years. */
export interface IntegerAnswer {
  type: 'integer';
  value: number;
  unit?: string;
}

/** A whole number read from a response. */
export interface ExtractedInteger extends Omit<ExtractedNumber, 'type'> {
  type: 'integer';
}

/** Validates an integer answer record. */
export const integerSchema = z.object({
  type: z.literal('integer'),
  value: z.number().int().refine(Number.isSafeInteger, 'must be a safe integer'),
  unit: unitSchema.optional(),
});

/** An exact whole number: a count, a length in cells, a year. */
export function integerAnswer(value: number, options: { unit?: string } = {}): IntegerAnswer {
  return validated<IntegerAnswer>(integerSchema, { type: 'integer', value, ...definedFields(options) });
}

function corruptInteger(answer: IntegerAnswer, pick: PickIndex): IntegerAnswer {
  const shift = 1 + pick(9);
  return { ...answer, value: pick(2) === 0 ? answer.value + shift : answer.value - shift };
}

/** The integer answer type. */
export const integerKind: AnswerKind<IntegerAnswer, ExtractedInteger> = {
  extent: 'sentence',
  declinable: true,
  text: (answer) => withUnit(String(answer.value), answer.unit),
  read: (text, scope) => {
    const number = readNumber(text, scope);
    return number !== undefined && Number.isInteger(number.value) ? { ...number, type: 'integer' } : undefined;
  },
  score: (expected, read) => (candidateValues(read, expected.unit).some((candidate) => candidate === expected.value) ? 1 : 0),
  corrupt: corruptInteger,
};
