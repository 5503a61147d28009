import type { Box } from '@absynth/render';
import { testScenario } from '@absynth/testkit';
import { expect } from 'vitest';
import { maze } from '../scenario.js';
import {
  buildGraph,
  dijkstra,
  followRoute,
  isOnEveryShortestRoute,
  referenceCountedDeadEnds,
  referenceDeadEnds,
  unitKey,
} from './reference.js';

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

testScenario(maze, {
  // The issue asks for no shared scene between seeds s and s+1 over 10,000 items each.
  overlapCount: 10_000,
  // Every answer the pipeline produced, rechecked with the reference solver.
  verify(sample) {
    const { scene } = sample;
    const graph = buildGraph(scene);
    const start = unitKey(scene, scene.start);
    const goal = unitKey(scene, scene.goal);
    const best = dijkstra(graph, start).get(goal);
    for (const { task, answer, regions } of sample.qa) {
      if (task === 'goal-reachable' && answer.type === 'boolean') expect(answer.value).toBe(best !== undefined);
      else if (task === 'route-length' && answer.type === 'integer') expect(answer.value).toBe(best);
      else if (task === 'dead-ends' && answer.type === 'integer') {
        // The whole maze when it has at most 12 dead ends, else the dashed window, recounted here.
        const all = referenceDeadEnds(graph, [start, goal]);
        const counted = referenceCountedDeadEnds(scene, graph, [start, goal]);
        expect(scene.deadEndWindow === null).toBe(all.length <= 12);
        expect(answer.value).toBe(counted.length);
        expect(answer.value).toBeLessThanOrEqual(12);
        const area = regions.find((r) => r.id === (scene.deadEndWindow === null ? 'maze' : 'dead-end-window'));
        expect(area).toBeDefined();
        const marked = regions.filter((r) => r.id.startsWith('dead-end-') && r.id !== 'dead-end-window');
        expect(marked).toHaveLength(counted.length);
        for (const r of marked) expect(area !== undefined && inside(r.box, area.box), r.id).toBe(true);
      }
      else if (task === 'shortest-route' && answer.type === 'route') expect(followRoute(graph, start, answer.steps)?.at(-1)).toBe(goal);
      else if (task === 'cell-on-route' && answer.type === 'choice') {
        const chosen = scene.candidates.find((c) => c.label === answer.value);
        expect(chosen && isOnEveryShortestRoute(graph, start, goal, unitKey(scene, chosen))).toBe(true);
      } else throw new Error(`unexpected task ${task} with a ${answer.type} answer`);
    }
  },
});
