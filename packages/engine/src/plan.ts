// A run's options, and their validation into the plan every item of the run is made from.
import { checkLevel, registry as defaultRegistry, resolveParams, UsageError } from '@absynth/core';
import type { AnyScenario, Level, ParamsInput, Registry, SampleResources, ScenarioId, ScenarioRegistry, Size } from '@absynth/core';
import type { DrawingStyle } from '@absynth/render';
import { themeNames } from '@absynth/render';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Modality, modalities } from './records.js';
import type { QuestionWriter } from './writer.js';
import { templateWriter } from './writer.js';

/** The seed used when none is given. */
export const DEFAULT_SEED = 1;

/** The image size used when neither the user nor the scenario gives one. */
export const DEFAULT_SIZE: Size = { width: 512, height: 512 };

/** What to generate. */
export interface GenerateOptions<
  T extends AnyScenario | ScenarioId = AnyScenario | ScenarioId,
  M extends Modality = Modality,
> {
  /** A scenario object, or the id of one in `registry`. */
  scenario: T;
  /** Params over the level's preset; validated against the scenario's schema. */
  params?: T extends ScenarioId ? ParamsInput<ScenarioRegistry[T]> : ParamsInput<T>;
  /** Difficulty 1–5; default 3. */
  level?: Level;
  /** The run's seed; default {@link DEFAULT_SEED}. */
  seed?: number;
  /** How many items. */
  count: number;
  /** Index of the first item; default 0. Item k is the same whatever range it is generated in. */
  start?: number;
  /** Image size; default the scenario's size for the params, else 512×512. */
  size?: Size;
  /** A theme name, or `auto` (default) to pick one per item with the item's rng. */
  theme?: string;
  /** Crisp or hand-drawn lines; default `crisp`. */
  style?: DrawingStyle;
  /**
   * What each record shows a model: `image` (default), `text` (the scenario's `text` rendering,
   * no image is rasterized) or `both`. The scenes, questions and images are the same for all three.
   */
  modality?: M;
  /** Only these task ids; default every task. */
  tasks?: readonly string[];
  /** Words the questions; default the offline template writer. */
  writer?: QuestionWriter;
  /** Data the scenario's sampler reads besides its params (see {@link SampleResources}); default none. */
  resources?: SampleResources;
  /** Where scenario ids are looked up; default the registry `use` fills. */
  registry?: Registry;
  /**
   * Worker threads that sample, draw and answer items in parallel; default 1 (this thread).
   * The output is the same for any number.
   */
  workers?: number;
  /**
   * Modules (package names, paths or file URLs) that export the scenario, imported by each
   * worker thread; required when `workers` is more than 1.
   */
  modules?: readonly string[];
  /** The package the scenario comes from, recorded in the manifest beside its id and version. */
  origin?: ScenarioOrigin;
  /** Stops the run: `generate` throws the signal's reason before the next item, and worker threads end. */
  signal?: AbortSignal;
}

/** The npm package a scenario comes from. */
export interface ScenarioOrigin {
  name: string;
  version: string;
}

