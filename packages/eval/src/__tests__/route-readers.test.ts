import {
  answer,
  extractAnswer,
  landmarkCoverage,
  mentionedMarkers,
  mentionedSteps,
  type RouteMention,
  type RouteStep,
  readRoute,
  scoreAnswer,
  scoreResponse,
} from '@absynth/core';
import { type MazeScene, maze, type RoadmapScene, roadmap, scoreRoadmapRoute } from '@absynth/maps';
import { describe, expect, it } from 'vitest';
import { namedMarkers, scoreMmsiRow } from '../mmsi.js';

// One route reader (core's `readRoute`) serves every route scorer: core's literal route scorer,
// the maze's and the road map's (which trace routes on their maps) and the benchmark re-scoring
// of eval. The same tricky replies go to all of them, and each must read the same moves and
// markers: what the table says, and what its plain restatement reads as.

// The road map of the maps tests. S is (4, 0), E is (8, 8); the route is right 4 to A2, down 2 to
// 3b, right 4 to C4, down 2 to E.
//       0 1 2 3 4 5 6 7 8
//   0   7f. . . G8# # # #
//   1   . # # # . # # # #
//   2   . # # # 5d. . . E6
//   3   . # # # . # # # .
//   4   S . . . A2# # # .
//   5   # # # # . # # # .
//   6   # # # # 3b. . . C4
//   7   # # # # # # # # .
//   8   # # # # # # # # E
const map: RoadmapScene = {
  size: 9,
  grid: ['.....####', '.###.####', '.###.....', '.###.###.', '.....###.', '####.###.', '####.....', '########.', '########.'],
  start: { row: 4, col: 0 },
  end: { row: 8, col: 8 },
  markers: [
    { label: '7f', row: 0, col: 0 },
    { label: 'G8', row: 0, col: 4 },
    { label: '5d', row: 2, col: 4 },
    { label: 'E6', row: 2, col: 8 },
    { label: 'A2', row: 4, col: 4 },
    { label: '3b', row: 6, col: 4 },
    { label: 'C4', row: 6, col: 8 },
  ],
  route: [
    [4, 0], [4, 1], [4, 2], [4, 3], [4, 4], [5, 4], [6, 4], [6, 5], [6, 6], [6, 7], [6, 8], [7, 8], [8, 8],
  ].map(([row, col]) => ({ row: row as number, col: col as number })),
  colours: {
    obstacle: { name: 'dark gray', hex: '#4d4d4d' },
    free: { name: 'white', hex: '#ffffff' },
    start: { name: 'green', hex: '#2ea84a' },
    end: { name: 'red', hex: '#e3262e' },
  },
  gridLines: true,
};
const labels = map.markers.map((m) => m.label);
const reference = ['A2', '3b', 'C4'];
const mapRoute = answer.route(
  [
    { direction: 'right', count: 4, to: 'A2' },
    { direction: 'down', count: 2, to: '3b' },
    { direction: 'right', count: 4, to: 'C4' },
    { direction: 'down', count: 2 },
  ],
  reference,
);

const route = 'right 4, down 2, right 4, down 2';
const traced = 'right 4, A2, down 2, 3b, right 4, C4, down 2';

/**
 * [reply, what it says, why, and what the maze reads when that differs]. What it says is its
 * mentions in order, `, `-separated (`right 4` a move, `A2` a marker), with ` | ` where a "via"
 * after the moves starts the markers they pass; empty when it says nothing. The maze knows no
 * marker names, so a direction heading for "A2" is one move there.
 */
