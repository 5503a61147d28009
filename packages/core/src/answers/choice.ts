/**
 * Choice answers: one option letter of a multiple-choice question.
 *
 * - Text: the letter.
 * - Extraction: a letter alone or leading ("B", "(B)", "B.", "B) 42", "C: the kitchen"),
 *   "Option B", "(B)", or a capital letter standing alone (`A` and `I` only before `)`, `:`, `.` or
 *   the end, since they are also words); failing a letter, the one option whose text the response
 *   names, mapped back to its letter (the longest when one option's text holds another's).
 * - Scoring: equal.
 */
import { z } from 'zod';
import { type AnswerKind, type PickIndex, type Unmarked, validated } from './kind.js';
import { normalisePhrase, phraseOccurrences, phraseSchema, phraseWords } from './phrases.js';
import { byScope, type Scope, trimAnswer } from './response.js';

/** One option letter of a multiple-choice question. */
export interface ChoiceAnswer {
  type: 'choice';
  /** The right letter, such as `B`. */
  value: string;
  /** Every option, letter to text, in display order. */
  options: Readonly<Record<string, string>>;
}

/** An option letter read from a response (uppercase). */
export interface ExtractedChoice {
  type: 'choice';
  value: string;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Validates a choice answer record. */
export const choiceSchema = z
  .object({
    type: z.literal('choice'),
    value: z.string(),
    options: z.record(z.string(), phraseSchema).readonly(),
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

/** The right option letter and every option, letter to text, in display order. */
export function choiceAnswer(value: string, options: Readonly<Record<string, string>>): ChoiceAnswer {
  return validated<ChoiceAnswer>(choiceSchema, { type: 'choice', value, options: { ...options } });
}

const allLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * A multiple choice over option texts in the order shown: the letters A, B, C… in that order,
 * the answer the letter of `right`, and `listed`, the options as a question writes them after
 * "Choose one:" (`A. red; B. blue; C. green`).
 */
export function lettered(texts: readonly string[], right: string): { answer: ChoiceAnswer; listed: string } {
  const index = texts.indexOf(right);
  if (index < 0) throw new RangeError(`"${right}" is not one of the options ${JSON.stringify(texts)}`);
  if (texts.length > allLetters.length) throw new RangeError(`${texts.length} options, more than there are letters`);
  const options = Object.fromEntries(texts.map((text, i) => [allLetters[i] as string, text]));
  return { answer: choiceAnswer(allLetters[index] as string, options), listed: texts.map((text, i) => `${allLetters[i]}. ${text}`).join('; ') };
}

function readChoice(text: string, scope: Scope, expected: ChoiceAnswer | undefined): Unmarked<ExtractedChoice> | undefined {
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

function corruptChoice(answer: ChoiceAnswer, pick: PickIndex): ChoiceAnswer {
  const others = Object.keys(answer.options).filter((letter) => letter !== answer.value);
  return { ...answer, value: others[pick(others.length)] ?? answer.value };
}

/** The choice answer type. */
export const choiceKind: AnswerKind<ChoiceAnswer, ExtractedChoice> = {
  extent: 'sentence',
  declinable: true,
  text: (answer) => answer.value,
  read: readChoice,
  score: (expected, read) => (read.value === expected.value.toUpperCase() ? 1 : 0),
  corrupt: corruptChoice,
};
