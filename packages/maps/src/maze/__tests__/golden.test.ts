import type { RouteAnswer } from '@absynth/core';
import { rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { pickDeadEndWindow } from '../sample.js';
import { scoreRoute } from '../score.js';
import type { MazeScene } from '../scene.js';
import { answerOf, askAll, rationaleOf } from './helpers.js';
import { buildGraph, referenceDeadEnds, unitKey } from './reference.js';

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
    deadEndWindow: null,
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
    // Two dead ends, at most twelve: the whole maze is counted, row by row. G has one way out too.
    expect(rationaleOf(q, 'dead-ends').slice(1)).toEqual([
      'Going through the maze row by row, counting cells from the top left:',
      'Row 2: a dead end at column 2.',
      'Row 3: a dead end at column 2.',
      'G (row 3, column 3) also has one way out, but start and goal are not counted.',
      'In all, 1 + 1 = 2.',
    ]);
    expect(q.get('dead-ends')?.regions).toEqual(['maze', 'dead-end-2-2', 'dead-end-3-2']);
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

// A 3×8 comb worked out by hand, with too many dead ends to count whole. Cells are (row, column)
// from 1. Row 2 is a spine open from column 1 to 8; every cell of rows 1 and 3 is a tooth joined
// to the spine cell below or above it, except (1, 4), which is joined to (1, 5) on its right.
//   #################
//   #.#.#.#...#.#.#.#    row 1: teeth; (1,4)–(1,5) open
//   #.#.#.###.#.#.#.#    every tooth of row 1 opens down, except (1, 4)
//   #...............#    row 2: the spine
//   #.#.#.#.#.#.#.#.#    every tooth of row 3 opens up
//   #.#.#.#.#.#.#.#.#    row 3: teeth
//   #################
// S is the tooth (1, 2); G is the tooth (3, 7). Dead ends (one way out, not S or G): row 1 at
// columns 1, 3, 4, 6, 7, 8 (six; (1, 5) has two ways out) and row 3 at every column but 7
// (seven): 13, more than 12, so the question counts in a dashed box instead.
// The box covers rows 1–3 and columns 1–4. Inside it: (1, 1), (1, 3), (1, 4) and (3, 1)–(3, 4):
// 7. (1, 4) counts although its one way out, to (1, 5), leads outside the box; S, inside the box
// with one way out, does not count.
const combGrid = [
  '#################',
  '#.#.#.#...#.#.#.#',
  '#.#.#.###.#.#.#.#',
  '#...............#',
  '#.#.#.#.#.#.#.#.#',
  '#.#.#.#.#.#.#.#.#',
  '#################',
];

const phrasings = (question: string | readonly string[] | undefined): readonly string[] =>
  typeof question === 'string' ? [question] : (question ?? []);

function combScene(style: 'walls' | 'blocks'): MazeScene {
  return {
    rows: 3,
    cols: 8,
    algorithm: 'kruskal',
    grid: combGrid,
    start: { row: 1, col: 3 },
    goal: { row: 5, col: 13 },
    style,
    labels: 'letters',
    gridLines: true,
    colours: { start: 0, goal: 1 },
    candidates: [],
    // Cells (1, 1) to (3, 4); in blocks style with the ring of wall squares around them.
    deadEndWindow: style === 'walls' ? { top: 1, left: 1, bottom: 5, right: 7 } : { top: 0, left: 0, bottom: 6, right: 8 },
  };
}

describe('a hand-worked comb with a dashed box', () => {
  it('the sampler would box it: the whole comb has 13 dead ends', () => {
    const s = combScene('walls');
    const graph = buildGraph(s);
    expect(referenceDeadEnds(graph, [unitKey(s, s.start), unitKey(s, s.goal)])).toHaveLength(13);
    expect(pickDeadEndWindow(combGrid, 'walls', s.start, s.goal, rngFromKey('comb'))).not.toBeNull();
  });

  it('in walls style: counts the 7 dead ends inside the box', () => {
    const q = askAll(combScene('walls'));
    expect(answerOf(q, 'dead-ends', 'integer').value).toBe(7);
    const asked = q.get('dead-ends');
    expect(phrasings(asked?.question)).toContain(
      'How many dead ends are inside the dashed box? A dead end is a cell, other than the start S and the goal G, with walls on three sides (exactly one way out). The thick dashed box only marks an area; it is not a wall. A cell counts when it lies inside the box, even if its one way out leads outside the box.',
    );
    expect(rationaleOf(q, 'dead-ends').slice(1)).toEqual([
      'Counting cells from the top left of the maze, the dashed box covers rows 1–3 and columns 1–4.',
      'Going through the box row by row (a cell on its edge counts even when its way out leads outside):',
      'Row 1: dead ends at columns 1, 3 and 4.',
      'Row 3: dead ends at columns 1, 2, 3 and 4.',
      'S (row 1, column 2) also has one way out, but start and goal are not counted.',
      'In all, 3 + 4 = 7.',
    ]);
    expect(asked?.regions).toEqual([
      'dead-end-window',
      'dead-end-1-1',
      'dead-end-1-3',
      'dead-end-1-4',
      'dead-end-3-1',
      'dead-end-3-2',
      'dead-end-3-3',
      'dead-end-3-4',
    ]);
    // The other questions say the box is not a wall; the route runs along the spine.
    expect(answerOf(q, 'shortest-route', 'route').steps).toEqual([
      { direction: 'down', count: 1 },
      { direction: 'right', count: 5 },
      { direction: 'down', count: 1 },
    ]);
    expect(phrasings(q.get('route-length')?.question)[0]).toContain(
      'One move goes from a cell to the next cell up, down, left or right, with no wall in between. The thick dashed box only marks an area; it is not a wall.',
    );
  });

  it('in blocks style: the same 7 dead ends, named by square', () => {
    const q = askAll(combScene('blocks'));
    expect(answerOf(q, 'dead-ends', 'integer').value).toBe(7);
    expect(rationaleOf(q, 'dead-ends').slice(1)).toEqual([
      'Counting squares from the top left of the maze, the dashed box covers rows 1–7 and columns 1–9.',
      'Going through the box row by row (a square on its edge counts even when its way out leads outside):',
      'Row 2: dead ends at columns 2, 6 and 8.',
      'Row 6: dead ends at columns 2, 4, 6 and 8.',
      'S (row 2, column 4) also has one way out, but start and goal are not counted.',
      'In all, 3 + 4 = 7.',
    ]);
  });
});
