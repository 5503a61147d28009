import type { ChoiceAnswer } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { mazeFacts } from '../facts.js';
import { scoreRoute } from '../score.js';
import { answerOf, askAll, sampleAt } from './helpers.js';
import { allSimplePaths, buildGraph, pathText, unitKey } from './reference.js';

// Every simple path from S to G, enumerated: the shortest ones must be exactly the routes the
// scorer accepts, and the candidate letter must sit on all of them.
describe.each([
  { rows: 4, cols: 4, braid: 0 },
  { rows: 5, cols: 5, braid: 0 },
  { rows: 4, cols: 5, braid: 0.5 },
  { rows: 5, cols: 5, braid: 0.6 },
  { rows: 5, cols: 4, braid: 1 },
])('brute force on $rows×$cols mazes, braid $braid', (shape) => {
  it.each(['walls', 'blocks'] as const)('%s style', (style) => {
    let multiRoute = 0;
    for (let index = 0; index < 40; index++) {
      const scene = sampleAt(1, index, { ...shape, style, unsolvable: 0.2 });
      const graph = buildGraph(scene);
      const start = unitKey(scene, scene.start);
      const goal = unitKey(scene, scene.goal);
      const paths = allSimplePaths(graph, start, goal);
      const questions = askAll(scene);
      expect(answerOf(questions, 'goal-reachable', 'boolean').value).toBe(paths.length > 0);
      if (paths.length === 0) continue;

      const shortest = Math.min(...paths.map((p) => p.length - 1));
      const best = paths.filter((p) => p.length - 1 === shortest);
      expect(answerOf(questions, 'route-length', 'integer').value).toBe(shortest);
      expect(mazeFacts(scene).routeCount).toBe(best.length);
      if (best.length > 1) multiRoute++;

      const expected = answerOf(questions, 'shortest-route', 'route');
      for (const path of best) expect(scoreRoute(expected, pathText(path), scene)).toBe(1);
      for (const path of paths.filter((p) => p.length - 1 > shortest).slice(0, 20)) {
        const score = scoreRoute(expected, pathText(path), scene);
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThan(0.5);
      }

      const choice = questions.get('cell-on-route')?.answer as ChoiceAnswer | undefined;
      if (choice === undefined) continue;
      for (const candidate of scene.candidates) {
        const at = unitKey(scene, candidate);
        const onIt = best.filter((p) => p.includes(at)).length;
        expect(onIt).toBe(candidate.label === choice.value ? best.length : 0);
      }
    }
    if (shape.braid >= 0.5) expect(multiRoute).toBeGreaterThan(0);
  });
});
