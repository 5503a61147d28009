/**
 * Phrase normalisation shared by extraction, scoring and validation: two phrases are the same
 * answer when their normalised forms are equal.
 */
import { z } from 'zod';

const leadingArticle = /^(?:the|a|an)\s+/;

/**
 * Lowercases, strips accents, apostrophes, punctuation and one leading article, and collapses
 * spacing; keeps decimal points and reads `%` and `&` as words so `45%` equals `45 percent`.
 */
export function normalisePhrase(phrase: string): string {
  const words =
    phrase
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’‘`]/g, '')
      .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
      .replace(/&/g, ' and ')
      .replace(/%/g, ' percent ')
      // Words are runs of letters and digits; a period between digits is a decimal point and stays.
      .match(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu) ?? [];
  return words.join(' ').replace(leadingArticle, '');
}

/** Words of a normalised phrase. */
export function phraseWords(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}

/** Start indexes (in words) where `needle` occurs as whole words inside `haystack`. */
export function phraseOccurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const starts: number[] = [];
  if (needle.length === 0) return starts;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) starts.push(start);
  }
  return starts;
}

/** A phrase of a text, choice or list answer: one line with a letter or digit. */
export const phraseSchema = z
  .string()
  .refine((value) => normalisePhrase(value) !== '', 'must contain a letter or digit')
  .refine((value) => !value.includes('\n'), 'must be one line');
