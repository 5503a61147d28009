import type { Level } from '@absynth/core';
import { rngFromKey } from '@absynth/core';
import { colourDifference, contrastRatio, namedColours, relativeLuminance } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { addLoops, growDecoy, growRoads } from '../generate.js';
import { roadmapLevels } from '../params.js';
import { minAreaContrast, minDotContrast, minDotDifference } from '../sample.js';
import type { GridPoint } from '../../grid/point.js';
import type { RoadmapScene } from '../scene.js';
import { distancesFrom, toRoads } from '../solve.js';
import { roadmapAt } from './helpers.js';
import { key, movesFrom, pathTurns, roadGraph } from './reference.js';

const levels = [1, 2, 3, 4, 5] as const;
const perLevel: Record<Level, number> = { 1: 120, 2: 120, 3: 120, 4: 80, 5: 50 };

/** Free neighbours of a cell, read straight from the strings. */
function freeNeighbours(scene: RoadmapScene, cell: GridPoint): GridPoint[] {
  return [
    { row: cell.row - 1, col: cell.col },
    { row: cell.row + 1, col: cell.col },
    { row: cell.row, col: cell.col - 1 },
    { row: cell.row, col: cell.col + 1 },
  ].filter((c) => scene.grid[c.row]?.[c.col] === '.');
}

/** Whether a free cell is a turn (two neighbours at a right angle) or a crossing (three or four). */
function turnOrCrossing(scene: RoadmapScene, cell: GridPoint): boolean {
  const next = freeNeighbours(scene, cell);
  if (next.length >= 3) return true;
  const [a, b] = next;
  return next.length === 2 && a !== undefined && b !== undefined && a.row !== b.row && a.col !== b.col;
}

