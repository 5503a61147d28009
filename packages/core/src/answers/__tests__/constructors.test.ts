import { describe, expect, test } from 'vitest';
import { answer, answerSchema, lettered } from '../index.js';

describe('answer constructors', () => {
  test('build the stored records without empty fields', () => {
    expect(answer.number(3.2, { tolerance: 0.05, unit: 'km' })).toStrictEqual({ type: 'number', value: 3.2, tolerance: 0.05, unit: 'km' });
    expect(answer.integer(5)).toStrictEqual({ type: 'integer', value: 5 });
    expect(answer.text('kitchen', ['the kitchen'])).toStrictEqual({ type: 'text', value: 'kitchen', aliases: ['the kitchen'] });
    expect(answer.boolean(true)).toStrictEqual({ type: 'boolean', value: true });
    expect(answer.choice('B', { A: 'hall', B: 'kitchen' })).toStrictEqual({ type: 'choice', value: 'B', options: { A: 'hall', B: 'kitchen' } });
    expect(answer.list(['a', 'b'], { ordered: true })).toStrictEqual({ type: 'list', value: ['a', 'b'], ordered: true });
    expect(answer.cell(3, 4)).toStrictEqual({ type: 'cell', row: 3, col: 4 });
    expect(answer.time(20, 10, { twelveHour: true })).toStrictEqual({ type: 'time', hours: 20, minutes: 10, twelveHour: true });
    expect(answer.time(20, 10)).toStrictEqual({ type: 'time', hours: 20, minutes: 10 });
    expect(answer.caption('A pie chart. Coal is largest.')).toStrictEqual({ type: 'caption', value: 'A pie chart. Coal is largest.' });
  });

  test('letter options in the order shown, the answer the right one', () => {
    expect(lettered(['red', 'blue', 'green'], 'green')).toStrictEqual({
      answer: { type: 'choice', value: 'C', options: { A: 'red', B: 'blue', C: 'green' } },
      listed: 'A. red; B. blue; C. green',
    });
    expect(() => lettered(['red', 'blue'], 'green')).toThrow(/"green" is not one of the options/);
  });

  test('routes are stored as runs', () => {
    const route = answer.route(
      [
        { direction: 'right', count: 1 },
        { direction: 'right', count: 2 },
        { direction: 'down', count: 2 },
      ],
      ['t2'],
    );
    expect(route).toStrictEqual({
      type: 'route',
      steps: [
        { direction: 'right', count: 3 },
        { direction: 'down', count: 2 },
      ],
      markers: ['t2'],
    });
  });

  test.each<[string, () => unknown, RegExp]>([
    ['NaN', () => answer.number(Number.NaN), /value/],
    ['Infinity', () => answer.number(Number.POSITIVE_INFINITY), /value/],
    ['negative tolerance', () => answer.number(1, { tolerance: -0.1 }), /tolerance/],
    ['both a tolerance and a margin', () => answer.number(1, { tolerance: 0.1, margin: 1 }), /margin/],
    ['fractional precision', () => answer.number(1, { precision: 1.5 }), /precision/],
    ['a unit with digits', () => answer.number(1, { unit: 'm2' }), /digits/],
    ['a fractional integer', () => answer.integer(2.5), /value/],
    ['an unsafe integer', () => answer.integer(2 ** 60), /value/],
    ['empty text', () => answer.text('  '), /letter or digit/],
    ['punctuation-only alias', () => answer.text('kitchen', ['...']), /aliases/],
    ['a letter not among the options', () => answer.choice('E', { A: 'x', B: 'y' }), /option letters/],
    ['a single option', () => answer.choice('A', { A: 'x' }), /two options/],
    ['lowercase option keys', () => answer.choice('a', { a: 'x', b: 'y' }), /capital/],
    ['options that read the same', () => answer.choice('A', { A: 'The hall', B: 'hall' }), /differ/],
    ['an empty list', () => answer.list([], { ordered: false }), /at least one item/],
    ['an item with a semicolon', () => answer.list(['a;b'], { ordered: false }), /;/],
    ['row 0', () => answer.cell(0, 4), /1-based/],
    ['hour 24', () => answer.time(24, 0), /hours/],
    ['minute 60', () => answer.time(12, 60), /minutes/],
    ['an empty route', () => answer.route([]), /at least one move/],
    ['a zero move', () => answer.route([{ direction: 'up', count: 0 }]), /count/],
    ['a marker with spaces', () => answer.route([{ direction: 'up', count: 1 }], ['t 2']), /marker/],
    ['an empty caption', () => answer.caption(''), /letter or digit/],
    ['a punctuation-only caption', () => answer.caption(' ... '), /letter or digit/],
    ['a caption over two paragraphs', () => answer.caption('A pie chart.\n\nCoal is largest.'), /one paragraph/],
    ['a caption over two lines', () => answer.caption('A pie chart.\nCoal is largest.'), /one paragraph/],
    ['a caption with an answer marker', () => answer.caption('A bar chart of quiz scores. The answer is B.'), /answer marker/],
    ['a caption whose words read as a marker', () => answer.caption('Survey answers are grouped by age.'), /answer marker/],
  ])('reject %s', (_, make, message) => {
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
  });

  test('the schema accepts every constructed answer and rejects a malformed record', () => {
    expect(answerSchema.safeParse(answer.cell(1, 1)).success).toBe(true);
    expect(answerSchema.safeParse({ type: 'cell', row: '3', col: 4 }).success).toBe(false);
    expect(answerSchema.safeParse({ type: 'colour', value: 'red' }).success).toBe(false);
  });
});
