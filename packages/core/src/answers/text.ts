/**
 * Text answers: a short phrase, with other phrasings that are also right.
 *
 * - Text: the value, trimmed.
 * - Extraction: the stated answer, trimmed of wrapping quotes and trailing punctuation; without
 *   one, the last line of the response.
 * - Scoring: equal to the value or an alias after `normalisePhrase`; or, when the response states
 *   its answer ("The answer is …"), naming one of them as whole words with no negation before it
 *   and no "or" hedge around it.
 */
import { z } from 'zod';
import { type AnswerKind, type PickIndex, type Unmarked, validated } from './kind.js';
import { normalisePhrase, phraseOccurrences, phraseSchema, phraseWords } from './phrases.js';
import { type Scope, textLines, trimAnswer } from './response.js';
import { unrelatedPhrase } from './unrelated-phrases.js';

/** A short phrase, matched after normalising case, spacing and punctuation. */
export interface TextAnswer {
  type: 'text';
  value: string;
  /** Other phrasings that are also right. */
  aliases?: readonly string[];
}

/** A phrase read from a response, before normalisation. */
export interface ExtractedText {
  type: 'text';
  value: string;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Validates a text answer record. */
export const textSchema = z.object({
  type: z.literal('text'),
  value: phraseSchema,
  aliases: z.array(phraseSchema).readonly().optional(),
});

/** A short phrase, with other phrasings that are also right. */
export function textAnswer(value: string, aliases?: readonly string[]): TextAnswer {
  return validated<TextAnswer>(textSchema, aliases === undefined ? { type: 'text', value } : { type: 'text', value, aliases: [...aliases] });
}

function readText(text: string, scope: Scope): Unmarked<ExtractedText> | undefined {
  const value = trimAnswer(scope === 'stated' ? text : (textLines(text).at(-1) ?? ''));
  return value === '' ? undefined : { type: 'text', value };
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

function corruptText(answer: TextAnswer, pick: PickIndex): TextAnswer {
  return { type: 'text', value: unrelatedPhrase([answer.value, ...(answer.aliases ?? [])], pick) };
}

/** The text answer type; a stated refusal is still a phrase, so it reads as itself. */
export const textKind: AnswerKind<TextAnswer, ExtractedText> = {
  extent: 'sentence',
  declinable: false,
  text: (answer) => answer.value.trim(),
  read: (text, scope) => readText(text, scope),
  score: (expected, read) => (textMatches(expected, read) ? 1 : 0),
  corrupt: corruptText,
};
