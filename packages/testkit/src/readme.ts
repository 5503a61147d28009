import { readFileSync } from 'node:fs';
import type { AnyScenario } from '@absynth/core';
import { levelsTable, markedSection, paramsTable } from '@absynth/core';
import { describe, expect, it } from 'vitest';

/** Options of the README check. */
export interface TestReadmeOptions {
  /** How to regenerate the tables, shown when one is stale; default the core functions that make them. */
  regenerate?: string;
}

/**
 * Registers tests that a package README holds the params and levels tables generated from each
 * scenario's schema and presets (between `<!-- params:start -->` and `<!-- params:end -->`
 * markers, likewise `levels`, for the first scenario; `params-<id>` and `levels-<id>` for the
 * others) and names every task id in backticks. They fail when a scenario changes without its
 * README.
 */
export function testReadme(readme: URL | string, scenarios: readonly AnyScenario[], options: TestReadmeOptions = {}): void {
  const regenerate = `regenerate it: ${options.regenerate ?? 'replaceMarkedSection(readme, name, paramsTable(scenario)) and likewise levelsTable'}`;
  const text = () => readFileSync(readme, 'utf8');
  const marker = (table: 'params' | 'levels', i: number) => (i === 0 ? table : `${table}-${scenarios[i]?.id}`);
  describe('the README', () => {
    it('has the params table of each scenario', () => {
      for (const [i, scenario] of scenarios.entries()) expect(markedSection(text(), marker('params', i)), regenerate).toBe(paramsTable(scenario));
    });

    it('has the levels table of each scenario’s presets', () => {
      for (const [i, scenario] of scenarios.entries()) expect(markedSection(text(), marker('levels', i)), regenerate).toBe(levelsTable(scenario));
    });

    it('lists every task', () => {
      for (const task of scenarios.flatMap((s) => s.tasks)) expect(text()).toContain(`\`${task.id}\``);
    });
  });
}
