import type { SampleRecord } from '@absynth/engine';
import { expect } from 'vitest';
import type { RoadmapScene } from '../scene.js';
import { bestRoutes, followSteps, key, markersOnPath, movesFrom, pathTurns, roadGraph } from './reference.js';

/** Rechecks every answer of a generated road map with the independent path finder. */
export function verifyRoadmap(sample: SampleRecord<RoadmapScene>): void {
  const { scene } = sample;
  const graph = roadGraph(scene.grid);
  const start = key(scene.start);
  const end = key(scene.end);
  const fewest = bestRoutes(graph, start, 'fewest').get(end);
  const most = bestRoutes(graph, start, 'most').get(end);
  const fromStart = movesFrom(graph, start);
  const fromEnd = movesFrom(graph, end);
  expect(fewest).toBeDefined();
  const shortest = fewest?.moves as number;
  for (const { task, answer, question, regions } of sample.qa) {
    if (task === 'find-route' && answer.type === 'route') {
      // A shortest route with the fewest turns, passing exactly the markers the answer names, in order.
      const walked = followSteps(graph, start, answer.steps);
      expect(walked?.at(-1)).toBe(end);
      expect((walked?.length ?? 0) - 1).toBe(shortest);
      expect(pathTurns(walked ?? [])).toBe(fewest?.turns);
      expect(answer.markers).toEqual(markersOnPath(scene, walked ?? []));
      expect(walked).toEqual(scene.route.map(key));
    } else if (task === 'route-turns' && answer.type === 'integer') {
      expect(answer.value).toBe(fewest?.turns);
      // When shortest routes differ in turns, the question must say it asks for the fewest.
      expect(/fewest number of turns|fewest changes of direction|smallest number of turns/.test(question)).toBe(most?.turns !== fewest?.turns);
    } else if (task === 'closest-marker' && answer.type === 'text') {
      const walks = scene.markers.map((m) => ({ label: m.label, moves: fromEnd.get(key(m)) as number }));
      const nearest = Math.min(...walks.map((w) => w.moves));
      expect(walks.filter((w) => w.moves === nearest).map((w) => w.label)).toEqual([answer.value]);
    } else if (task === 'marker-on-route' && answer.type === 'boolean') {
      // The marker asked about is the one region the question names besides the dots.
      const named = regions.find((r) => r.id.startsWith('marker-'))?.id.slice('marker-'.length);
      const marker = scene.markers.find((m) => m.label === named);
      expect(marker, question).toBeDefined();
      expect(question).toMatch(new RegExp(`\\b${named}\\b`));
      const at = key(marker as RoadmapScene['markers'][number]);
      const through = (fromStart.get(at) as number) + (fromEnd.get(at) as number);
      expect(answer.value).toBe(through === shortest);
    } else if (task === 'marker-count' && answer.type === 'integer') {
      expect(answer.value).toBe(scene.markers.length);
    } else throw new Error(`unexpected task ${task} with a ${answer.type} answer`);
  }
}
