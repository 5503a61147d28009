import { describe, expect, it } from 'vitest';
import { landmarkCoverage, paperMarkerRecall } from '../index.js';

describe('landmark coverage and the paper’s metric', () => {
  const reference = ['A2', '3b', 'C4'];

  it('landmark coverage is ordered and counts wrong markers against the answer', () => {
    expect(landmarkCoverage(['A2', '3b', 'C4'], reference)).toBe(1);
    expect(landmarkCoverage(['A2', 'C4'], reference)).toBe(2 / 3);
    expect(landmarkCoverage(['C4', '3b', 'A2'], reference)).toBe(1 / 5);
    expect(landmarkCoverage(['A2', 'E6', '3b', 'C4'], reference)).toBe(3 / 4);
    expect(landmarkCoverage([], reference)).toBe(0);
    expect(landmarkCoverage(['A2'], [])).toBe(0);
  });

  it('paperMarkerRecall repeats the release: any order, extras free, letter–digit pairs anywhere', () => {
    expect(paperMarkerRecall('C4 3b A2', reference)).toBe(1);
    expect(paperMarkerRecall('A2, E6, 7f, 3b, C4', reference)).toBe(1);
    expect(paperMarkerRecall('a2 3b c4', reference)).toBe(1 / 3);
    // "10am" holds the pair "0a", which counts; in "step3b" the pair "p3" is read first and
    // swallows the 3, so the real marker 3b is missed.
    expect(paperMarkerRecall('at 10am: step3b', ['0a', '3b'])).toBe(1 / 2);
    expect(paperMarkerRecall('anything', [])).toBe(0);
  });
});

