import type { Answer } from '@absynth/core';
import { testScenario } from '@absynth/testkit';
import { expect } from 'vitest';
import { maze } from '../maze/scenario.js';
import type { MazeScene } from '../maze/scene.js';
import { buildGraph, dijkstra, followRoute, isOnEveryShortestRoute, referenceDeadEnds, unitKey } from './reference-solver.js';

testScenario(maze, {
  // The issue asks for no shared scene between seeds s and s+1 over 10,000 items each.
  overlapCount: 10_000,
  // Every answer the pipeline produced, rechecked with the reference solver.
  verify(sample) {
    const scene = sample.scene as MazeScene;
    const graph = buildGraph(scene);
    const start = unitKey(scene, scene.start);
    const goal = unitKey(scene, scene.goal);
    const best = dijkstra(graph, start).get(goal);
    for (const { task, answer } of sample.qa as { task: string; answer: Answer }[]) {
      if (task === 'goal-reachable' && answer.type === 'boolean') expect(answer.value).toBe(best !== undefined);
      else if (task === 'route-length' && answer.type === 'integer') expect(answer.value).toBe(best);
      else if (task === 'dead-ends' && answer.type === 'integer') expect(answer.value).toBe(referenceDeadEnds(graph, [start, goal]).length);
      else if (task === 'shortest-route' && answer.type === 'route') expect(followRoute(graph, start, answer.steps)?.at(-1)).toBe(goal);
      else if (task === 'cell-on-route' && answer.type === 'choice') {
        const chosen = scene.candidates.find((c) => c.label === answer.value);
        expect(chosen && isOnEveryShortestRoute(graph, start, goal, unitKey(scene, chosen))).toBe(true);
      } else throw new Error(`unexpected task ${task} with a ${answer.type} answer`);
    }
  },
});
