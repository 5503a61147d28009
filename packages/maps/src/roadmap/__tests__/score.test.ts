import type { RouteAnswer } from '@absynth/core';
import { answerText, readRoute, resolveParams, rngFromKey, routeRuns, scoreResponse } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import type { RoadmapParams } from '../params.js';
import { roadmap } from '../scenario.js';
import { scoreRoadmapRoute } from '../score.js';
import { findRouteTask, routeInstructions } from '../tasks.js';
import { handMade } from './fixtures.js';
import { roadmapAt } from './helpers.js';

const expected = findRouteTask.ask(handMade, rngFromKey('hand'))?.answer as RouteAnswer;

// [answer, score, why]. Three reference markers, so an invalid route scores at most 3/4.
const table: [string, number, string][] = [
  ['1. Move right until you reach A2.\n2. Move down until you reach 3b.\n3. Move right until you reach C4.\n4. Move down to the end point.', 1, 'the paper’s numbered steps'],
  ['right 4, down 2, right 4, down 2 via A2, 3b, C4', 1, 'the canonical answer text'],
  ['The answer is right 4, down 2, right 4, down 2 via A2, 3b, C4.', 1, 'the canonical text stated'],
  ['A2, 3b, C4', 1, 'markers alone: each hop a straight free run'],
  ['Move right to A2, up to 5d, right to E6, then down to the end.', 1, 'a different, longer valid route'],
  ['7f, G8, 5d, E6', 1, 'the longest valid route, by markers alone'],
  ['right 4, up 2, right 4, down 6', 1, 'moves only, a different valid route'],
  ['R4 D2 R4 D2', 1, 'compact moves'],
  ['Move right four cells, down two cells, right four cells and down two cells.', 1, 'spelled counts'],
  ['Go 4 cells to the right, 2 cells down, 4 cells to the right and 2 down.', 1, 'counts before directions'],
  ['right 4 (passing A2), down 2 to 3b, right 4, down 2', 1, 'a marker the moves already passed is a check'],
  ['a2, 3B, c4', 1, 'labels in another case'],
  ['start → A2 → 3b → C4 → end', 1, 'lone arrows only separate'],
  ['A2, 5d, 3b, C4', 1, 'a detour up to 5d and back is still a route'],
  ['A2, Q7, 3b, C4', 1, 'Q7 is no marker of this map, so it is not read'],
  [
    'Let me look. From the green dot I go right to A2, then down to 3b, then right to C4. I also considered 7f. The answer is: right to A2, down to 3b, right to C4, down to the end.',
    1,
    'prose around the answer; only the stated answer is read',
  ],
  ['Step 1: at 10am go right to A2. Step 2: down to 3b. Step 3: right to C4. Step 4: down 2 to the end.', 1, '"10am" and "Step 2" are not read'],
  ['Go right 4 cells to A2 (step 2 of the plan), down 2 to 3b, right 4 to C4, down 2.', 1, '"step 2" is no count'],
  ['Leave at 10am: A2, 3b, C4.', 1, '"10am" names no marker'],
  ['C4, 3b, A2', 1 / 5, 'reversed: LCS 1 over 3 reference + 2 unmatched'],
  ['A2, C4', 2 / 3, 'a missing marker breaks the straight hop from A2 to C4'],
  ['Move right until A2, then find your way to the end.', 1 / 3, 'one marker, then no straight run to the end'],
  ['A2, E6, 3b, C4', 3 / 4, 'an extra wrong marker off the line'],
  ['A2, 3b, G8, C4', 3 / 4, 'an extra marker reachable, but C4 is not in line with it'],
  ['right 4, down 3, right 4, down 1 via A2, 3b, C4', 3 / 4, 'right markers, moves that hit an obstacle: capped below 1'],
  ['right 4, down 2, right 4', 3 / 4, 'moves only, stopping short: the markers passed count'],
  ['right 4, down 2, right 4, down 3', 3 / 4, 'moves only, running off the map'],
  ['right 5, down 2', 1 / 3, 'moves only, into an obstacle after passing A2'],
  ['Move down until you reach 3b.', 1 / 3, '3b is not in line with the start'],
  ['Q7, Z9', 0, 'markers that do not exist name nothing'],
  ['Move right, then down, then right, then down.', 0, 'directions without counts or markers say nothing'],
  ['I cannot find a path.', 0, 'no answer'],
];

