import { describe, expect, it } from 'vitest';
import { isScenario, scenarioProblems } from '../contract.js';
import { bars } from './fixtures.js';

describe('the scenario contract', () => {
  it('holds for a scenario made by defineScenario', () => {
    expect(scenarioProblems(bars)).toEqual([]);
    expect(isScenario(bars)).toBe(true);
    expect(scenarioProblems({ ...bars, styles: ['crisp'] })).toEqual([]);
  });

  it('names each field that breaks it', () => {
    expect(scenarioProblems(null)).toEqual(['it is not an object made by defineScenario']);
    expect(scenarioProblems({ ...bars, id: 'Bars' })).toEqual([expect.stringMatching(/^id: /)]);
    expect(scenarioProblems({ ...bars, version: 0 })).toEqual(['version: must be a positive integer']);
    expect(scenarioProblems({ ...bars, levels: { 1: {}, 2: {}, 3: {}, 5: {} } })).toEqual(['levels.4: missing']);
    expect(scenarioProblems({ ...bars, tasks: [...bars.tasks, bars.tasks[0]] })).toEqual(['tasks[2].id: "count" is used twice']);
  });

  it('refuses a sampler that takes the size and resources apart', () => {
    const sample = (_rng: unknown, _params: unknown, _size: unknown, _resources: unknown) => ({ heights: [] });
    expect(scenarioProblems({ ...bars, sample })).toEqual(['sample: must take (rng, params, { size, resources }); it declares 4 parameters']);
  });

  it('refuses styles that are not crisp or sketch, or none', () => {
    const problem = 'styles: must be a non-empty list of crisp and sketch when given';
    expect(scenarioProblems({ ...bars, styles: [] })).toEqual([problem]);
    expect(scenarioProblems({ ...bars, styles: ['crisp', 'watercolour'] })).toEqual([problem]);
    expect(scenarioProblems({ ...bars, styles: 'crisp' })).toEqual([problem]);
  });
});
