import type { ChoiceAnswer, Level } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { scoreRoute } from '../score.js';
import { answerOf, askAll, sampleAt, stepsText } from './helpers.js';
import {
  buildGraph,
  dijkstra,
  followRoute,
  isOnEveryShortestRoute,
  isOnSomeShortestRoute,
  referenceCountedDeadEnds,
  unitKey,
} from './reference.js';

const perLevel: Record<Level, number> = { 1: 80, 2: 80, 3: 60, 4: 40, 5: 12 };

describe.each([1, 2, 3, 4, 5] as const)('level %i: every answer agrees with the reference solver', (level) => {
  it.each(['walls', 'blocks'] as const)('%s style', (style) => {
    let unreachable = 0;
    let choices = 0;
    for (let index = 0; index < perLevel[level]; index++) {
      const scene = sampleAt(level, index, { style });
      const graph = buildGraph(scene);
      const start = unitKey(scene, scene.start);
      const goal = unitKey(scene, scene.goal);
      const best = dijkstra(graph, start).get(goal);
      const questions = askAll(scene);

      expect(answerOf(questions, 'goal-reachable', 'boolean').value).toBe(best !== undefined);
      expect(answerOf(questions, 'dead-ends', 'integer').value).toBe(referenceCountedDeadEnds(scene, graph, [start, goal]).length);

      if (best === undefined) {
        unreachable++;
        for (const id of ['shortest-route', 'route-length', 'cell-on-route']) expect(questions.has(id)).toBe(false);
        continue;
      }
      expect(answerOf(questions, 'route-length', 'integer').value).toBe(best);
      const route = answerOf(questions, 'shortest-route', 'route');
      const walked = followRoute(graph, start, route.steps);
      expect(walked?.length).toBe(best + 1);
      expect(walked?.[walked.length - 1]).toBe(goal);
      expect(scoreRoute(route, stepsText(route.steps), scene)).toBe(1);

      const choice = questions.get('cell-on-route')?.answer as ChoiceAnswer | undefined;
      expect(choice !== undefined).toBe(scene.candidates.length === 4);
      if (choice === undefined) continue;
      choices++;
      for (const candidate of scene.candidates) {
        const at = unitKey(scene, candidate);
        if (candidate.label === choice.value) expect(isOnEveryShortestRoute(graph, start, goal, at)).toBe(true);
        else expect(isOnSomeShortestRoute(graph, start, goal, at)).toBe(false);
      }
    }
    if (level === 1) expect(unreachable).toBe(0);
    // Most solvable mazes get a which-cell question.
    expect(choices).toBeGreaterThan((perLevel[level] - unreachable) * 0.6);
  });
});
