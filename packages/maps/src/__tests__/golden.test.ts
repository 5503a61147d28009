import type { RouteAnswer } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { scoreRoute } from '../maze/score.js';
import type { MazeScene } from '../maze/scene.js';
import { answerOf, askAll, rationaleOf } from './helpers.js';

// A 3×3 maze worked out by hand. Cells are (row, column) from 1; S is cell (1, 1), G is (3, 3).
//   #######
//   #S....#    (1,1)–(1,2)–(1,3) open in a row
//   #.###.#    (1,1)–(2,1) and (1,3)–(2,3) open
//   #.#...#    (2,2)–(2,3) open; a wall between (2,1) and (2,2)
//   #.###.#    (2,1)–(3,1) and (2,3)–(3,3) open
//   #...#G#    (3,1)–(3,2) open; a wall between (3,2) and G
//   #######
// Nine cells, eight passages: a perfect maze. The only route is right 2, down 2 (4 moves).
// Dead ends (one way out, not S or G): cell (2, 2) and cell (3, 2): 2.
const perfectGrid = ['#######', '#.....#', '#.###.#', '#.#...#', '#.###.#', '#...#.#', '#######'];

function scene(grid: string[], style: 'walls' | 'blocks'): MazeScene {
  return {
    rows: 3,
    cols: 3,
    algorithm: 'backtracker',
    grid,
    start: { row: 1, col: 1 },
    goal: { row: 5, col: 5 },
    style,
    labels: 'letters',
    gridLines: true,
    colours: { start: 0, goal: 1 },
    candidates: [
      { label: 'A', row: 1, col: 5 }, // cell (1, 3): on the only route
      { label: 'B', row: 3, col: 3 }, // cell (2, 2): 4 moves from S + 2 to G = 6
      { label: 'C', row: 5, col: 3 }, // cell (3, 2): 3 + 5 = 8
      { label: 'D', row: 3, col: 1 }, // cell (2, 1): 1 + 5 = 6
    ],
  };
}

describe('a hand-worked perfect 3×3 maze', () => {
  it('in walls style: one move is one cell', () => {
    const q = askAll(scene(perfectGrid, 'walls'));
    expect(answerOf(q, 'shortest-route', 'route').steps).toEqual([
      { direction: 'right', count: 2 },
      { direction: 'down', count: 2 },
    ]);
    expect(answerOf(q, 'route-length', 'integer').value).toBe(4);
    expect(answerOf(q, 'goal-reachable', 'boolean').value).toBe(true);
    expect(answerOf(q, 'dead-ends', 'integer').value).toBe(2);
    expect(answerOf(q, 'cell-on-route', 'choice').value).toBe('A');
    expect(rationaleOf(q, 'cell-on-route')).toContain(
      'B (row 2, column 2): the best route through it takes 4 + 2 = 6 moves, more than 4, so no shortest route passes B.',
    );
    expect(rationaleOf(q, 'dead-ends').at(-1)).toBe('In all, 1 + 0 + 1 + 0 = 2.');
  });

  it('in blocks style: one move is one square, so every count doubles but the dead ends stay', () => {
    const q = askAll(scene(perfectGrid, 'blocks'));
    expect(answerOf(q, 'shortest-route', 'route').steps).toEqual([
      { direction: 'right', count: 4 },
      { direction: 'down', count: 4 },
    ]);
    expect(answerOf(q, 'route-length', 'integer').value).toBe(8);
    expect(answerOf(q, 'dead-ends', 'integer').value).toBe(2);
    expect(answerOf(q, 'cell-on-route', 'choice').value).toBe('A');
    expect(rationaleOf(q, 'shortest-route')[0]).toBe(
      'Counting squares from the top left, S is at row 2, column 2 and G is at row 6, column 6.',
    );
  });

  it('scores routes by walking them', () => {
    const s = scene(perfectGrid, 'walls');
    const expected: RouteAnswer = { type: 'route', steps: [{ direction: 'right', count: 2 }, { direction: 'down', count: 2 }] };
    expect(scoreRoute(expected, 'right 2, down 2', s)).toBe(1);
    expect(scoreRoute(expected, 'The answer is right, right, down, down.', s)).toBe(1);
    // Through the wall under S's right-hand neighbour: stopped after 1 of 4 moves.
    expect(scoreRoute(expected, 'right 1, down 2, right 1', s)).toBe(0.25 * (1 / 4));
    // Legal but 2 moves longer (right 1, left 1, then the route): 6 moves instead of 4.
    expect(scoreRoute(expected, 'right 1, left 1, right 2, down 2', s)).toBe(0.5 * (4 / 6));
    expect(scoreRoute(expected, 'I cannot tell', s)).toBe(0);
  });
});

// The same maze with the wall between (2, 1) and (2, 2) opened: a loop, and a second route
// down 1, right 2, down 1 of the same 4 moves. A is no longer on every shortest route, so the
// which-cell question is not asked; (2, 2) stops being a dead end.
const braidedGrid = ['#######', '#.....#', '#.###.#', '#.....#', '#.###.#', '#...#.#', '#######'];

describe('the braided variant', () => {
  it('accepts either shortest route and counts one dead end', () => {
    const s = scene(braidedGrid, 'walls');
    const q = askAll(s);
    expect(answerOf(q, 'route-length', 'integer').value).toBe(4);
    expect(answerOf(q, 'dead-ends', 'integer').value).toBe(1);
    expect(q.has('cell-on-route')).toBe(false);
    expect(rationaleOf(q, 'shortest-route').at(-1)).toBe(
      'The maze has loops: 2 different routes take 4 moves, and any of them is a shortest route.',
    );
    const route = answerOf(q, 'shortest-route', 'route');
    expect(scoreRoute(route, 'right 2, down 2', s)).toBe(1);
    expect(scoreRoute(route, 'down 1, right 2, down 1', s)).toBe(1);
  });
});

// With the passage above G closed, G is walled in: no route, so only reachability is asked.
const sealedGrid = ['#######', '#.....#', '#.###.#', '#.#...#', '#.#####', '#...#.#', '#######'];

describe('the sealed variant', () => {
  it('answers no and skips the route questions', () => {
    const q = askAll(scene(sealedGrid, 'walls'));
    expect(answerOf(q, 'goal-reachable', 'boolean').value).toBe(false);
    expect(rationaleOf(q, 'goal-reachable')[1]).toBe(
      'Flooding out from S through open cells reaches 8 cells (S included), and G is not among them.',
    );
    for (const id of ['shortest-route', 'route-length', 'cell-on-route']) expect(q.has(id)).toBe(false);
    // G (now with no way out) is excluded; (2, 3) still has two ways out, so the dead ends stay (2, 2) and (3, 2).
    expect(answerOf(q, 'dead-ends', 'integer').value).toBe(2);
  });
});
