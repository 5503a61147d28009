import { describe, expect, it } from 'vitest';
import { maze } from '../maze/scenario.js';
import type { MazeScene } from '../maze/scene.js';
import { roadmap } from '../roadmap/scenario.js';
import type { RoadmapScene } from '../roadmap/scene.js';
import { sampleAt } from './helpers.js';
import { roadmapAt } from './roadmap-helpers.js';

const tinyMap: RoadmapScene = {
  size: 4,
  grid: ['....', '.##.', '.#..', '.#.#'],
  start: { row: 3, col: 0 },
  end: { row: 3, col: 2 },
  markers: [
    { label: 't2', row: 0, col: 0 },
    { label: '5K', row: 0, col: 3 },
  ],
  route: [],
  colours: {
    obstacle: { name: 'olive green', hex: '#6b7b2b' },
    free: { name: 'light blue', hex: '#a9d4f5' },
    start: { name: 'red', hex: '#e3262e' },
    end: { name: 'blue', hex: '#2167d8' },
  },
  gridLines: true,
};

describe('road maps as text', () => {
  it('write the grid two characters a cell, with markers and dots, and a one-line legend naming the colours', () => {
    expect(roadmap.text?.(tinyMap)).toBe(
      [
        't2 .. .. 5K',
        '.. ## ## ..',
        '.. ## .. ..',
        'SS ## EE ##',
        'Legend: a 4 * 4 road map, rows top to bottom, each cell two characters, cells separated by spaces: ## obstacle area (olive green), .. free area (light blue), SS start point (the red dot), EE end point (the blue dot), and any other pair, a letter and a digit, is a marker on a free cell.',
      ].join('\n'),
    );
  });

  it.each([1, 3, 5] as const)('read back to the same map at level %i', (level) => {
    for (let index = 0; index < 20; index++) {
      const scene = roadmapAt(level, index);
      const lines = (roadmap.text?.(scene) ?? '').split('\n');
      expect(lines).toHaveLength(scene.size + 1);
      expect(lines.at(-1)).toContain(`## obstacle area (${scene.colours.obstacle.name})`);
      const cells = lines.slice(0, -1).map((line) => line.split(' '));
      const markers = [];
      for (const [row, line] of cells.entries()) {
        expect(line).toHaveLength(scene.size);
        expect(line.map((cell) => (cell === '##' ? '#' : '.')).join('')).toBe(scene.grid[row]);
        for (const [col, cell] of line.entries()) {
          if (cell === 'SS') expect({ row, col }).toEqual(scene.start);
          else if (cell === 'EE') expect({ row, col }).toEqual(scene.end);
          else if (cell !== '##' && cell !== '..') markers.push({ label: cell, row, col });
        }
      }
      expect(markers).toEqual(scene.markers);
    }
  });
});

// The hand-worked 3×3 maze of golden.test.ts, with its four labelled cells.
const mazeScene = (style: 'walls' | 'blocks', window: MazeScene['deadEndWindow'] = null): MazeScene => ({
  rows: 3,
  cols: 3,
  algorithm: 'backtracker',
  grid: ['#######', '#.....#', '#.###.#', '#.#...#', '#.###.#', '#...#.#', '#######'],
  start: { row: 1, col: 1 },
  goal: { row: 5, col: 5 },
  style,
  labels: 'letters',
  gridLines: true,
  colours: { start: 0, goal: 1 },
  candidates: [
    { label: 'A', row: 1, col: 5 },
    { label: 'B', row: 3, col: 3 },
    { label: 'C', row: 5, col: 3 },
    { label: 'D', row: 3, col: 1 },
  ],
  deadEndWindow: window,
});

describe('mazes as text', () => {
  it('write the block grid with the marks and a legend for the drawing style', () => {
    const grid = ['#######', '#S...A#', '#.###.#', '#D#B..#', '#.###.#', '#..C#G#', '#######'];
    expect(maze.text?.(mazeScene('walls'))).toBe(
      `${grid.join('\n')}\nLegend: # wall, . open, S the start (the circle), G the goal (the square), A to D the labelled cells; the cells are the characters in odd rows and odd columns counting from 0, and a move goes to the next cell up, down, left or right, two characters away, when the character between them is . (open).`,
    );
    expect(maze.text?.(mazeScene('blocks')).split('\n').at(-1)).toBe(
      'Legend: # wall square, . open square, S the start (the circle), G the goal (the square), A to D the labelled cells; a move goes to the next open square up, down, left or right.',
    );
  });

  it('say where the dashed box is, in the units the questions count', () => {
    const window = { top: 1, left: 1, bottom: 3, right: 5 };
    expect(maze.text?.(mazeScene('walls', window))).toContain('the dashed box covers cell rows 1 to 2 and cell columns 1 to 3, counting cells from 1 at the top left.');
    expect(maze.text?.(mazeScene('blocks', window))).toContain('the dashed box covers square rows 2 to 4 and square columns 2 to 6');
  });

  it('read back to the same grid', () => {
    for (let index = 0; index < 20; index++) {
      for (const style of ['walls', 'blocks'] as const) {
        const scene = sampleAt(3, index, { style });
        const lines = (maze.text?.(scene) ?? '').split('\n').slice(0, -1);
        expect(lines.map((line) => line.replace(/[SGABCD]/g, '.'))).toEqual(scene.grid);
        expect(lines[scene.start.row]?.[scene.start.col]).toBe('S');
        expect(lines[scene.goal.row]?.[scene.goal.col]).toBe('G');
        for (const c of scene.candidates) expect(lines[c.row]?.[c.col]).toBe(c.label);
      }
    }
  });
});
