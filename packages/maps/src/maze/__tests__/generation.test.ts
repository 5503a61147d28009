import type { Level } from '@absynth/core';
import { resolveParams } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import type { MazeParams } from '../params.js';
import { mazeSize } from '../params.js';
import { maze } from '../scenario.js';
import type { MazeScene } from '../scene.js';
import { sampleAt } from './helpers.js';
import { buildGraph, dijkstra, unitKey } from './reference.js';

/** Cells and passages counted in cell units, straight from the block grid. */
function cellGraphCounts(scene: MazeScene): { cells: number; passages: number } {
  const graph = buildGraph({ ...scene, style: 'walls' });
  let ends = 0;
  for (const next of graph.values()) ends += next.length;
  return { cells: graph.size, passages: ends / 2 };
}

const levels = [1, 2, 3, 4, 5] as const;

describe('the block grid', () => {
  it.each(levels)('is well formed at level %i', (level) => {
    for (let index = 0; index < 30; index++) {
      const scene = sampleAt(level, index);
      const height = 2 * scene.rows + 1;
      const width = 2 * scene.cols + 1;
      expect(scene.grid).toHaveLength(height);
      for (const [r, line] of scene.grid.entries()) {
        expect(line).toHaveLength(width);
        expect(line).toMatch(/^[#.]+$/);
        // Border and posts are blocked, cells are open.
        for (let c = 0; c < width; c++) {
          if (r === 0 || r === height - 1 || c === 0 || c === width - 1 || (r % 2 === 0 && c % 2 === 0)) expect(line[c]).toBe('#');
          if (r % 2 === 1 && c % 2 === 1) expect(line[c]).toBe('.');
        }
      }
      for (const p of [scene.start, scene.goal]) {
        expect(p.row % 2).toBe(1);
        expect(p.col % 2).toBe(1);
        expect(scene.grid[p.row]?.[p.col]).toBe('.');
      }
      expect(scene.start).not.toEqual(scene.goal);
      expect(JSON.parse(JSON.stringify(scene))).toEqual(scene);
    }
  });
});

describe('perfect and braided mazes', () => {
  it.each(['backtracker', 'prim', 'kruskal'] as const)('%s mazes are perfect: cells − 1 = passages', (algorithm) => {
    for (let index = 0; index < 40; index++) {
      const scene = sampleAt(3, index, { algorithm, braid: 0, unsolvable: 0 });
      const { cells, passages } = cellGraphCounts(scene);
      expect(passages).toBe(cells - 1);
      // Connected too, so exactly one path joins any two cells.
      expect(dijkstra(buildGraph({ ...scene, style: 'walls' }), '0,0').size).toBe(cells);
    }
  });

  it('braided mazes have loops, more with more braiding', () => {
    let previous = -1;
    for (const braid of [0.2, 0.5, 1]) {
      let loops = 0;
      for (let index = 0; index < 30; index++) {
        const { cells, passages } = cellGraphCounts(sampleAt(3, index, { braid, unsolvable: 0 }));
        expect(passages).toBeGreaterThan(cells - 1);
        loops += passages - (cells - 1);
      }
      expect(loops).toBeGreaterThan(previous);
      previous = loops;
    }
  });

  it('the generators leave different textures: backtracker has far fewer dead ends', () => {
    const deadEndShare = (algorithm: 'backtracker' | 'prim' | 'kruskal') => {
      let ends = 0;
      for (let index = 0; index < 20; index++) {
        const graph = buildGraph({ ...sampleAt(4, index, { algorithm, braid: 0, unsolvable: 0 }), style: 'walls' });
        for (const next of graph.values()) if (next.length === 1) ends++;
      }
      return ends / (20 * 400);
    };
    const backtracker = deadEndShare('backtracker');
    expect(backtracker).toBeLessThan(0.15);
    expect(deadEndShare('prim')).toBeGreaterThan(2 * backtracker);
    expect(deadEndShare('kruskal')).toBeGreaterThan(2 * backtracker);
  });
});

describe('unsolvable mazes', () => {
  it.each([0, 0.3, 1])('about a fraction %f have no route', (unsolvable) => {
    const n = 300;
    let sealed = 0;
    for (let index = 0; index < n; index++) {
      const scene = sampleAt(2, index, { unsolvable, braid: 0.5 });
      const graph = buildGraph(scene);
      if (!dijkstra(graph, unitKey(scene, scene.start)).has(unitKey(scene, scene.goal))) sealed++;
    }
    expect(Math.abs(sealed / n - unsolvable)).toBeLessThan(0.08);
  });

  it('appear at levels 2 to 5 and never at level 1', () => {
    expect(resolveParams(maze, 1, {}).unsolvable).toBe(0);
    for (const level of [2, 3, 4, 5] as const) expect(resolveParams(maze, level, {}).unsolvable).toBeGreaterThan(0);
  });
});

describe('start and goal', () => {
  it('sit at least half the maze apart, counted along rows plus columns', () => {
    for (let index = 0; index < 100; index++) {
      const scene = sampleAt(3, index);
      const apart = (Math.abs(scene.start.row - scene.goal.row) + Math.abs(scene.start.col - scene.goal.col)) / 2;
      expect(apart).toBeGreaterThanOrEqual(Math.ceil((scene.rows + scene.cols - 2) / 2));
    }
  });
});

describe('params and levels', () => {
  it('level 3 is the schema default', () => {
    expect(resolveParams(maze, 3, {})).toEqual(maze.params.parse({}));
  });

  it('levels grow from 5×5 perfect mazes to 40×40 braided ones', () => {
    const at = (level: Level) => resolveParams(maze, level, {}) as MazeParams;
    expect([at(1).rows, at(5).rows]).toEqual([5, 40]);
    expect(at(1).braid).toBe(0);
    expect(at(5).braid).toBeGreaterThan(at(3).braid);
  });

  it('rejects bad params naming the field', () => {
    expect(() => resolveParams(maze, 3, { rows: 2 })).toThrow(/rows/);
    expect(() => resolveParams(maze, 3, { braid: 1.5 })).toThrow(/braid/);
    expect(() => resolveParams(maze, 3, { style: 'dots' })).toThrow(/style/);
  });

  it('every param has a description', () => {
    for (const [name, field] of Object.entries(maze.params.shape)) expect(field.description, name).toMatch(/default/);
  });

  it('sizes images so cells stay legible', () => {
    const size = (level: Level, extra: Partial<MazeParams> = {}) => mazeSize(resolveParams(maze, level, extra) as MazeParams);
    for (const level of [1, 2, 3] as const) expect(size(level)).toEqual({ width: 512, height: 512 });
    const big = size(5);
    // At least 16 px per square of an 81-square blocks grid.
    expect(big.width).toBeGreaterThanOrEqual(81 * 16);
    expect(size(5, { style: 'walls', labels: 'letters' }).width).toBeLessThan(big.width);
  });
});

describe('the random stream', () => {
  it('gives equal scenes for equal seeds and different ones otherwise', () => {
    expect(sampleAt(3, 5)).toEqual(sampleAt(3, 5));
    const grids = new Set(Array.from({ length: 300 }, (_, i) => sampleAt(1, i).grid.join('')));
    expect(grids.size).toBeGreaterThan(295);
  });
});
