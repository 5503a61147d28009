import type { AnyScenario } from '@absynth/core';
import { Registry } from '@absynth/core';
import { maze } from '@absynth/maps';

/** The scenarios the CLI knows without plugins; each new scenario package adds its own here. */
export const builtinScenarios: readonly AnyScenario[] = [maze];

/** File URLs of the modules that export the built-in scenarios, for worker threads to import. */
export const builtinModules: readonly string[] = [import.meta.resolve('@absynth/maps')];

/** A registry holding the built-in scenarios, for one run of the CLI. */
export function createRegistry(): Registry {
  return new Registry().use(...builtinScenarios);
}