/** A run's settings after validation, as recorded in the manifest. */
export interface RunPlan {
  scenario: AnyScenario;
  params: Record<string, unknown>;
  level: Level;
  seed: number;
  start: number;
  count: number;
  /** The size the options asked for, as the manifest records it; undefined when they gave none. */
  size: Size | undefined;
  /** The size every item is sampled for and drawn at: `size`, else the scenario's size for the params, else {@link DEFAULT_SIZE}. */
  imageSize: Size;
  theme: string;
  style: DrawingStyle;
  modality: Modality;
  tasks: readonly string[];
  writer: QuestionWriter;
  resources: SampleResources;
  workers: number;
  /** The `modules` as file URLs. */
  modules: readonly string[];
  origin: ScenarioOrigin | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Validates generation options without generating anything; throws a {@link UsageError}
 * naming the first bad field.
 */
export function planRun(options: GenerateOptions): RunPlan {
  const registry = options.registry ?? defaultRegistry;
  const scenario = typeof options.scenario === 'string' ? registry.get(options.scenario) : options.scenario;
  const level = checkLevel(options.level ?? 3);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`invalid seed ${JSON.stringify(seed)}: must be a non-negative integer`);
  }
  const start = options.start ?? 0;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new UsageError(`invalid start ${JSON.stringify(start)}: must be a non-negative integer`);
  }
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new UsageError(`invalid count ${JSON.stringify(options.count)}: must be a non-negative integer`);
  }
  // Past 2^53 − 1 indices collide (n + 1 === n), so items would be lost; `start + count` itself
  // rounds there, hence the check by subtraction.
  if (options.count > 0 && options.count - 1 > Number.MAX_SAFE_INTEGER - start) {
    throw new UsageError(
      `invalid start ${start} with count ${options.count}: the last index, start + count − 1, must be at most ${Number.MAX_SAFE_INTEGER} (2^53 − 1)`,
    );
  }
  if (options.size !== undefined) checkSize(options.size);
  const theme = options.theme ?? 'auto';
  if (theme !== 'auto' && !themeNames.includes(theme)) {
    throw new UsageError(`unknown theme "${theme}"; allowed: auto, ${themeNames.join(', ')}`);
  }
  const style = options.style ?? 'crisp';
  if (style !== 'crisp' && style !== 'sketch') {
    throw new UsageError(`invalid style "${String(style)}"; allowed: crisp, sketch`);
  }
  const styles = scenario.styles ?? ['crisp', 'sketch'];
  if (!styles.includes(style)) {
    throw new UsageError(`invalid style "${style}": scenario "${scenario.id}" draws only ${styles.join(', ')}`);
  }
  const modality = options.modality ?? 'image';
  if (!modalities.includes(modality)) {
    throw new UsageError(`invalid modality "${String(modality)}"; allowed: ${modalities.join(', ')}`);
  }
  if (modality !== 'image' && scenario.text === undefined) {
    throw new UsageError(
      `modality ${modality}: scenario "${scenario.id}" has no text rendering, so it can only be written as images (modality image)`,
    );
  }
  const taskIds = scenario.tasks.map((t: { id: string }) => t.id);
  const tasks = options.tasks ?? taskIds;
  for (const id of tasks) {
    if (!taskIds.includes(id)) {
      throw new UsageError(`unknown task "${id}" for scenario "${scenario.id}"; tasks: ${taskIds.join(', ')}`);
    }
  }
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new UsageError(`invalid workers ${JSON.stringify(workers)}: must be an integer from 1 to 64`);
  }
  if (workers > 1 && (options.modules === undefined || options.modules.length === 0)) {
    throw new UsageError(
      `modules: worker threads import the scenario themselves, so pass the modules that export "${scenario.id}"`,
    );
  }
  const modules = (options.modules ?? []).map(resolveModule);
  const params = resolveParams(scenario, level, (options.params ?? {}) as Record<string, unknown>);
  const size = imageSize(scenario, params, options.size);
  if (options.size === undefined) checkSize(size, ` from the size(params) of scenario "${scenario.id}"`);
  return {
    scenario,
    params,
    level,
    seed,
    start,
    count: options.count,
    size: options.size,
    imageSize: size,
    theme,
    style,
    modality,
    tasks,
    writer: options.writer ?? templateWriter,
    resources: checkResources(options.resources ?? {}),
    workers,
    modules,
    origin: options.origin,
    signal: options.signal,
  };
}

/** Resources must be plain JSON, so they reach worker threads and the manifest's digest unchanged. */
function checkResources(resources: SampleResources): SampleResources {
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) {
    throw new UsageError('invalid resources: must be an object of named JSON values, such as { topics: library }');
  }
  for (const [name, value] of Object.entries(resources)) {
    let copy: unknown;
    try {
      copy = JSON.parse(JSON.stringify(value));
    } catch {
      copy = undefined;
    }
    if (copy === undefined || JSON.stringify(copy) !== JSON.stringify(value)) throw new UsageError(`invalid resources.${name}: must be plain JSON`);
  }
  return resources;
}

/** `source` says where a size that the user did not give comes from. */
function checkSize(size: Size, source = ''): void {
  for (const key of ['width', 'height'] as const) {
    const v = size?.[key];
    if (!Number.isInteger(v) || (v as number) < 64 || (v as number) > 4096) {
      throw new UsageError(`invalid size ${key} ${JSON.stringify(v)}${source}: must be an integer from 64 to 4096 pixels`);
    }
  }
}

/** The size an item is sampled for and drawn at: the one asked for, else the scenario's for the params, else {@link DEFAULT_SIZE}. */
export function imageSize(scenario: AnyScenario, params: Record<string, unknown>, asked: Size | undefined): Size {
  return asked ?? scenario.size?.(params) ?? DEFAULT_SIZE;
}

/**
 * A module specifier as a file URL a worker can import: paths are resolved against the current
 * folder, package names from where `@absynth/core` is installed.
 */
export function resolveModule(specifier: string): string {
  if (specifier.startsWith('file:')) return specifier;
  if (specifier.startsWith('.') || isAbsolute(specifier)) return pathToFileURL(resolve(specifier)).href;
  try {
    return import.meta.resolve(specifier);
  } catch (error) {
    throw new UsageError(
      `cannot resolve module "${specifier}" for the worker threads (${(error as Error).message}); pass a path or a file URL`,
    );
  }
}
