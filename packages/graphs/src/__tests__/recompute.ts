import type { Answer, Level, Scenario } from '@absynth/core';
import type { SampleRecord } from '@absynth/engine';
import { generate } from '@absynth/engine';
import { describe, expect, it } from 'vitest';

/** What a recompute suite needs: the scenario, its independent verifier, the tasks it saw, and two region ids to swap. */
export interface RecomputeSuite<S> {
  noun: string;
  scenario: Scenario<string, any, S>;
  verify: (sample: SampleRecord<S>) => void;
  verified: ReadonlyMap<string, number>;
  /** A region a mutated question names instead of its own (the second when it already names the first). */
  regionSwap: [string, string];
}

const perLevel = 100;

/** Every answer of 100 samples per level recomputed by the verifier, every task seen, and every changed answer or region rejected. */
export function recomputeSuite<S>({ noun, scenario, verify, verified, regionSwap: [first, second] }: RecomputeSuite<S>): void {
  describe(`every ${noun} answer recomputed from the text rendering`, () => {
    it.each([1, 2, 3, 4, 5] as const)('level %i', async (level: Level) => {
      let n = 0;
      // Every failing sample is listed, not only the first.
      const failures: string[] = [];
      for await (const sample of generate({ scenario, level, seed: 7, count: perLevel, modality: 'text' })) {
        try {
          verify(sample);
        } catch (error) {
          failures.push(String((error as Error).message).split('\n')[0] ?? '');
        }
        n++;
      }
      expect(n).toBe(perLevel);
      expect(failures).toEqual([]);
    });

    it('checked every task at least once', () => {
      for (const task of scenario.tasks) expect(verified.get(task.id) ?? 0, task.id).toBeGreaterThan(0);
    });

    it('rejects a changed answer or a changed region of every question', async () => {
      let rejected = 0;
      for (const level of [2, 5] as const) {
        for await (const original of generate({ scenario, level, seed: 11, count: 25, modality: 'text' })) {
          original.qa.forEach((qa, q) => {
            const answer = structuredClone(qa.answer) as Answer;
            if (answer.type === 'integer') answer.value += 1;
            else if (answer.type === 'text') answer.value = `${answer.value}x`;
            else if (answer.type === 'boolean') answer.value = !answer.value;
            else if (answer.type === 'choice') answer.value = answer.value === 'A' ? 'B' : 'A';
            else if (answer.type === 'list') answer.value = [...answer.value].reverse();
            const changed = { ...original, qa: original.qa.map((other, j) => (j === q ? { ...other, answer } : other)) };
            expect(() => verify(changed), `${original.id} ${qa.task}`).toThrow();
            if (qa.regions.length > 0) {
              const regions = qa.regions.map((r, j) => (j === 0 ? { ...r, id: r.id === first ? second : first } : r));
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