describe.each(levels)('road maps at level %i', (level) => {
  const scenes = Array.from({ length: perLevel[level] }, (_, i) => roadmapAt(level, i));
  const preset = roadmapLevels[level];

  it('are square grids of one connected road network, one cell wide', () => {
    for (const scene of scenes) {
      expect(scene.size).toBe(preset.size);
      expect(scene.grid).toHaveLength(scene.size);
      for (const line of scene.grid) expect(line).toMatch(new RegExp(`^[#.]{${scene.size}}$`));
      const graph = roadGraph(scene.grid);
      expect(movesFrom(graph, key(scene.start)).size).toBe(graph.size);
      for (let r = 0; r + 1 < scene.size; r++) {
        for (let c = 0; c + 1 < scene.size; c++) {
          const square = [scene.grid[r]?.[c], scene.grid[r]?.[c + 1], scene.grid[r + 1]?.[c], scene.grid[r + 1]?.[c + 1]];
          expect(square.every((ch) => ch === '.'), `2×2 free block at ${r}, ${c}`).toBe(false);
        }
      }
      expect(JSON.parse(JSON.stringify(scene))).toEqual(scene);
    }
  });

  it(`have a reference route of ${preset.minTurns} to ${preset.maxTurns} turns and at least ${preset.size} moves`, () => {
    const seen = new Set<number>();
    for (const scene of scenes) {
      const turns = pathTurns(scene.route.map(key));
      expect(turns).toBeGreaterThanOrEqual(preset.minTurns);
      expect(turns).toBeLessThanOrEqual(preset.maxTurns);
      expect(scene.route.length - 1).toBeGreaterThanOrEqual(preset.size);
      seen.add(turns);
    }
    // Every count the bounds allow turns up.
    expect(seen.size).toBe(preset.maxTurns - preset.minTurns + 1);
  });

  it('put the dots on dead ends or straight stretches, and a marker on every turn of the route', () => {
    for (const scene of scenes) {
      expect(scene.start).not.toEqual(scene.end);
      for (const dot of [scene.start, scene.end]) {
        expect(scene.grid[dot.row]?.[dot.col]).toBe('.');
        expect(turnOrCrossing(scene, dot)).toBe(false);
      }
      const marked = new Set(scene.markers.map(key));
      for (let i = 1; i + 1 < scene.route.length; i++) {
        const [a, b, c] = [scene.route[i - 1], scene.route[i], scene.route[i + 1]] as [GridPoint, GridPoint, GridPoint];
        if (b.row - a.row !== c.row - b.row || b.col - a.col !== c.col - b.col) expect(marked.has(key(b))).toBe(true);
      }
    }
  });

  it('label markers with a letter and a digit, unique ignoring case, on turns and crossings only', () => {
    for (const scene of scenes) {
      const lower = scene.markers.map((m) => m.label.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
      const cells = scene.markers.map(key);
      expect(new Set(cells).size).toBe(cells.length);
      for (const marker of scene.markers) {
        expect(marker.label).toMatch(/^(?:[A-Za-z][2-9]|[2-9][A-Za-z])$/);
        expect(marker.label).not.toMatch(/[IlOo]/);
        expect(marker.label).not.toMatch(/^[UDLR]\d$/);
        expect(scene.grid[marker.row]?.[marker.col]).toBe('.');
        expect(turnOrCrossing(scene, marker)).toBe(true);
        expect(key(marker)).not.toBe(key(scene.start));
        expect(key(marker)).not.toBe(key(scene.end));
      }
      const order = [...scene.markers].sort((a, b) => a.row - b.row || a.col - b.col);
      expect(scene.markers).toEqual(order);
    }
  });

  it('name colours from the palette: contrasting areas, the free area lighter, dots apart from both and each other', () => {
    for (const scene of scenes) {
      const { obstacle, free, start, end } = scene.colours;
      for (const c of [obstacle, free, start, end]) expect(namedColours).toContainEqual(c);
      expect(contrastRatio(obstacle.hex, free.hex)).toBeGreaterThanOrEqual(minAreaContrast);
      expect(relativeLuminance(free.hex)).toBeGreaterThan(relativeLuminance(obstacle.hex));
      for (const dot of [start, end]) {
        expect(colourDifference(dot.hex, obstacle.hex)).toBeGreaterThanOrEqual(minDotDifference);
        expect(colourDifference(dot.hex, free.hex)).toBeGreaterThanOrEqual(minDotDifference);
        expect(contrastRatio(dot.hex, free.hex)).toBeGreaterThanOrEqual(minDotContrast);
      }
      expect(colourDifference(start.hex, end.hex)).toBeGreaterThanOrEqual(minDotDifference);
    }
  });
});

describe('the road network', () => {
  it('is a tree without loops, with loops once they are asked for', () => {
    const extraEdges = (scene: RoadmapScene) => {
      const graph = roadGraph(scene.grid);
      let ends = 0;
      for (const next of graph.values()) ends += next.length;
      return ends / 2 - (graph.size - 1);
    };
    let loops = 0;
    for (let i = 0; i < 30; i++) {
      expect(extraEdges(roadmapAt(3, i, { loops: 0 }))).toBe(0);
      loops += extraEdges(roadmapAt(3, i, { loops: 6 }));
    }
    expect(loops).toBeGreaterThan(30 * 3);
  });

  it('grows toward the density asked for', () => {
    const share = (density: number) => {
      let free = 0;
      for (let i = 0; i < 20; i++) free += roadmapAt(3, i, { density }).grid.join('').split('.').length - 1;
      return free / (20 * 18 * 18);
    };
    const sparse = share(0.2);
    const dense = share(0.45);
    expect(sparse).toBeGreaterThan(0.17);
    // Loops and decoys add a few cells on top.
    expect(sparse).toBeLessThan(0.28);
    expect(dense).toBeGreaterThan(sparse + 0.1);
  });

  it('adds the loops asked for, each at least 12 cells round', () => {
    for (let i = 0; i < 20; i++) {
      const rng = rngFromKey(`loops\u0000${i}`);
      const roads = growRoads(18, 0.36, rng);
      const before = Uint8Array.from(roads.free);
      const added = addLoops(roads, 4, 12, rng);
      expect(added).toBe(4);
      const cells = (free: Uint8Array) => free.reduce((n, f) => n + f, 0);
      const edges = (free: Uint8Array) => {
        let n = 0;
        for (let cell = 0; cell < free.length; cell++) {
          if (free[cell] !== 1) continue;
          if (cell % 18 < 17 && free[cell + 1] === 1) n++;
          if (cell + 18 < free.length && free[cell + 18] === 1) n++;
        }
        return n;
      };
      // Each added road closes exactly one loop: independent cycles go up by one per road.
      expect(edges(roads.free) - cells(roads.free) - (edges(before) - cells(before))).toBe(added);
      // A road of new cells joining two old cells closes a loop of its length + 1 + their distance before.
      const seen = new Set<number>();
      for (let cell = 0; cell < roads.free.length; cell++) {
        if (before[cell] === 1 || roads.free[cell] !== 1 || seen.has(cell)) continue;
        const run: number[] = [cell];
        const ends = new Set<number>();
        seen.add(cell);
        for (let k = 0; k < run.length; k++) {
          const here = run[k] as number;
          for (const next of [here - 18, here + 18, here % 18 > 0 ? here - 1 : -1, here % 18 < 17 ? here + 1 : -1]) {
            if (next < 0 || next >= roads.free.length || roads.free[next] !== 1) continue;
            if (before[next] === 1) ends.add(next);
            else if (!seen.has(next)) {
              seen.add(next);
              run.push(next);
            }
          }
        }
        if (ends.size !== 2) continue;
        const [a, b] = [...ends] as [number, number];
        const apart = distancesFrom({ size: 18, free: before }, { row: Math.floor(a / 18), col: a % 18 })[b] as number;
        if (apart >= 0) expect(apart + run.length + 1).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it('grows decoys as dead ends that change no distance', () => {
    let grown = 0;
    for (let i = 0; i < 20; i++) {
      const scene = roadmapAt(3, i, { decoys: 0 });
      const roads = toRoads(scene.grid);
      const before = distancesFrom(roads, scene.start);
      const from = scene.route[Math.floor(scene.route.length / 2)] as GridPoint;
      const cells = growDecoy(roads, from, scene.end, 6, rngFromKey(`decoy\u0000${i}`));
      if (cells.length === 0) continue;
      grown++;
      const after = distancesFrom(roads, scene.start);
      for (let cell = 0; cell < before.length; cell++) if ((before[cell] as number) >= 0) expect(after[cell]).toBe(before[cell]);
      // The last cell opened is a dead end.
      const last = cells[cells.length - 1] as GridPoint;
      const open = [
        [last.row - 1, last.col],
        [last.row + 1, last.col],
        [last.row, last.col - 1],
        [last.row, last.col + 1],
      ].filter(([r, c]) => roads.free[(r as number) * 18 + (c as number)] === 1 && (c as number) >= 0 && (c as number) < 18);
      expect(open).toHaveLength(1);
    }
    expect(grown).toBeGreaterThan(5);
  });
});
