import { describe, expect, test } from 'vitest';
import { answer, answerText, corruptAnswer, extractAnswer, rougeL, scoreAnswer } from '../index.js';

const reference =
  'A horizontal bar chart titled "Energy use by sector, 2022". It shows 2 series: coal and gas. ' +
  'The highest value is 45% for industry; the lowest is 3% for transport.';
const energy = answer.caption(reference);

describe('caption answers', () => {
  test('the canonical text is the caption, and it scores 1 bare, stated and dressed in markup', () => {
    expect(answerText(energy)).toBe(reference);
    expect(scoreAnswer(energy, reference)).toBe(1);
    expect(scoreAnswer(energy, `The answer is ${reference}.`)).toBe(1);
    expect(scoreAnswer(energy, `Answer: ${reference}`)).toBe(1);
    expect(scoreAnswer(energy, `Let me look at the bars.\n\n**The answer is:**\n${reference}\n\nI hope this helps.`)).toBe(1);
    expect(scoreAnswer(energy, `“${reference.toUpperCase().replace(/"/g, '')}”`)).toBe(1);
    // Spacing and punctuation do not count; words do.
    expect(scoreAnswer(energy, reference.replace(/ /g, '   ').replace(/[.,;:]/g, ''))).toBe(1);
    expect(scoreAnswer(energy, reference.replace('industry', 'industries'))).toBeLessThan(1);
  });

  test('a reference with characters that markup cleaning changes still reads back as itself', () => {
    const area = answer.caption('A pie chart of land area in km² across 3 regions; North is largest at 1 200 km².');
    expect(scoreAnswer(area, answerText(area))).toBe(1);
    expect(scoreAnswer(area, `The answer is ${answerText(area)}.`)).toBe(1);
  });

  test('extraction takes the stated paragraph, else the whole response', () => {
    expect(extractAnswer(energy, 'Reasoning first. The answer is A pie chart. Coal leads.\nIt has two slices.')).toEqual({
      type: 'caption',
      value: 'A pie chart. Coal leads.\nIt has two slices',
      marked: true,
    });
    expect(extractAnswer(energy, 'The answer is A pie chart. Coal leads.\n\nThanks for asking!')).toMatchObject({
      value: 'A pie chart. Coal leads',
      marked: true,
    });
    expect(extractAnswer(energy, '# Description\n**A pie chart.** Coal *leads*.')).toEqual({
      type: 'caption',
      value: 'Description\nA pie chart. Coal leads',
      marked: false,
    });
    expect(extractAnswer('caption', 'Answer: ...')).toBeUndefined();
    expect(extractAnswer('caption', '   ')).toBeUndefined();
  });

  test('ROUGE-L on hand-worked examples', () => {
    // Reference "A line chart of rainfall in Lagos." has 7 tokens: a line chart of rainfall in lagos.
    // Candidate "The line chart shows Lagos rainfall." has 6: the line chart shows lagos rainfall.
    // LCS = 3 (line chart lagos, or line chart rainfall). P = 3/6, R = 3/7,
    // F = 2PR / (P + R) = (3/7) / (13/14) = 6/13 ≈ 0.4615 (with β = 1, F = 2·LCS / (m + n) = 6/13).
    const lagos = answer.caption('A line chart of rainfall in Lagos.');
    expect(scoreAnswer(lagos, 'The line chart shows Lagos rainfall.')).toBeCloseTo(6 / 13, 12);
    // Reference tokens (11): a bar chart titled energy use coal is highest at 45.
    // Candidate tokens (8): bar chart energy use with coal highest 45.
    // LCS = 7 (bar chart energy use coal highest 45): P = 7/8, R = 7/11, F = 14/19 ≈ 0.7368.
    const bars = answer.caption('A bar chart titled Energy use. Coal is highest at 45%.');
    expect(scoreAnswer(bars, 'The answer is Bar chart: energy use, with coal highest (45%).')).toBeCloseTo(14 / 19, 12);
    expect(rougeL('Bar chart: energy use, with coal highest (45%).', bars.value)).toBeCloseTo(14 / 19, 12);
  });

  test('a paraphrase scores between 0 and 1, an unrelated text near 0, nothing 0', () => {
    const paraphrase =
      'This horizontal bar chart, "Energy use by sector, 2022", compares coal and gas; industry is highest at 45% and transport lowest at 3%.';
    const score = scoreAnswer(energy, paraphrase);
    expect(score).toBeGreaterThan(0.4);
    expect(score).toBeLessThan(1);
    expect(scoreAnswer(energy, 'Rainfall in Tokyo rose every month after June.')).toBeLessThan(0.1);
    expect(scoreAnswer(energy, 'I cannot see the image.')).toBeLessThan(0.1);
    expect(scoreAnswer(energy, '')).toBe(0);
  });

  test('a longer response that contains the caption loses precision, not recall', () => {
    const padded = `${reference} It is a very clear chart with a nice colour scheme and a legend below it.`;
    expect(scoreAnswer(energy, padded)).toBeLessThan(1);
    expect(scoreAnswer(energy, padded)).toBeGreaterThan(0.6);
  });

  test('corrupting drops, swaps or replaces until the words differ, even for one-word captions', () => {
    for (const text of ['Pie.', 'Bars', 'A chart. A chart.', 'x. x x.', reference]) {
      const stored = answer.caption(text);
      for (let seed = 0; seed < 50; seed++) {
        let state = seed;
        const corrupted = corruptAnswer(stored, (n) => {
          state = (state * 31 + 7) % 9973;
          return state % n;
        });
        expect(corrupted.type).toBe('caption');
        expect(scoreAnswer(stored, answerText(corrupted)), `${text} → ${answerText(corrupted)}`).toBeLessThan(1);
      }
    }
  });
});
