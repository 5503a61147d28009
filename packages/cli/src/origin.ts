import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyScenario } from '@absynth/core';
import type { ScenarioOrigin } from '@absynth/engine';

/**
 * The npm package that exports `scenario`, found among the modules the CLI loaded (built-in
 * packages and plugins): the nearest package.json above the module that exports it, when it has
 * a name and a version. Undefined for a scenario in a loose file outside any package.
 */
export async function scenarioOrigin(scenario: AnyScenario, modules: readonly string[]): Promise<ScenarioOrigin | undefined> {
  for (const url of modules) {
    if (!url.startsWith('file:')) continue;
    const exports = (await import(url)) as Record<string, unknown>;
    const found = Object.values(exports).some((value) => value === scenario || (Array.isArray(value) && value.includes(scenario)));
    if (found) return packageAbove(fileURLToPath(url));
  }
  return undefined;
}

async function packageAbove(file: string): Promise<ScenarioOrigin | undefined> {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
      // A package.json without a name (such as {"type": "module"} in a folder) is not a package.
      if (typeof pkg.name === 'string' && typeof pkg.version === 'string') return { name: pkg.name, version: pkg.version };
    }
    if (dirname(dir) === dir) return undefined;
  }
}
