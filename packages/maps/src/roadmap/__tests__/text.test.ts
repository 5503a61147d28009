import { describe, expect, it } from 'vitest';
import { roadmap } from '../scenario.js';
import type { RoadmapScene } from '../scene.js';
import { roadmapAt } from './helpers.js';

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
