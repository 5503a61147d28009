import { readFileSync } from 'node:fs';
import { levelsTable, markedSection, paramsTable } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { charts } from '../chart/scenario.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const regenerate = 'regenerate it: npm run build && node scripts/docs.mjs --write';

describe('the README', () => {
  it('has the params and levels tables of the schema and presets', () => {
    expect(markedSection(readme, 'params'), regenerate).toBe(paramsTable(charts));
    expect(markedSection(readme, 'levels'), regenerate).toBe(levelsTable(charts));
  });

  it('lists every task', () => {
    for (const task of charts.tasks) expect(readme).toContain(`\`${task.id}\``);
  });
});
