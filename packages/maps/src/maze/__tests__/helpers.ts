import type { Answer, DraftQuestion, Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import type { MazeParams } from '../params.js';
import { maze } from '../scenario.js';
import type { MazeScene } from '../scene.js';

/** The scene of test item `index` at `level`, with `overrides` over the level's params. */
export function sampleAt(level: Level, index: number, overrides: Partial<MazeParams> = {}): MazeScene {
  const params = resolveParams(maze, level, overrides) as MazeParams;
  return maze.sample(rngFromKey(`maps-test\u0000${level}\u0000${JSON.stringify(overrides)}\u0000${index}`), params, { size: maze.size?.(params) ?? { width: 512, height: 512 }, resources: {} });
}

/** Every task's question for a scene, by task id (absent when the task skips the scene). */
export function askAll(scene: MazeScene): Map<string, DraftQuestion> {
  const out = new Map<string, DraftQuestion>();
  for (const task of maze.tasks) {
    const q = task.ask(scene, rngFromKey(`ask\u0000${task.id}`));
    if (q !== undefined) out.set(task.id, q);
  }
  return out;
}

/** The answer text a model would give for a route: "right 3, down 2". */
export function stepsText(steps: readonly { direction: string; count: number }[]): string {
  return steps.map((s) => `${s.direction} ${s.count}`).join(', ');
}

/** The answer of task `id`, checked to be of `type`; throws when the task was not asked. */
export function answerOf<T extends Answer['type']>(
  questions: Map<string, DraftQuestion>,
  id: string,
  type: T,
): Extract<Answer, { type: T }> {
  const found = questions.get(id)?.answer;
  if (found?.type !== type) throw new Error(`task ${id} gave ${found === undefined ? 'no question' : `a ${found.type} answer`}`);
  return found as Extract<Answer, { type: T }>;
}

/** The rationale of task `id`; throws when the task was not asked. */
export function rationaleOf(questions: Map<string, DraftQuestion>, id: string): readonly string[] {
  const found = questions.get(id);
  if (found === undefined) throw new Error(`task ${id} was not asked`);
  return found.rationale;
}
