import type { RouteStep } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { scoreRoute } from '../score.js';
import { answerOf, askAll, sampleAt, stepsText } from './helpers.js';

const turn: Record<RouteStep['direction'], RouteStep['direction']> = { up: 'left', left: 'down', down: 'right', right: 'up' };

describe('scoreRoute', () => {
  it('gives 1 to the answer in many wordings and less than 1 to every altered route', () => {
    for (let index = 0; index < 60; index++) {
      const scene = sampleAt(3, index, { unsolvable: 0 });
      const route = answerOf(askAll(scene), 'shortest-route', 'route');
      const text = stepsText(route.steps);
      expect(scoreRoute(route, text, scene)).toBe(1);
      expect(scoreRoute(route, `Let me trace it. The answer is ${text}.`, scene)).toBe(1);
      expect(scoreRoute(route, route.steps.map((s) => `${s.count} ${s.direction}`).join(', then '), scene)).toBe(1);
      for (let i = 0; i < route.steps.length; i++) {
        const longer = route.steps.map((s, j) => (j === i ? { ...s, count: s.count + 1 } : s));
        const turned = route.steps.map((s, j) => (j === i ? { ...s, direction: turn[s.direction] } : s));
        const shorter = route.steps.filter((_step, j) => j !== i);
        for (const altered of [longer, turned, shorter]) {
          const score = scoreRoute(route, stepsText(altered), scene);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThan(1);
        }
      }
      expect(scoreRoute(route, 'There is no way through.', scene)).toBe(0);
    }
  });

  it('walks the scene’s units: in blocks style a move is one square, not one cell', () => {
    const scene = sampleAt(3, 0, { style: 'blocks', unsolvable: 0 });
    const route = answerOf(askAll(scene), 'shortest-route', 'route');
    const halved = route.steps.map((s) => ({ ...s, count: s.count / 2 }));
    expect(scoreRoute(route, stepsText(halved), scene)).toBeLessThan(1);
  });
});
