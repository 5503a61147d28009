/**
 * Validation of answers: the rules the constructors enforce, also usable on records read back
 * from a dataset. Each rule keeps the canonical text readable back into the same answer.
 */
import { z } from 'zod';
import { normalisePhrase } from './phrases.js';
import { cleanResponse, hasAnswerMarker } from './response.js';
import type { Answer } from './types.js';

const phrase = z
  .string()
  .refine((value) => normalisePhrase(value) !== '', 'must contain a letter or digit')
  .refine((value) => !value.includes('\n'), 'must be one line');

const unit = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((value) => !/[0-9]/.test(value), 'must not contain digits, or the canonical text would read back as another number');

const numberAnswer = z.object({
  type: z.literal('number'),
  value: z.number(),
  tolerance: z.number().min(0).optional(),
  precision: z.number().int().min(0).max(15).optional(),
  unit: unit.optional(),
});

const integerAnswer = z.object({
  type: z.literal('integer'),
  value: z.number().int().refine(Number.isSafeInteger, 'must be a safe integer'),
  unit: unit.optional(),
});

const textAnswer = z.object({
  type: z.literal('text'),
  value: phrase,
  aliases: z.array(phrase).readonly().optional(),
});

const booleanAnswer = z.object({ type: z.literal('boolean'), value: z.boolean() });

const choiceAnswer = z
  .object({
    type: z.literal('choice'),
    value: z.string(),
    options: z.record(z.string(), phrase).readonly(),
  })
  .refine((choice) => Object.keys(choice.options).every((letter) => /^[A-Z]$/.test(letter)), {
    message: 'option keys must be single capital letters',
    path: ['options'],
  })
  .refine((choice) => Object.keys(choice.options).length >= 2, { message: 'needs at least two options', path: ['options'] })
  .refine((choice) => Object.hasOwn(choice.options, choice.value), { message: 'must be one of the option letters', path: ['value'] })
  .refine((choice) => new Set(Object.values(choice.options).map(normalisePhrase)).size === Object.keys(choice.options).length, {
    message: 'option texts must differ after normalising, or a response naming one is ambiguous',
    path: ['options'],
  });

const listAnswer = z.object({
  type: z.literal('list'),
  value: z
    .array(phrase.refine((item) => !item.includes(';'), 'must not contain ";", which separates items'))
    .min(1, 'needs at least one item')
    .readonly(),
  ordered: z.boolean(),
});

const cellIndex = z.number().int().min(1, 'is 1-based').refine(Number.isSafeInteger, 'must be a safe integer');
const cellAnswer = z.object({ type: z.literal('cell'), row: cellIndex, col: cellIndex });

const timeAnswer = z.object({
  type: z.literal('time'),
  hours: z.number().int().min(0).max(23),
  minutes: z.number().int().min(0).max(59),
  twelveHour: z.boolean().optional(),
});

const routeAnswer = z.object({
  type: z.literal('route'),
  steps: z
    .array(
      z.object({
        direction: z.enum(['up', 'down', 'left', 'right']),
        count: z.number().int().min(1),
        to: z.string().regex(/^[\p{L}\p{N}]+$/u, 'marker names are letters and digits, such as t2 or 5K').optional(),
      }),
    )
    .min(1, 'needs at least one move')
    .readonly(),
  markers: z
    .array(z.string().regex(/^[\p{L}\p{N}]+$/u, 'marker names are letters and digits, such as t2 or 5K'))
    .readonly()
    .optional(),
});

const captionAnswer = z.object({
  type: z.literal('caption'),
  value: z
    .string()
    .refine((value) => normalisePhrase(value) !== '', 'must contain a letter or digit')
    .refine((value) => !/[\n\r\u2028\u2029]/.test(value), 'must be one paragraph on one line')
    .refine(
      (value) => !hasAnswerMarker(cleanResponse(value)),
      'must not contain an answer marker such as "the answer is" or "answers are", or it would read back as only the text after it',
    ),
});

/** Validates any answer record; its output type is {@link Answer}. */
export const answerSchema = z.discriminatedUnion('type', [
  numberAnswer,
  integerAnswer,
  textAnswer,
  booleanAnswer,
  choiceAnswer,
  listAnswer,
  cellAnswer,
  timeAnswer,
  routeAnswer,
  captionAnswer,
]);

// Compile-time check that the schema and the contract in types.ts describe the same records.
type SchemaAnswer = z.output<typeof answerSchema>;
const schemaMatchesContract: [SchemaAnswer extends Answer ? true : false, Answer extends SchemaAnswer ? true : false] = [true, true];
void schemaMatchesContract;

/** Checks an answer, throwing a `TypeError` that names each bad field. */
export function validAnswer<A extends Answer>(candidate: A): A {
  const result = answerSchema.safeParse(candidate);
  if (!result.success) {
    throw new TypeError(`Invalid ${candidate.type} answer ${JSON.stringify(candidate)}:\n${z.prettifyError(result.error)}`);
  }
  return candidate;
}
