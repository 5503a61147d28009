/** Stock phrases that corrupted text, list and caption answers draw from in conformance tests. */
import type { PickIndex } from './kind.js';
import { normalisePhrase, phraseOccurrences, phraseWords } from './phrases.js';

/** Phrases a corrupted answer draws from; any that overlap the answer are skipped. */
const unrelatedPhrases = [
  'blue', 'the north gate', 'seven', 'triangle', 'library', 'garden shed', 'orange', 'east wing', 'circle', 'harbour',
];

/**
 * A stock phrase that shares no whole word run with any phrase of `avoid`; when every stock
 * phrase overlaps, the first avoided phrase with its letters and digits shifted ("kitchen" →
 * "ljudifo").
 */
export function unrelatedPhrase(avoid: readonly string[], pick: PickIndex): string {
  const avoided = avoid.map((phrase) => phraseWords(normalisePhrase(phrase)));
  const usable = unrelatedPhrases.filter((phrase) => {
    const words = phraseWords(normalisePhrase(phrase));
    return avoided.every((avoidedWords) => phraseOccurrences(words, avoidedWords).length === 0);
  });
  const chosen = usable[pick(usable.length)];
  if (chosen !== undefined) return chosen;
  return normalisePhrase(avoid[0] ?? 'answer').replace(/[a-y0-8]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
}
