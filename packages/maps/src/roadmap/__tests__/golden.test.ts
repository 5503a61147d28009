import { rngFromKey } from '@absynth/core';
import { testGoldenSamples } from '@absynth/testkit';
import { describe, expect, it } from 'vitest';
import { roadmap } from '../scenario.js';
import { markerOnRouteTask } from '../tasks.js';
import { handMade } from './fixtures.js';
import { askRoadmap } from './helpers.js';

describe('the hand-made 9 × 9 map, worked out by hand', () => {
  const q = askRoadmap(handMade);

  it('plans the 12-move route right, down, right, down past A2, 3b and C4', () => {
    expect(q.get('find-route')?.answer).toEqual({
      type: 'route',
      steps: [
        { direction: 'right', count: 4, to: 'A2' },
        { direction: 'down', count: 2, to: '3b' },
        { direction: 'right', count: 4, to: 'C4' },
        { direction: 'down', count: 2 },
      ],
      markers: ['A2', '3b', 'C4'],
    });
    expect(q.get('find-route')?.rationale.slice(0, 3)).toEqual([
      'Counting cells from 1 at the top left, the start point (the green dot) is at row 5, column 1 and the end point (the red dot) is at row 9, column 9.',
      'A breadth-first search through the free area from the start point reaches the end point after 12 moves, so every shortest route takes 12 moves.',
      'Tracking for every cell the fewest turns of the shortest routes that arrive there, in each direction they can arrive from, the end point is reached with 3 turns at the fewest, and every shortest route makes exactly that many.',
    ]);
  });

  it('finds C4 closest to the end: 2 moves, against 6 for 3b and E6', () => {
    expect(q.get('closest-marker')?.answer).toEqual({ type: 'text', value: 'C4' });
    expect(q.get('closest-marker')?.rationale[1]).toBe(
      'The markers nearest the end point: C4 (row 7, column 9) 2 moves; E6 (row 3, column 9) 6 moves; 3b (row 7, column 5) 6 moves; A2 (row 5, column 5) 8 moves; 5d (row 3, column 5) 10 moves; G8 (row 1, column 5) 12 moves.',
    );
  });

  it('counts 3 turns on the one shortest route, and 7 markers', () => {
    expect(q.get('route-turns')?.answer).toEqual({ type: 'integer', value: 3 });
    expect(q.get('route-turns')?.question[0]).toContain('How many turns does the shortest route');
    expect(q.get('route-turns')?.rationale.slice(-2)).toEqual([
      'One such route: right 4, then turn 1 at A2; down 2, then turn 2 at 3b; right 4, then turn 3 at C4; down 2 to the end point.',
      'That makes 3 turns.',
    ]);
    expect(q.get('marker-count')?.answer).toEqual({ type: 'integer', value: 7 });
    expect(q.get('marker-count')?.rationale).toEqual([
      'Going through the map row by row, from the top:',
      'Row 1: 7f (column 1), G8 (column 5).',
      'Row 3: 5d (column 5), E6 (column 9).',
      'Row 5: A2 (column 5).',
      'Row 7: 3b (column 5), C4 (column 9).',
      'In all, 2 + 2 + 1 + 2 = 7.',
    ]);
  });

  it('puts A2 on a shortest route (4 + 8 = 12) and 5d off it (6 + 10 = 16)', () => {
    const asked = new Map<string, { answer: unknown; last: string }>();
    for (let i = 0; i < 60 && asked.size < handMade.markers.length; i++) {
      const question = markerOnRouteTask.ask(handMade, rngFromKey(`on-route\u0000${i}`));
      const label = question?.regions?.find((id) => id.startsWith('marker-'))?.slice('marker-'.length) ?? '';
      asked.set(label, { answer: question?.answer, last: question?.rationale.at(-1) ?? '' });
    }
    expect(asked.get('A2')).toEqual({
      answer: { type: 'boolean', value: true },
      last: 'A2 is at row 5, column 5: 4 moves from the start point and 8 moves to the end point; 4 + 8 = 12, exactly 12, so a shortest route passes A2.',
    });
    expect(asked.get('5d')).toEqual({
      answer: { type: 'boolean', value: false },
      last: '5d is at row 3, column 5: 6 moves from the start point and 10 moves to the end point; 6 + 10 = 16, more than 12, so no shortest route passes 5d.',
    });
  });
});

testGoldenSamples(roadmap, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 5, theme: 'dark', style: 'crisp' },
  { level: 5, seed: 2, index: 1, theme: 'paper', style: 'crisp' },
  { level: 2, seed: 3, index: 0, theme: 'pastel', style: 'sketch' },
]);
