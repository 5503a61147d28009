import { describe, expect, test } from 'vitest';
import { rougeL } from '../index.js';

describe('rougeL', () => {
  test('is 1 for the same words, whatever the case and punctuation', () => {
    expect(rougeL('The GDP of France, 2019.', 'the gdp of france 2019')).toBe(1);
  });

  test('is 0 with nothing in common or nothing to compare', () => {
    expect(rougeL('red apple', 'blue sky')).toBe(0);
    expect(rougeL('', 'blue sky')).toBe(0);
    expect(rougeL('...', '')).toBe(0);
  });

  test('uses the longest common subsequence, not the bag of words', () => {
    // LCS of "a b c d" and "a c b d" is 3 (a b d or a c d): P = R = 3/4.
    expect(rougeL('a b c d', 'a c b d')).toBeCloseTo(0.75, 10);
    // Reversed words share only one word in order.
    expect(rougeL('one two three', 'three two one')).toBeCloseTo(1 / 3, 10);
  });

  test('is the F-measure of precision and recall', () => {
    // candidate 2 tokens, reference 4, LCS 2: P = 1, R = 0.5, F = 2/3.
    expect(rougeL('police killed', 'police killed the gunman')).toBeCloseTo(2 / 3, 10);
    expect(rougeL('police killed the gunman', 'police killed')).toBeCloseTo(2 / 3, 10);
  });

  test('matches the paper’s near-duplicate threshold use', () => {
    expect(rougeL('energy use by country', 'energy use per country')).toBeGreaterThan(0.6);
    expect(rougeL('energy use by country', 'unemployment rate by age group')).toBeLessThan(0.6);
  });
});
