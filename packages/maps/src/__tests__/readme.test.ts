import { readFileSync } from 'node:fs';
import { levelsTable, markedSection, paramsTable } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { maze } from '../maze/scenario.js';
import { roadmap } from '../roadmap/scenario.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const regenerate = 'regenerate it: npm run build && node scripts/docs.mjs --write';

// The README's tables are generated from the params schema and the level presets; these fail
// when either changes without the README.
describe('the README', () => {
  it('has the params table of each schema', () => {
    expect(markedSection(readme, 'params'), regenerate).toBe(paramsTable(maze));
    expect(markedSection(readme, 'params-roadmap'), regenerate).toBe(paramsTable(roadmap));
  });

  it('has the levels table of each scenario’s presets', () => {
    expect(markedSection(readme, 'levels'), regenerate).toBe(levelsTable(maze));
    expect(markedSection(readme, 'levels-roadmap'), regenerate).toBe(levelsTable(roadmap));
  });

  it('lists every task', () => {
    for (const task of [...maze.tasks, ...roadmap.tasks]) expect(readme).toContain(`\`${task.id}\``);
  });
});
