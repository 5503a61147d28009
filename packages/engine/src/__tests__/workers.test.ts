import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The built package, as worker threads load it: they cannot run the TypeScript sources.
import type { GeneratedSample } from '@absynth/engine';
import { ScenarioError, UsageError } from '@absynth/core';
import { generate, planRun } from '@absynth/engine';

const fixture = fileURLToPath(new URL('./fixtures/stripes.mjs', import.meta.url));
const { stripes } = await import(fixture);

const all = async (options: Parameters<typeof generate>[0]) => {
  const out: GeneratedSample[] = [];
  for await (const s of generate(options)) out.push(s);
  return out;
};

describe('worker threads', () => {
  it('give the same samples, in index order, as one thread', async () => {
    const options = { scenario: stripes, count: 11, seed: 4, start: 3 };
    const one = await all(options);
    const three = await all({ ...options, workers: 3, modules: [fixture] });
    expect(three.map((s) => s.index)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(three).toEqual(one);
  });

  it('need the modules that export the scenario', () => {
    expect(() => planRun({ scenario: stripes, count: 2, workers: 2 })).toThrow(
      /modules: worker threads import the scenario themselves, so pass the modules that export "test-stripes"/,
    );
    expect(() => planRun({ scenario: stripes, count: 2, workers: 0, modules: [fixture] })).toThrow(
      'invalid workers 0: must be an integer from 1 to 64',
    );
    expect(() => planRun({ scenario: stripes, count: 2, workers: 2, modules: ['no-such-package-xyz'] })).toThrow(
      /cannot resolve module "no-such-package-xyz"/,
    );
  });

  it('say which module lacks the scenario', async () => {
    const other = fileURLToPath(new URL('./fixtures/empty.mjs', import.meta.url));
    const run = all({ scenario: stripes, count: 4, workers: 2, modules: [other] });
    await expect(run).rejects.toThrow(UsageError);
    await expect(all({ scenario: stripes, count: 4, workers: 2, modules: [other] })).rejects.toThrow(
      /worker thread could not start: none of the modules .*empty\.mjs exports a scenario "test-stripes"/,
    );
  });

  it('report a failing item with its seed and index', async () => {
    const module = fixture.replace('stripes.mjs', 'failing.mjs');
    const { failing } = await import(module);
    const options = { scenario: failing, count: 6, seed: 2, start: 5, workers: 2, modules: [module] };
    await expect(all(options)).rejects.toThrow(ScenarioError);
    await expect(all(options)).rejects.toThrow(
      'scenario "test-failing" failed at seed 2, index 5: sample threw: no room for stripes',
    );
  });
});
