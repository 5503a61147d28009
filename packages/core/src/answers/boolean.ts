/**
 * Boolean answers: yes or no.
 *
 * - Text: `Yes` or `No`.
 * - Extraction: yes/yeah/yep/true and no/nope/false as whole words; "no" counts only as the first
 *   word or before punctuation, so the determiner in "there is no wall" does not; "not true" is
 *   false. "I don't know", "not sure", "cannot determine" and the like read as nothing. A stated
 *   answer with both polarities reads as nothing.
 * - Scoring: equal.
 */
import { z } from 'zod';
import { type AnswerKind, type Unmarked, validated } from './kind.js';
import { declines, type Scope, textLines } from './response.js';

/** Yes or no. */
export interface BooleanAnswer {
  type: 'boolean';
  value: boolean;
}

/** Yes or no read from a response. */
export interface ExtractedBoolean {
  type: 'boolean';
  value: boolean;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Validates a boolean answer record. */
export const booleanSchema = z.object({ type: z.literal('boolean'), value: z.boolean() });

/** Yes or no. */
export function booleanAnswer(value: boolean): BooleanAnswer {
  return validated<BooleanAnswer>(booleanSchema, { type: 'boolean', value });
}

const yesWords = new Set(['yes', 'yeah', 'yep', 'yup', 'true']);
const noWords = new Set(['no', 'nope', 'false']);
const firstWordPolarity: Readonly<Record<string, boolean>> = {
  yes: true, yeah: true, yep: true, yup: true, true: true, correct: true, affirmative: true,
  no: false, nope: false, false: false, incorrect: false,
};

function readBoolean(text: string, scope: Scope): Unmarked<ExtractedBoolean> | undefined {
  // While scanning, doubt in the reasoning ("unable to pass") is not doubt in the conclusion.
  if (declines(scope === 'stated' ? text : (textLines(text).at(-1) ?? ''))) return undefined;
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

/** The boolean answer type. */
export const booleanKind: AnswerKind<BooleanAnswer, ExtractedBoolean> = {
  extent: 'sentence',
  declinable: true,
  text: (answer) => (answer.value ? 'Yes' : 'No'),
  read: (text, scope) => readBoolean(text, scope),
  score: (expected, read) => (read.value === expected.value ? 1 : 0),
  corrupt: (answer) => ({ ...answer, value: !answer.value }),
};
