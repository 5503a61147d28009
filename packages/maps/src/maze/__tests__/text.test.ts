import { describe, expect, it } from 'vitest';
import { maze } from '../scenario.js';
import type { MazeScene } from '../scene.js';
import { sampleAt } from './helpers.js';

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
