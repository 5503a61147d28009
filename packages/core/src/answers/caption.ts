/**
 * Caption answers: a description of the whole image in one paragraph, such as a chart caption
 * naming its type, title, series and extremes.
 *
 * - Text: the description as written.
 * - Extraction: the stated part runs to the end of its paragraph (a caption has several
 *   sentences); without a marker the whole response is the caption. Wrapping quotes and trailing
 *   punctuation are stripped, and a part with no letter or digit reads as nothing.
 * - Scoring: not right or wrong but the ROUGE-L F-measure (`rougeL`) of the extracted text
 *   against the reference, a number in [0, 1]. Both sides are cleaned of markup the same way
 *   (`cleanResponse`), then compared as lowercase runs of letters and digits, so the score is 1
 *   exactly when the words agree after normalising case, spacing and punctuation. Nothing
 *   extracted scores 0. Because captions are graded, an evaluation report must average them on
 *   their own and show them apart from accuracy, never count them as right or wrong (PAPER.md,
 *   "Scoring"). Should a pass/fail view ever be needed, the threshold belongs to the report,
 *   which must name it; the scorer applies none. Only a score of 1 means the same description.
 */
import { z } from 'zod';
import { hasAnswerMarker } from './answer-marker.js';
import { type AnswerKind, type PickIndex, type Unmarked, validated } from './kind.js';
import { normalisePhrase } from './phrases.js';
import { cleanResponse, trimAnswer } from './response.js';
import { longestCommonSubsequence } from './sequences.js';
import { unrelatedPhrase } from './unrelated-phrases.js';

/**
 * A description of the whole image in one paragraph, such as a chart caption naming its type,
 * title, series and extremes. Scored by ROUGE-L against `value`, not right or wrong: the score is
 * a number in [0, 1], and evaluation reports show captions apart from accuracy (PAPER.md).
 */
export interface CaptionAnswer {
  type: 'caption';
  /** The reference description: one paragraph, on one line, without an answer marker. */
  value: string;
}

/** A description read from a response, before normalisation. */
export interface ExtractedCaption {
  type: 'caption';
  value: string;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Validates a caption answer record. */
export const captionSchema = z.object({
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

/**
 * A description of the image in one paragraph (several sentences on one line), scored by
 * ROUGE-L against this text. It must not contain an answer marker ("the answer is").
 */
export function captionAnswer(text: string): CaptionAnswer {
  return validated<CaptionAnswer>(captionSchema, { type: 'caption', value: text });
}

/** The stated paragraph, or the whole response: a caption is all of what is said. */
function readCaption(text: string): Unmarked<ExtractedCaption> | undefined {
  const value = trimAnswer(text);
  return normalisePhrase(value) === '' ? undefined : { type: 'caption', value };
}

/**
 * ROUGE-L F-measure (β = 1) of a candidate against a reference over lowercase runs of letters
 * and digits, as the `rouge_score` package computes it (0 when either side has no words).
 */
export function rougeL(candidate: string, reference: string): number {
  const candidateTokens = rougeTokens(candidate);
  const referenceTokens = rougeTokens(reference);
  if (candidateTokens.length === 0 || referenceTokens.length === 0) return 0;
  const common = longestCommonSubsequence(candidateTokens, referenceTokens);
  if (common === 0) return 0;
  const precision = common / candidateTokens.length;
  const recall = common / referenceTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Sentences a corrupted caption may gain: plausible, and free of answer markers. */
const unrelatedSentences = [
  'The legend sits below the plot.',
  'Values are shown in thousands.',
  'The data come from a national survey.',
  'Every series rises in the final year.',
];

/**
 * Drops a sentence, swaps two, replaces a word or adds a sentence. Each choice is kept only when
 * it changes the words ROUGE-L compares (swapped sentences can read the same), and adding a
 * sentence always does: it lengthens the caption without lengthening the common subsequence.
 */
function corruptCaption(caption: string, pick: PickIndex): string {
  const text = caption.trim();
  const sentences = text.split(/(?<=[.!?])\s+(?=\S)/).filter((sentence) => rougeL(sentence, sentence) === 1);
  const candidates: string[] = [];
  if (sentences.length >= 2) {
    const i = pick(sentences.length);
    candidates.push(sentences.filter((_, index) => index !== i).join(' '));
    const j = (i + 1 + pick(sentences.length - 1)) % sentences.length;
    const swapped = [...sentences];
    [swapped[i], swapped[j]] = [sentences[j] ?? '', sentences[i] ?? ''];
    candidates.push(swapped.join(' '));
  }
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const word = words[pick(words.length)];
  if (word !== undefined) {
    const replacement = unrelatedPhrase([word[0]], pick);
    candidates.push(`${text.slice(0, word.index)}${replacement}${text.slice(word.index + word[0].length)}`);
  }
  const chosen = candidates[pick(candidates.length + 1)];
  const reference = cleanResponse(text);
  if (chosen !== undefined && rougeL(cleanResponse(chosen), reference) < 1) return chosen;
  const sentence = unrelatedSentences[pick(unrelatedSentences.length)] ?? 'The chart has no legend.';
  return /[.!?]$/.test(text) ? `${text} ${sentence}` : `${text}. ${sentence}`;
}

/** The caption answer type: the stated part runs to the end of its paragraph. */
export const captionKind: AnswerKind<CaptionAnswer, ExtractedCaption> = {
  extent: 'paragraph',
  declinable: true,
  text: (answer) => answer.value.trim(),
  read: (text) => readCaption(text),
  score: (expected, read) => rougeL(read.value, cleanResponse(expected.value)),
  corrupt: (answer, pick) => ({ ...answer, value: corruptCaption(answer.value, pick) }),
};
