import { readFileSync } from 'node:fs';
import { levelsTable, markedSection, paramsTable } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { flowcharts } from '../flowchart/scenario.js';
import { graphs } from '../graph/scenario.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const regenerate = 'regenerate it: npm run build && node scripts/docs.mjs --write';

describe('the README', () => {
  it('has the params and levels tables of each scenario', () => {
    expect(markedSection(readme, 'params'), regenerate).toBe(paramsTable(graphs));
    expect(markedSection(readme, 'levels'), regenerate).toBe(levelsTable(graphs));
    expect(markedSection(readme, 'params-flowcharts'), regenerate).toBe(paramsTable(flowcharts));
    expect(markedSection(readme, 'levels-flowcharts'), regenerate).toBe(levelsTable(flowcharts));
  });

  it('lists every task', () => {
    for (const task of [...graphs.tasks, ...flowcharts.tasks]) expect(readme).toContain(`\`${task.id}\``);
  });
});
