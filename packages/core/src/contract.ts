import { z } from 'zod';
import type { AnyScenario } from './scenario.js';
import { levels, questionKinds } from './scenario.js';

const idPattern = /^[a-z][a-z0-9-]*$/;

/**
 * The problems that keep `value` from being a scenario, each naming the field; empty when it
 * satisfies the contract. Used to check plugins before running them.
 */
export function scenarioProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['it is not an object made by defineScenario'];
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof s.id !== 'string' || !idPattern.test(s.id)) {
    problems.push('id: must be a string of lowercase letters, digits and dashes, starting with a letter');
  }
  if (typeof s.version !== 'number' || !Number.isInteger(s.version) || s.version < 1) {
    problems.push('version: must be a positive integer');
  }
  if (typeof s.title !== 'string' || s.title === '') problems.push('title: must be a non-empty string');
  if (typeof s.summary !== 'string' || s.summary === '') problems.push('summary: must be a non-empty string');
  if (!(s.params instanceof z.ZodObject)) {
    problems.push('params: must be a zod object schema (z.object from the zod that @absynth/core exports)');
  } else if (!s.params.safeParse({}).success) {
    problems.push('params: every field needs a default, so that {} is valid');
  }
  if (typeof s.levels !== 'object' || s.levels === null) {
    problems.push('levels: must map each level 1–5 to a partial params object');
  } else {
    for (const level of levels) {
      const preset = (s.levels as Record<number, unknown>)[level];
      if (typeof preset !== 'object' || preset === null) problems.push(`levels.${level}: missing`);
    }
  }
  for (const fn of ['sample', 'draw'] as const) {
    if (typeof s[fn] !== 'function') problems.push(`${fn}: must be a function`);
  }
  // The size and the resources come in one object; a sampler declaring a fourth parameter
  // expects them apart, and would get neither.
  if (typeof s.sample === 'function' && s.sample.length > 3) {
    problems.push(`sample: must take (rng, params, { size, resources }); it declares ${s.sample.length} parameters`);
  }
  if (s.size !== undefined && typeof s.size !== 'function') problems.push('size: must be a function when given');
  if (s.styles !== undefined) {
    const known = ['crisp', 'sketch'];
    if (!Array.isArray(s.styles) || s.styles.length === 0 || s.styles.some((style) => !known.includes(style as string))) {
      problems.push('styles: must be a non-empty list of crisp and sketch when given');
    }
  }
  if (s.text !== undefined && typeof s.text !== 'function') problems.push('text: must be a function when given');
  if (!Array.isArray(s.tasks) || s.tasks.length === 0) {
    problems.push('tasks: must be a non-empty array of defineTask objects');
  } else {
    const seen = new Set<string>();
    s.tasks.forEach((task: unknown, i: number) => {
      const t = (task ?? {}) as Record<string, unknown>;
      if (typeof t.id !== 'string' || !idPattern.test(t.id)) problems.push(`tasks[${i}].id: must be a lowercase id`);
      else if (seen.has(t.id)) problems.push(`tasks[${i}].id: "${t.id}" is used twice`);
      else seen.add(t.id);
      if (!(questionKinds as readonly unknown[]).includes(t.kind)) {
        problems.push(`tasks[${i}].kind: must be one of ${questionKinds.join(', ')}`);
      }
      if (typeof t.ask !== 'function') problems.push(`tasks[${i}].ask: must be a function`);
    });
  }
  return problems;
}

/** Whether `value` satisfies the scenario contract. */
export function isScenario(value: unknown): value is AnyScenario {
  return scenarioProblems(value).length === 0;
}
