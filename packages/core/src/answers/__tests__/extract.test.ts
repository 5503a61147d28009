import { describe, expect, test } from 'vitest';
import { answer, extractAnswer } from '../index.js';

describe('extractAnswer reads numbers', () => {
  test.each<[string, number | undefined]>([
    ['7', 7],
    ['The answer is 7 (seven).', 7],
    ['-3', -3],
    ['minus 3', -3],
    ['negative 12.5', -12.5],
    ['1,234', 1234],
    ['1,234,567.25', 1234567.25],
    ['1.234', 1.234],
    ['45%', 45],
    ['$3.5', 3.5],
    ['-$3.5', -3.5],
    ['3.5 million', 3500000],
    ['2.1k', 2100],
    ['4.35K', 4350],
    ['12 k', 12000],
    ['1.5e3', 1500],
    ['3/4', 0.75],
    ['the 3rd', 3],
    ['twenty-one', 21],
    ['nineteen', 19],
    ['The answer is none.', 0],
    ['The room t2 is marked.', undefined],
    ['No numbers here.', undefined],
    ['Step 1: count. Step 2: add. Total: 12', 12],
  ])('%j → %j', (response, value) => {
    expect(extractAnswer('number', response)?.value).toBe(value);
  });

  test('marks whether the value was stated', () => {
    expect(extractAnswer('number', 'The answer is 7.')).toEqual({ type: 'number', value: 7, scale: 1, percent: false, marked: true });
    expect(extractAnswer('number', 'Seven walls, so 7')).toMatchObject({ value: 7, marked: false });
  });

  test('records percent and scale', () => {
    expect(extractAnswer('number', '45 percent')).toMatchObject({ value: 45, percent: true, scale: 1 });
    expect(extractAnswer('number', '3.5 million')).toMatchObject({ value: 3500000, percent: false, scale: 1e6 });
  });

  test('spelled numbers lose to digits while scanning, but not in a stated answer', () => {
    expect(extractAnswer('number', 'There are 7 dead ends; one of them is at the top.')?.value).toBe(7);
    expect(extractAnswer('number', 'The answer is three, counting 4 walls.')?.value).toBe(3);
  });

  test('an integer reading must be whole', () => {
    expect(extractAnswer('integer', 'The answer is 2.5')).toBeUndefined();
    expect(extractAnswer('integer', 'The answer is 2.0')?.value).toBe(2);
  });
});

