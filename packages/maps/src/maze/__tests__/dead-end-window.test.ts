import type { Level } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { countableDeadEnds, minWindowSide } from '../sample.js';
import { answerOf, askAll, sampleAt } from './helpers.js';
import { buildGraph, referenceCountedDeadEnds, referenceDeadEnds, unitKey } from './reference.js';

const perLevel: Record<Level, number> = { 1: 150, 2: 150, 3: 150, 4: 100, 5: 40 };

describe.each([1, 2, 3, 4, 5] as const)('the dead-end question at level %i', (level) => {
  it.each(['walls', 'blocks'] as const)('asks to count at most 12, in a window inside the maze (%s)', (style) => {
    const asked: number[] = [];
    for (let index = 0; index < perLevel[level]; index++) {
      const scene = sampleAt(level, index, { style });
      const graph = buildGraph(scene);
      const except = [unitKey(scene, scene.start), unitKey(scene, scene.goal)];
      const all = referenceDeadEnds(graph, except).length;
      const count = answerOf(askAll(scene), 'dead-ends', 'integer').value;
      expect(count).toBe(referenceCountedDeadEnds(scene, graph, except).length);
      expect(count).toBeLessThanOrEqual(countableDeadEnds);
      asked.push(count);

      const box = scene.deadEndWindow;
      expect(box === null, `${all} dead ends in all`).toBe(all <= countableDeadEnds);
      if (box === null) continue;
      // Corners on cells (walls) or on the posts around cells (blocks), inside the grid's border.
      const corner = style === 'walls' ? 1 : 0;
      for (const edge of [box.top, box.left, box.bottom, box.right]) expect(Math.abs(edge % 2)).toBe(corner);
      expect(box.top).toBeGreaterThanOrEqual(style === 'walls' ? 1 : 0);
      expect(box.left).toBeGreaterThanOrEqual(style === 'walls' ? 1 : 0);
      expect(box.bottom).toBeLessThanOrEqual(style === 'walls' ? 2 * scene.rows - 1 : 2 * scene.rows);
      expect(box.right).toBeLessThanOrEqual(style === 'walls' ? 2 * scene.cols - 1 : 2 * scene.cols);
      // Cells inside: at least 3×3, and at most twice as long as wide.
      const cellsDown = Math.floor((box.bottom - box.top) / 2) + corner;
      const cellsAcross = Math.floor((box.right - box.left) / 2) + corner;
      expect(Math.min(cellsDown, cellsAcross)).toBeGreaterThanOrEqual(minWindowSide);
      expect(Math.max(cellsDown, cellsAcross)).toBeLessThanOrEqual(2 * Math.min(cellsDown, cellsAcross));
    }
    // Counts spread over 3 to 10 rather than piling up on one value.
    if (level >= 3) {
      expect(asked.filter((n) => n >= 3 && n <= 10).length).toBeGreaterThanOrEqual(0.95 * asked.length);
      expect(new Set(asked).size).toBeGreaterThanOrEqual(level === 5 ? 6 : 7);
    }
  });
});
