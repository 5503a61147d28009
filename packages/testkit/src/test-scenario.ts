import type { AnyScenario, Level, SceneOf } from '@absynth/core';
import type { GeneratedSample } from '@absynth/engine';
import { answerText, corruptAnswer, itemRng, levels, ParamsError, paramsJsonSchema, resolveParams, scenarioProblems, scoreResponse } from '@absynth/core';
import { generate, sampleScene } from '@absynth/engine';
import { describe, expect, it } from 'vitest';

/** Options of the conformance suite; `S` is the scenario's scene type, which `verify` receives. */
export interface TestScenarioOptions<S = unknown> {
  /** The seed of the runs; default 1. */
  seed?: number;
  /** Items generated per level, with images and questions; default 8. */
  count?: number;
  /** Scenes sampled (without drawing) for the duplicate check; default 1,000. */
  distinctCount?: number;
  /** Scenes sampled per seed for the seed-overlap check (seeds s and s+1); default 1,000. */
  overlapCount?: number;
  /** The level of the duplicate and overlap checks; default 3. */
  level?: Level;
  /**
   * Checks a generated sample against an independent solver; called for every sample the suite
   * generates. Throw (or fail an `expect`) when an answer is wrong.
   */
  verify?: (sample: GeneratedSample<S>) => void;
  /** Timeout per test in milliseconds, a guard against hangs; default 600,000 (ten minutes). */
  timeout?: number;
}

/**
 * Registers the conformance suite for a scenario in the current vitest file: the contract,
 * determinism of scenes, questions and PNG bytes, self-scoring, every level, params
 * validation, JSON round-trips, the text rendering when there is one, and no repeated scenes.
 */
