import { UsageError } from './errors.js';
import type { AnyScenario } from './scenario.js';

/**
 * The scenarios known at compile time. Each scenario package adds itself by declaration
 * merging, so `generate({ scenario: 'maze', params })` checks `params` against maze's schema:
 *
 * ```ts
 * declare module '@absynth/core' {
 *   interface ScenarioRegistry { maze: typeof maze }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface ScenarioRegistry {}

/** The id of a registered scenario. */
export type ScenarioId = keyof ScenarioRegistry & string;

/** A set of scenarios looked up by id. Registration is explicit: nothing registers on import. */
export class Registry {
  readonly #scenarios = new Map<string, AnyScenario>();

  /** Adds scenarios; a second, different scenario with the same id is an error. */
  use(...scenarios: AnyScenario[]): this {
    for (const scenario of scenarios) {
      const existing = this.#scenarios.get(scenario.id);
      if (existing !== undefined && existing !== scenario) {
        throw new UsageError(`a different scenario with id "${scenario.id}" is already registered`);
      }
      this.#scenarios.set(scenario.id, scenario);
    }
    return this;
  }

  /** Whether a scenario with this id is registered. */
  has(id: string): boolean {
    return this.#scenarios.has(id);
  }

  /** The scenario with this id; throws a usage error listing the registered ids. */
  get<Id extends ScenarioId>(id: Id): ScenarioRegistry[Id];
  get(id: string): AnyScenario;
  get(id: string): AnyScenario {
    const scenario = this.#scenarios.get(id);
    if (scenario === undefined) {
      const known = [...this.#scenarios.keys()].sort();
      throw new UsageError(
        `unknown scenario "${id}"; ${known.length > 0 ? `known scenarios: ${known.join(', ')}` : 'no scenarios are registered'}`,
      );
    }
    return scenario;
  }

  /** Every registered scenario, sorted by id. */
  list(): AnyScenario[] {
    return [...this.#scenarios.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}

/** The default registry that `use` fills and `generate` reads when given a scenario id. */
export const registry = new Registry();

/** Registers scenarios in the default registry. */
export function use(...scenarios: AnyScenario[]): Registry {
  return registry.use(...scenarios);
}
