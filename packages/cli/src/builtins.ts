import type { AnyScenario } from '@absynth/core';
import { Registry } from '@absynth/core';
import { charts } from '@absynth/charts';
import { dashboards } from '@absynth/dashboards';
import { flowcharts, graphs } from '@absynth/graphs';
import { maze, roadmap } from '@absynth/maps';
import { tables } from '@absynth/tables';
import type { CatalogEntry } from './catalog.js';

/** A scenario package the CLI has built in: its name, its module (for worker threads) and scenarios. */
interface BuiltinPackage {
  name: string;
  module: string;
  scenarios: readonly AnyScenario[];
}

/** The scenario packages the CLI knows without plugins; each new scenario package adds itself here. */
const builtinPackages: readonly BuiltinPackage[] = [
  { name: '@absynth/maps', module: import.meta.resolve('@absynth/maps'), scenarios: [maze, roadmap] },
  { name: '@absynth/tables', module: import.meta.resolve('@absynth/tables'), scenarios: [tables] },
  { name: '@absynth/charts', module: import.meta.resolve('@absynth/charts'), scenarios: [charts] },
  { name: '@absynth/graphs', module: import.meta.resolve('@absynth/graphs'), scenarios: [graphs, flowcharts] },
  { name: '@absynth/dashboards', module: import.meta.resolve('@absynth/dashboards'), scenarios: [dashboards] },
];

/** The scenarios the CLI knows without plugins. */
export const builtinScenarios: readonly AnyScenario[] = builtinPackages.flatMap((p) => p.scenarios);

/** File URLs of the modules that export the built-in scenarios, for worker threads to import. */
export const builtinModules: readonly string[] = builtinPackages.map((p) => p.module);

/** The built-in scenarios with their packages, for the scenario catalog. */
export const builtinCatalog: readonly CatalogEntry[] = builtinPackages.flatMap((p) =>
  p.scenarios.map((scenario) => ({ scenario, package: p.name })),
);

/** A registry holding the built-in scenarios, for one run of the CLI. */
export function createRegistry(): Registry {
  return new Registry().use(...builtinScenarios);
}