export function testScenario<T extends AnyScenario>(scenario: T, options: TestScenarioOptions<SceneOf<T>> = {}): void {
  const seed = options.seed ?? 1;
  const count = options.count ?? 8;
  const level = options.level ?? 3;
  const timeout = options.timeout ?? 600_000;
  const collect = async (lvl: Level, start = 0, n = count, s = seed) => {
    const out: GeneratedSample<SceneOf<T>>[] = [];
    for await (const sample of generate({ scenario, level: lvl, seed: s, start, count: n })) out.push(sample);
    return out;
  };

  describe(`scenario "${scenario.id}" conformance`, () => {
    it('satisfies the scenario contract', () => {
      expect(scenarioProblems(scenario)).toEqual([]);
    });

    it('gives the same scene, questions and PNG bytes for the same seed and index', { timeout }, async () => {
      const first = await collect(level, 0, 4);
      const second = await collect(level, 0, 4);
      expect(second.map(comparable)).toEqual(first.map(comparable));
      const alone = await collect(level, 3, 1);
      expect(alone.map(comparable)).toEqual(first.slice(3).map(comparable));
    });

    it.each(levels)('generates at level %i, each question verified', { timeout }, async (lvl) => {
      const samples = await collect(lvl);
      expect(samples).toHaveLength(count);
      for (const sample of samples) {
        expect(sample.png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(sample.qa.length).toBeGreaterThan(0);
        for (const qa of sample.qa) {
          expect(qa.question.trim()).not.toBe('');
          expect(qa.rationale.trim()).not.toBe('');
          // A region a question names lies inside the image (within half a pixel).
          for (const { id, box } of qa.regions) {
            const where = `${sample.id} ${qa.task} region ${id}`;
            expect(box.x, where).toBeGreaterThanOrEqual(-0.5);
            expect(box.y, where).toBeGreaterThanOrEqual(-0.5);
            expect(box.x + box.width, where).toBeLessThanOrEqual(sample.width + 0.5);
            expect(box.y + box.height, where).toBeLessThanOrEqual(sample.height + 0.5);
          }
        }
        options.verify?.(sample);
      }
    });

    it('scores every answer 1 with its own scorer and a corrupted answer below 1', { timeout }, async () => {
      const samples = (await Promise.all(levels.map((lvl) => collect(lvl, 0, Math.max(2, count / 2))))).flat();
      let checked = 0;
      for (const sample of samples) {
        const rng = itemRng({ scenario: 'testkit-corrupt', version: 1, level: sample.level, seed, index: sample.index });
        for (const qa of sample.qa) {
          const where = `${sample.id} ${qa.task}`;
          expect(scoreResponse(scenario, sample.scene, qa.answer, qa.answerText), where).toBe(1);
          expect(scoreResponse(scenario, sample.scene, qa.answer, `The answer is ${qa.answerText}.`), where).toBe(1);
          const corrupted = answerText(corruptAnswer(qa.answer, (n) => rng.int(0, n - 1)));
          expect(corrupted, where).not.toBe(qa.answerText);
          expect(scoreResponse(scenario, sample.scene, qa.answer, corrupted), `${where}: "${corrupted}"`).toBeLessThan(1);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('rejects bad params with a message naming the field', () => {
      const properties = (paramsJsonSchema(scenario).properties ?? {}) as Record<string, Record<string, unknown>>;
      const fields = Object.keys(properties);
      expect(fields.length).toBeGreaterThan(0);
      for (const field of [...fields, 'notAParam']) {
        const bad: Record<string, unknown> = field === 'notAParam' ? { notAParam: 1 } : { [field]: badValue(properties[field] ?? {}) };
        let error: unknown;
        try {
          resolveParams(scenario, level, bad);
        } catch (e) {
          error = e;
        }
        expect(error, `params.${field} = ${JSON.stringify(bad[field])}`).toBeInstanceOf(ParamsError);
        expect((error as Error).message).toContain(field);
      }
    });

    it('keeps scenes and questions equal through a JSON round-trip', { timeout }, async () => {
      for (const sample of await collect(level, 0, 4)) {
        const parsed = JSON.parse(JSON.stringify(sample.scene));
        expect(parsed).toEqual(sample.scene);
        for (const task of scenario.tasks) {
          const taskRng = () =>
            itemRng({ scenario: scenario.id, version: scenario.version, level, seed, index: sample.index }).fork(
              `task:${task.id}`,
            );
          expect(task.ask(parsed, taskRng())).toEqual(task.ask(sample.scene, taskRng()));
        }
      }
    });

    it.skipIf(scenario.text === undefined)(
      'renders the scene as text, the same for the same scene and after a JSON round-trip',
      { timeout },
      () => {
        const params = resolveParams(scenario, level);
        for (let index = 0; index < count; index++) {
          const scene = sampleScene(scenario, params, { level, seed, index });
          const text = scenario.text?.(scene);
          expect(typeof text).toBe('string');
          expect((text as string).trim()).not.toBe('');
          expect(scenario.text?.(JSON.parse(JSON.stringify(scene)))).toBe(text);
        }
      },
    );

    it(`repeats no scene in a run of ${options.distinctCount ?? 1000}`, { timeout }, () => {
      const params = resolveParams(scenario, level);
      const seen = new Map<string, number>();
      for (let index = 0; index < (options.distinctCount ?? 1000); index++) {
        const key = JSON.stringify(sampleScene(scenario, params, { level, seed, index }));
        const previous = seen.get(key);
        expect(previous, `items ${previous} and ${index} have the same scene`).toBeUndefined();
        seen.set(key, index);
      }
    });

    it(`shares no scene between seeds ${seed} and ${seed + 1}`, { timeout }, () => {
      const params = resolveParams(scenario, level);
      const n = options.overlapCount ?? 1000;
      const first = new Set<string>();
      for (let index = 0; index < n; index++) first.add(JSON.stringify(sampleScene(scenario, params, { level, seed, index })));
      let shared = 0;
      for (let index = 0; index < n; index++) {
        if (first.has(JSON.stringify(sampleScene(scenario, params, { level, seed: seed + 1, index })))) shared++;
      }
      expect(shared).toBe(0);
    });

    it('gives different items at different levels of one seed', { timeout }, () => {
      const n = Math.min(200, options.overlapCount ?? 1000);
      const scenes = levels.map((lvl) => {
        const params = resolveParams(scenario, lvl);
        return new Set(Array.from({ length: n }, (_, index) => JSON.stringify(sampleScene(scenario, params, { level: lvl, seed, index }))));
      });
      for (const [i, a] of scenes.entries()) {
        for (const b of scenes.slice(i + 1)) expect([...a].filter((key) => b.has(key))).toEqual([]);
      }
    });
  });
}

function comparable(sample: GeneratedSample<unknown>) {
  const { png, ...rest } = sample;
  return { ...rest, png: png.toString('base64') };
}

/** A value the field's schema must reject: the wrong type, or outside its range or enum. */
function badValue(prop: Record<string, unknown>): unknown {
  if (Array.isArray(prop.enum)) return '__not-an-allowed-value__';
  if (prop.type === 'integer' || prop.type === 'number') {
    if (typeof prop.maximum === 'number') return prop.maximum + 1000;
    if (typeof prop.minimum === 'number') return prop.minimum - 1000;
    return 'not a number';
  }
  if (prop.type === 'boolean') return 'not a boolean';
  if (prop.type === 'string') return 12345;
  return Symbol('not a param value');
}