const replies: [string, string, string, string?][] = [
  ['→→→→↓↓→→→→↓↓', route, 'arrows in a run, one move each'],
  ['➡➡➡➡ ⬇⬇ ➡➡➡➡ ⬇⬇', route, 'heavy arrows (the road map used to read none)'],
  ['→4 ↓2 →4 ↓2', route, 'an arrow before a count'],
  ['➡ 4, ⬇ 2, ➡ 4, ⬇ 2', route, 'a heavy arrow before a count (the road map used to read none)'],
  ['right 4 -> down 2 -> right 4 -> down 2', route, '"->" only separates'],
  ['start → A2 → 3b → C4 → end', 'A2, 3b, C4', 'lone arrows only separate'],
  ['R4 D2 R4 D2', route, 'compact moves, not markers (the re-scoring used to count R4 and D2 as wrong markers)'],
  ['East 4, south 2, east 4, south 2.', route, 'compass words'],
  ['**Answer:** right four, down two, right four, down two', route, 'markdown and spelled counts'],
  ['Go 4 cells to the right, then 2 squares down, move right by 4 more steps and finally head down 2 blocks.', route, 'filler words'],
  ['1) Go right 4 2) Go down 2 3) Go right 4 4) Go down 2', route, '"2)" before a capital is numbering, not a count'],
  ['Step 1: right 4. Step 2: down 2. Step 3: right 4. Step 4: down 2.', route, '"Step 2" is numbering; "4." before it is a count (the road map used to read only "down 2")'],
  ['Move right 4. Then down 2. Then right 4. Then down 2.', route, '"4." before "Then" is a count (the road map took it for numbering and read only "down 2")'],
  [
    '1. Move right 4 cells until you reach A2.\n2. Move down 2 cells until you reach 3b.\n3. Move right 4 cells until you reach C4.\n4. Move down 2 cells to reach the end point.',
    traced,
    'the paper’s numbered steps',
  ],
  [
    '1. Move right until you reach A2. 2. Move down until you reach 3b. 3. Move right until you reach C4. 4. Move down to the end.',
    'A2, 3b, C4',
    'a direction heading for a marker or the end adds no move (core and the maze used to read one move each)',
    'right 1, down 1, right 1',
  ],
  ['Go right 4 to A2, then down 2 to 3b, right 4 to C4, and down 2 to the end.', traced, 'moves and markers interleaved'],
  ['right 4 (A2), down 2 (3b), right 4 (C4), down 2', traced, 'markers in brackets'],
  ['The answer is right 4, down 2, right 4, down 2 via A2, 3b, C4.', `${route} | A2, 3b, C4`, 'the canonical text, stated'],
  ['Down 3 is blocked, so the answers are: right 4, down 2, right 4, down 2.', route, '"the answers are" (the road map used to read "down 3" too)'],
  ['I first thought of up 2, but the answer will be R4 D2 R4 D2.', route, '"will be" (the road map used to read "up 2" too)'],
  ['The final answer is $\\boxed{\\text{right 4, down 2, right 4, down 2}}$', route, 'LaTeX'],
  ['answer: go right 4 cells, down 2 cells, right 4 cells, down 2 cells', route, 'a lowercase "answer:"'],
  ['Go via A2, 3b and C4 to the end.', 'A2, 3b, C4', '"via" before any move lists places to go'],
  ['Pass A2’s corner, then 3b, then C4.', 'A2, 3b, C4', 'a possessive marker (core used to miss A2)'],
  ['First I tried right 5, down 1.\n\nThe route: right 4, down 2, right 4, down 2.', route, 'without a marker, the last paragraph (the road map used to read all)'],
  [
    '1. Move right 4 cells to A2.\n\n2. Move down 2 cells to 3b.\n\n3. Move right 4 cells to C4.\n\n4. Move down 2 cells to the end.',
    traced,
    'numbered steps a paragraph each are one answer (core and the maze used to read the last only)',
  ],
  ['The answer is:\n\n1. right 4\n\n2. down 2\n\n3. right 4\n\n4. down 2', route, 'the stated steps below the marker, a paragraph each (core and the maze used to read "right 4" only)'],
  ['Go right 4, then down 2.\n\nThen right 4.\n\nFinally down 2.', route, 'paragraphs that continue the route (core read "down 2", the road map "right 4, down 2")'],
  ['I tried right 4 first.\nThe answer is: I cannot tell which way.', '', 'a stated refusal says nothing; the reasoning is not scanned (the road map read "right 4")'],
  ['I cannot find a path.', '', 'no route'],
];