describe('extractAnswer reads other types', () => {
  test('booleans', () => {
    expect(extractAnswer('boolean', 'No, it is not reachable.')?.value).toBe(false);
    expect(extractAnswer('boolean', 'Yes.')?.value).toBe(true);
    expect(extractAnswer('boolean', "I don't know")).toBeUndefined();
    expect(extractAnswer('boolean', 'Not sure, maybe yes')).toBeUndefined();
    expect(extractAnswer('boolean', 'The robot is unable to pass the wall.\nSo no.')?.value).toBe(false);
    expect(extractAnswer('boolean', 'None of the doors is locked, I know.')).toBeUndefined();
  });

  test('choices without the options accept any letter', () => {
    expect(extractAnswer('choice', 'The answer is (C).')?.value).toBe('C');
    expect(extractAnswer('choice', 'Option e')?.value).toBe('E');
    expect(extractAnswer('choice', 'The answer is the kitchen.')).toBeUndefined();
  });

  test('choices map option text back to the letter, preferring the longest option named', () => {
    const options = { A: 'kitchen', B: 'small kitchen', C: 'hall' };
    expect(extractAnswer(answer.choice('A', options), 'The answer is the small kitchen.')?.value).toBe('B');
    expect(extractAnswer(answer.choice('A', options), 'It is the kitchen.')?.value).toBe('A');
    expect(extractAnswer(answer.choice('A', options), 'Either the kitchen or the hall.')).toBeUndefined();
  });

  test('cells', () => {
    expect(extractAnswer('cell', 'row 3, column 4')).toMatchObject({ row: 3, col: 4 });
    expect(extractAnswer('cell', 'column 4, row 3')).toMatchObject({ row: 3, col: 4 });
    expect(extractAnswer('cell', 'The odd one is at (2, 5); the grid is 5 by 5.')).toMatchObject({ row: 2, col: 5 });
    expect(extractAnswer('cell', 'It looks odd, 3 or 4 maybe')).toBeUndefined();
  });

  test('times', () => {
    expect(extractAnswer('time', '8:10 PM')).toMatchObject({ hours: 20, minutes: 10 });
    expect(extractAnswer('time', '12:05 AM')).toMatchObject({ hours: 0, minutes: 5 });
    expect(extractAnswer('time', '20h10')).toMatchObject({ hours: 20, minutes: 10 });
    expect(extractAnswer('time', "8 o'clock")).toMatchObject({ hours: 8, minutes: 0 });
    expect(extractAnswer('time', 'twenty to nine')).toMatchObject({ hours: 8, minutes: 40 });
    expect(extractAnswer('time', 'quarter past 8 pm')).toMatchObject({ hours: 20, minutes: 15 });
    expect(extractAnswer('time', 'The clock shows 25:70.')).toBeUndefined();
  });

  test('lists', () => {
    expect(extractAnswer('list', 'The answer is a, b and c.')?.value).toEqual(['a', 'b', 'c']);
    expect(extractAnswer('list', 'The answers are:\n- red\n- green\n\nThat is all.')?.value).toEqual(['red', 'green']);
    expect(extractAnswer(answer.list(['salt and pepper'], { ordered: true }), 'salt and pepper')?.value).toEqual(['salt and pepper']);
    expect(extractAnswer('list', 'salt and pepper')?.value).toEqual(['salt', 'pepper']);
  });

  test.each<[string, string[] | undefined]>([
    ['Lisbon -> Helsinki -> Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon → Helsinki → Turin.', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon⇒Helsinki⇒Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon — Helsinki — Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon – Helsinki – Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon, then Helsinki, then Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon then Helsinki and then Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon\n→ Helsinki\n→ Turin', ['Lisbon', 'Helsinki', 'Turin']],
    ['Lisbon →\nHelsinki →\nTurin', ['Lisbon', 'Helsinki', 'Turin']],
    ['(1) Lisbon\n(2) Helsinki', ['Lisbon', 'Helsinki']],
    ['The route: 15–24 → 25–34', ['15–24', '25–34']],
    ['Athens then Thenford, and Andorra', ['Athens', 'Thenford', 'Andorra']],
    // prose: a quoted or bracketed arrow is a mention; arrows in a line of sentences do not split it
    ['The "->" sign marks one-way roads', ['The "->" sign marks one-way roads']],
    ['Roads marked (→) are one way', ['Roads marked (→) are one way']],
    ['I went east → it was closed. So I stopped', ['I went east → it was closed. So I stopped']],
    ['Lisbon, Helsinki; the → signs are one way', ['Lisbon, Helsinki', 'the → signs are one way']],
  ])('lists %j → %j', (response, items) => {
    expect(extractAnswer('list', response)?.value).toEqual(items);
  });

  test('routes collapse single moves into runs', () => {
    expect(extractAnswer('route', 'right, right, down, right')?.steps).toEqual([
      { direction: 'right', count: 2 },
      { direction: 'down', count: 1 },
      { direction: 'right', count: 1 },
    ]);
  });

  test('route markers: expected names anywhere, or the names after "via"', () => {
    const route = answer.route([{ direction: 'left', count: 4 }], ['L4', 't2']);
    expect(extractAnswer(route, 'left 4, passing L4 and then t2')).toMatchObject({ steps: [{ direction: 'left', count: 4 }], markers: ['L4', 't2'] });
    expect(extractAnswer('route', 'left 4 via L4, t2')).toMatchObject({ steps: [{ direction: 'left', count: 4 }], markers: ['L4', 't2'] });
    // Without the map's marker names, a compact `L4` is a move.
    expect(extractAnswer('route', 'L4')?.steps).toEqual([{ direction: 'left', count: 4 }]);
  });

  test('the last answer marker wins', () => {
    expect(extractAnswer('integer', 'The answer is 5. Wait, recount. The final answer is 6.')?.value).toBe(6);
  });

  test('an uncertain stated answer is not replaced by a scan of the reasoning', () => {
    expect(extractAnswer('integer', 'I see 4 rooms. The answer is unclear.')).toBeUndefined();
  });
});
