import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../builtins.js';
import { scenarioCatalog } from '../catalog.js';

describe('docs/scenarios.md', () => {
  it('is the catalog generated from the built-in scenarios', () => {
    const committed = readFileSync(new URL('../../../../docs/scenarios.md', import.meta.url), 'utf8');
    expect(committed, 'docs/scenarios.md is stale: npm run build && node scripts/docs.mjs --write').toBe(
      scenarioCatalog(builtinCatalog),
    );
  });

  it('shows every task and param of every built-in scenario', () => {
    const page = scenarioCatalog(builtinCatalog);
    for (const { scenario } of builtinCatalog) {
      for (const task of scenario.tasks) expect(page).toContain(`| \`${task.id}\` | ${task.kind} |`);
      for (const name of Object.keys(scenario.params.shape)) expect(page).toContain(`| \`${name}\` |`);
    }
  });
});