/** The mentions a table entry describes. */
function mentionsOf(says: string): { mentions: RouteMention[]; viaAt: number | undefined } {
  const [moves = '', passed] = says.split(' | ');
  const parse = (part: string): RouteMention[] =>
    part === ''
      ? []
      : part.split(', ').map((item) => {
          const [direction, count] = item.split(' ');
          return count === undefined ? { kind: 'marker', name: item } : { kind: 'move', direction: direction as RouteStep['direction'], count: Number(count) };
        });
  const before = parse(moves);
  return passed === undefined ? { mentions: before, viaAt: undefined } : { mentions: [...before, ...parse(passed)], viaAt: before.length };
}

/** The plain text of what a reply says, which must read back the same. */
function restated(says: string): string {
  return says.replace(' | ', ' via ');
}

/** An open field of squares in `blocks` style (one move is one square), with the goal where `steps` end. */
function openMaze(steps: readonly RouteStep[]): MazeScene {
  const size = 13;
  const grid = Array.from({ length: size }, (_, row) => (row === 0 || row === size - 1 ? '#'.repeat(size) : `#${'.'.repeat(size - 2)}#`));
  const goal = { row: 1, col: 1 };
  for (const { direction, count } of steps) {
    if (direction === 'up') goal.row -= count;
    if (direction === 'down') goal.row += count;
    if (direction === 'left') goal.col -= count;
    if (direction === 'right') goal.col += count;
  }
  return {
    rows: 6, cols: 6, algorithm: 'backtracker', grid, start: { row: 1, col: 1 }, goal, style: 'blocks', labels: 'letters',
    gridLines: false, colours: { start: 0, goal: 1 }, candidates: [], deadEndWindow: null,
  };
}

describe('one route reader behind every route scorer', () => {
  it(`has a table of at least 25 tricky replies (${replies.length})`, () => {
    expect(replies.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(replies)('%j', (reply, says, _why, mazeSays = says) => {
    const { mentions, viaAt } = mentionsOf(says);
    const steps = mentionedSteps({ mentions });
    const markers = mentionedMarkers({ mentions });

    it('reads as the table says, and its restatement reads the same', () => {
      const reading = readRoute(reply, { names: labels });
      expect(reading === undefined ? undefined : { mentions: reading.mentions, viaAt: reading.viaAt }).toEqual(
        mentions.length === 0 ? undefined : { mentions, viaAt },
      );
      if (mentions.length > 0) expect(readRoute(restated(says), { names: labels })).toMatchObject({ mentions, viaAt });
    });

    it('core’s route answers read the same moves and markers, and its literal scorer accepts them', () => {
      const read = extractAnswer(answer.route([{ direction: 'right', count: 4 }], reference), reply);
      expect(read === undefined ? undefined : { steps: read.steps, markers: read.markers }).toEqual(mentions.length === 0 ? undefined : { steps, markers });
      if (mentions.length === 0) return;
      const said = answer.route(steps.length > 0 ? steps : [{ direction: 'up', count: 1 }], markers.length > 0 ? markers : undefined);
      expect(scoreAnswer(said, reply)).toBe(1);
    });

    it('the road map traces the same reading', () => {
      expect(scoreRoadmapRoute(mapRoute, reply, map)).toBe(mentions.length === 0 ? 0 : 1);
      if (mentions.length > 0) expect(scoreResponse(roadmap, map, mapRoute, reply)).toBe(scoreResponse(roadmap, map, mapRoute, restated(says)));
    });

    it('the maze walks the same moves', () => {
      const mazeSteps = mentionedSteps(mentionsOf(mazeSays));
      const mazeRoute = answer.route([{ direction: 'right', count: 1 }]);
      expect(extractAnswer(mazeRoute, reply)?.steps ?? []).toEqual(mazeSteps);
      // An open field with the goal where those moves end: they are a shortest route there.
      expect(scoreResponse(maze, openMaze(mazeSteps), mazeRoute, reply)).toBe(mazeSteps.length === 0 ? 0 : 1);
    });

    it('the benchmark re-scoring names the same markers', () => {
      expect(namedMarkers(reply, reference)).toEqual(markers);
      const row = { answer: route, type: 'REASONING', markers: reference };
      expect(scoreMmsiRow(row, reply, 'roadmap').score).toBe(landmarkCoverage(markers, reference));
    });
  });
});
