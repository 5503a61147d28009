import type { DraftQuestion, Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import type { RoadmapParams } from '../params.js';
import { roadmap } from '../scenario.js';
import type { RoadmapScene } from '../scene.js';

/** The road map of test item `index` at `level`, with `overrides` over the level's params. */
export function roadmapAt(level: Level, index: number, overrides: Partial<RoadmapParams> = {}): RoadmapScene {
  const params = resolveParams(roadmap, level, overrides) as RoadmapParams;
  return roadmap.sample(rngFromKey(`roadmap-test\u0000${level}\u0000${JSON.stringify(overrides)}\u0000${index}`), params, { size: roadmap.size?.(params) ?? { width: 512, height: 512 }, resources: {} });
}

/** Every task's question for a road map, by task id (absent when the task skips the scene). */
export function askRoadmap(scene: RoadmapScene): Map<string, DraftQuestion> {
  const out = new Map<string, DraftQuestion>();
  for (const task of roadmap.tasks) {
    const q = task.ask(scene, rngFromKey(`ask\u0000${task.id}`));
    if (q !== undefined) out.set(task.id, q);
  }
  return out;
}
