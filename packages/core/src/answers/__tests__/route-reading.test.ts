import { describe, expect, test } from 'vitest';
import { mentionedMarkers, mentionedSteps, readRoute } from '../index.js';

// The one route reader; every route scorer's table is in packages/eval/src/__tests__/route-readers.test.ts.
describe('readRoute', () => {
  test('known names: exact spelling first, else ignoring case when that is unambiguous', () => {
    const markers = (reply: string, names: string[]) => mentionedMarkers(readRoute(reply, { names }) ?? { mentions: [] });
    expect(markers('a2, 3B, c4', ['A2', '3b', 'C4'])).toEqual(['A2', '3b', 'C4']);
    expect(markers('t2 then T2', ['t2', 'T2'])).toEqual(['t2', 'T2']);
    expect(markers('Ab7', ['ab7', 'AB7'])).toEqual([]);
    expect(markers('A2, A2, 3b, A2', ['A2', '3b'])).toEqual(['A2', '3b', 'A2']);
  });

  test('a name wins over a compact move, a compact move over the pattern', () => {
    const pattern = /[A-Za-z][0-9]|[0-9][A-Za-z]/;
    expect(readRoute('L4 R3 Q9', { names: ['L4'], pattern })?.mentions).toEqual([
      { kind: 'marker', name: 'L4' },
      { kind: 'move', direction: 'right', count: 3 },
      { kind: 'marker', name: 'Q9' },
    ]);
    expect(mentionedSteps(readRoute('L4 R3') ?? { mentions: [] })).toEqual([
      { direction: 'left', count: 4 },
      { direction: 'right', count: 3 },
    ]);
  });

  test('without names or a pattern, the single words after "via" are the names', () => {
    expect(readRoute('left 4 via L4, t2 and then the end')).toEqual({
      mentions: [
        { kind: 'move', direction: 'left', count: 4 },
        { kind: 'marker', name: 'L4' },
        { kind: 'marker', name: 't2' },
      ],
      viaAt: 1,
      marked: false,
    });
  });

  test('"via" after a move starts the markers passed; before any move it lists places', () => {
    expect(readRoute('The answer is up 3, right 4 via t2, 5K.', { names: ['t2', '5K'] })).toMatchObject({ viaAt: 2, marked: true });
    expect(readRoute('Go via t2 then 5K', { names: ['t2', '5K'] })?.viaAt).toBeUndefined();
  });

  test('a direction heading for a marker or the end adds no move; a bare one is one move', () => {
    expect(readRoute('up until you reach t2, then left all the way to the end', { names: ['t2'] })?.mentions).toEqual([{ kind: 'marker', name: 't2' }]);
    expect(readRoute('up, up, left', { names: ['t2'] })?.mentions).toEqual([
      { kind: 'move', direction: 'up', count: 2 },
      { kind: 'move', direction: 'left', count: 1 },
    ]);
    expect(readRoute('turn at the left-hand fork')).toBeUndefined();
  });

  test('nothing said, or a stated refusal, is no reading', () => {
    expect(readRoute('I cannot find a path.')).toBeUndefined();
    expect(readRoute('right 3 looked fine.\nThe answer is: not sure.')).toBeUndefined();
  });
});