describe('scoring a route on a hand-made map', () => {
  it('reads the reference answer from the map', () => {
    expect(expected).toEqual({
      type: 'route',
      steps: [
        { direction: 'right', count: 4, to: 'A2' },
        { direction: 'down', count: 2, to: '3b' },
        { direction: 'right', count: 4, to: 'C4' },
        { direction: 'down', count: 2 },
      ],
      markers: ['A2', '3b', 'C4'],
    });
    expect(answerText(expected)).toBe(
      '1. Move right 4 until you reach A2. 2. Move down 2 until you reach 3b. 3. Move right 4 until you reach C4. 4. Move down 2 to the end.',
    );
    expect(routeInstructions(handMade)).toEqual([
      '1. Move right 4 cells until you reach A2.',
      '2. Move down 2 cells until you reach 3b.',
      '3. Move right 4 cells until you reach C4.',
      '4. Move down 2 cells to reach the end point.',
    ]);
  });

  it(`has at least 25 hand-written answers (${table.length})`, () => {
    expect(table.length).toBeGreaterThanOrEqual(25);
  });

  it.each(table)('%j scores %d (%s)', (response, score) => {
    expect(scoreRoadmapRoute(expected, response, handMade)).toBeCloseTo(score, 10);
    expect(scoreResponse(roadmap, handMade, expected, response)).toBeCloseTo(score, 10);
  });

  it('reads only this map’s labels, in order, with the moves (through core’s one route reader)', () => {
    const names = handMade.markers.map((m) => m.label);
    // A bare direction is one move ("and left"); one that heads for a marker adds none ("go left to C4").
    expect(readRoute('At 10am, step 2: go up 3 to A2 then 5d, Q7 and left', { names })?.mentions).toEqual([
      { kind: 'move', direction: 'up', count: 3 },
      { kind: 'marker', name: 'A2' },
      { kind: 'marker', name: '5d' },
      { kind: 'move', direction: 'left', count: 1 },
    ]);
    expect(readRoute('go up 3 to A2, then go left until you reach C4', { names })?.mentions).toEqual([
      { kind: 'move', direction: 'up', count: 3 },
      { kind: 'marker', name: 'A2' },
      { kind: 'marker', name: 'C4' },
    ]);
    expect(readRoute('right 4, down 2 via A2, 3b', { names })?.viaAt).toBe(2);
    expect(readRoute('via A2, 3b', { names })?.viaAt).toBeUndefined();
  });
});

describe('scoring generated maps', () => {
  const scenes = [1, 2, 3, 4, 5].flatMap((level) => {
    const params = resolveParams(roadmap, level as 1, {}) as RoadmapParams;
    return Array.from({ length: 12 }, (_, i) => roadmap.sample(rngFromKey(`score\u0000${level}\u0000${i}`), params, { size: roadmap.size?.(params) ?? { width: 512, height: 512 }, resources: {} }));
  });

  it('gives 1 to the reference route in every form, and less than 1 to altered ones', () => {
    for (const scene of scenes) {
      const answer = findRouteTask.ask(scene, rngFromKey('a'))?.answer as RouteAnswer;
      const markers = answer.markers ?? [];
      const moves = answer.steps.map((s) => `${s.direction} ${s.count}`).join(', ');
      expect(scoreRoadmapRoute(answer, routeInstructions(scene).join('\n'), scene)).toBe(1);
      expect(scoreRoadmapRoute(answer, moves, scene)).toBe(1);
      expect(scoreRoadmapRoute(answer, markers.join(', '), scene)).toBe(1);
      // The markers where the route turns are enough: every stretch between them is straight.
      const turning = markers.filter((label) => {
        const i = scene.route.findIndex((c) => scene.markers.some((m) => m.label === label && m.row === c.row && m.col === c.col));
        const [a, b, c] = [scene.route[i - 1], scene.route[i], scene.route[i + 1]];
        return a && b && c && (b.row - a.row !== c.row - b.row || b.col - a.col !== c.col - b.col);
      });
      expect(scoreRoadmapRoute(answer, `Go via ${turning.join(' then ')}, and on to the end.`, scene)).toBe(1);
      for (let i = 0; i < answer.steps.length; i++) {
        const longer = answer.steps.map((s, j) => `${s.direction} ${j === i ? s.count + 1 : s.count}`).join(', ');
        const score = scoreRoadmapRoute(answer, `${longer} via ${markers.join(', ')}`, scene);
        expect(score).toBeLessThan(1);
        expect(score).toBeGreaterThanOrEqual(0);
      }
      if (markers.length > 1) {
        expect(scoreRoadmapRoute(answer, [...markers].reverse().join(', '), scene)).toBeLessThan(1);
      }
    }
  });

  it('scores a straight route (no turn, so maybe no marker) by its moves alone', () => {
    let straight = 0;
    for (let i = 0; i < 20; i++) {
      const scene = roadmapAt(2, i, { minTurns: 0, maxTurns: 0 });
      const answer = findRouteTask.ask(scene, rngFromKey('a'))?.answer as RouteAnswer;
      const runs = routeRuns(answer.steps);
      if (runs.length !== 1) continue;
      straight++;
      const [run] = runs as [RouteAnswer['steps'][number]];
      expect(scoreRoadmapRoute(answer, `${run.direction} ${run.count}`, scene)).toBe(1);
      expect(scoreRoadmapRoute(answer, routeInstructions(scene).join(' '), scene)).toBe(1);
      // One move too far: not a route; with no marker on it, nothing to cover either.
      const overshoot = scoreRoadmapRoute(answer, `${run.direction} ${run.count + 1}`, scene);
      expect(overshoot).toBeLessThan(1);
      if ((answer.markers ?? []).length === 0) expect(overshoot).toBe(0);
    }
    expect(straight).toBeGreaterThan(15);
  });
});
