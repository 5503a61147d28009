import type { AnyScenario, Answer, Level, SceneOf } from '@absynth/core';
import type { SampleRecord } from '@absynth/engine';
import { generate } from '@absynth/engine';
import { describe, expect, it } from 'vitest';

/** Options of the recompute suite; `S` is the scenario's scene type, which `verify` receives. */
export interface TestRecomputeOptions<S = unknown> {
  /**
   * The independent verifier: recomputes every answer (and the regions each question names) of a
   * sample from the scene's text rendering, and throws (or fails an `expect`) when one differs.
   */
  verify: (sample: SampleRecord<S>) => void;
  /** How many questions of each task id `verify` has checked, which it counts; every task must be checked at least once. */
  verified: ReadonlyMap<string, number>;
  /** Items generated per level; default 100. */
  count?: number;
  /** The levels run; default all five. */
  levels?: readonly Level[];
  /** The seed of the runs; default 7. */
  seed?: number;
  /**
   * The id a changed question names instead of its `index`-th region's `id`; default the id with
   * its trailing number one higher (`bar-0-3` → `bar-0-4`). A question whose ids all stay the
   * same is not checked for regions.
   */
  changeRegion?: (id: string, index: number) => string;
}

/** The trailing number of an id, one higher. */
const nextId = (id: string) => id.replace(/(\d+)$/, (n) => String(Number(n) + 1));

/** A different answer of the same type, which a verifier must reject; undefined for captions (scored by overlap, not right or wrong). */
function changedAnswer(answer: Answer): Answer | undefined {
  const changed = structuredClone(answer) as Answer;
  switch (changed.type) {
    case 'number':
      // Past the tolerance (relative, or the absolute margin), so the change is a wrong answer and not another reading.
      changed.value += Math.max(10 ** -(changed.precision ?? 0), changed.margin === undefined ? 3 * (changed.tolerance ?? 0.05) * Math.abs(changed.value) : 3 * changed.margin);
      return changed;
    case 'integer':
      changed.value += 1;
      return changed;
    case 'text':
      changed.value = `${changed.value}x`;
      return changed;
    case 'boolean':
      changed.value = !changed.value;
      return changed;
    case 'choice':
      changed.value = changed.value === 'A' ? 'B' : 'A';
      return changed;
    case 'list':
      changed.value = [...changed.value].reverse();
      return changed;
    case 'cell':
      changed.row += 1;
      return changed;
    case 'time':
      changed.minutes = (changed.minutes + 1) % 60;
      return changed;
    case 'route':
      changed.steps = changed.steps.map((step, i) => (i === 0 ? { ...step, count: step.count + 1 } : step));
      return changed;
    case 'caption':
      return undefined;
  }
}

/**
 * Registers the recompute suite for a scenario in the current vitest file: every answer of
 * `count` text-modality samples per level recomputed by an independent verifier (every failing
 * sample listed), every task checked at least once, and a changed answer or a changed region of
 * every question (50 samples, levels 2 and 5) rejected by the verifier.
 */
export function testRecompute<T extends AnyScenario>(scenario: T, options: TestRecomputeOptions<SceneOf<T>>): void {
  const { verify, verified, count = 100, levels = [1, 2, 3, 4, 5], seed = 7, changeRegion = nextId } = options;
  describe(`every "${scenario.id}" answer recomputed from the text rendering`, () => {
    it.each(levels)('level %i', async (level) => {
      let n = 0;
      // Every failing sample is listed, not only the first.
      const failures: string[] = [];
      for await (const sample of generate({ scenario, level, seed, count, modality: 'text' })) {
        try {
          verify(sample as SampleRecord<SceneOf<T>>);
        } catch (error) {
          failures.push(String((error as Error).message).split('\n')[0] ?? '');
        }
        n++;
      }
      expect(n).toBe(count);
      expect(failures).toEqual([]);
    });

    it('checked every task at least once', () => {
      for (const task of scenario.tasks) expect(verified.get(task.id) ?? 0, task.id).toBeGreaterThan(0);
    });

    it('rejects a changed answer or a changed region of every question', async () => {
      let rejected = 0;
      for (const level of [2, 5] as const) {
        for await (const generated of generate({ scenario, level, seed: 11, count: 25, modality: 'text' })) {
          const original = generated as SampleRecord<SceneOf<T>>;
          original.qa.forEach((qa, q) => {
            const answer = changedAnswer(qa.answer);
            if (answer === undefined) return;
            const changed = { ...original, qa: original.qa.map((other, j) => (j === q ? { ...other, answer } : other)) };
            expect(() => verify(changed), `${original.id} ${qa.task}`).toThrow();
            const regions = qa.regions.map((r, j) => ({ ...r, id: changeRegion(r.id, j) }));
            if (regions.some((r, j) => r.id !== qa.regions[j]?.id)) {
              const moved = { ...original, qa: original.qa.map((other, j) => (j === q ? { ...other, regions } : other)) };
              expect(() => verify(moved), `${original.id} ${qa.task} regions`).toThrow();
            }
            rejected++;
          });
        }
      }
      expect(rejected).toBeGreaterThan(100);
    });
  });
}
