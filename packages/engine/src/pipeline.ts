import { ScenarioError, UsageError } from '@absynth/core';
import { answerText, checkLevel, itemRng, registry as defaultRegistry, resolveParams, scoreResponse } from '@absynth/core';
import type { Answer, AnyScenario, Level, ParamsInput, QuestionKind, Registry, Rng, SampleResources, ScenarioId, ScenarioRegistry, SceneOf, Size } from '@absynth/core';
import type { Box, DrawingStyle, Theme } from '@absynth/render';
import { createPen, getTheme, renderImage, themeNames } from '@absynth/render';
import type { Modality } from './modality.js';
import { modalities } from './modality.js';
import { untilAborted } from './abort.js';
import { draftInWorkers, resolveModule } from './parallel.js';
import type { QuestionWriter, WriterInput, WrittenQuestion } from './writer.js';
import { templateWriter } from './writer.js';

/** The seed used when none is given. */
export const DEFAULT_SEED = 1;

/** The image size used when neither the user nor the scenario gives one. */
export const DEFAULT_SIZE: Size = { width: 512, height: 512 };

/** One question about an image, as stored in `samples.jsonl`. */
export interface QA {
  /** `<sample id>-<task id>`. */
  id: string;
  task: string;
  kind: QuestionKind;
  question: string;
  answer: Answer;
  /** The canonical text of the answer, the training target. */
  answerText: string;
  rationale: string;
  /** The image regions that show the answer. */
  regions: { id: string; box: Box }[];
}

/**
 * One generated item with its provenance, scene and questions, as stored in `samples.jsonl`.
 * `M` narrows the modality, and with it which of `image` and `text` are null.
 */
export interface SampleRecord<S = unknown, M extends Modality = Modality> {
  id: string;
  scenario: string;
  scenarioVersion: number;
  seed: number;
  index: number;
  level: Level;
  params: Record<string, unknown>;
  theme: string;
  style: DrawingStyle;
  /** What a model is shown: the image, the scene's text rendering, or both. */
  modality: M;
  /** Path of the PNG relative to the dataset folder; null for text-only records. */
  image: M extends 'text' ? null : string;
  /** Size of the drawing in pixels: the image's, and the frame of the regions (text-only items are drawn too). */
  width: number;
  height: number;
  /** The scene as the scenario's plain-text rendering, for `text` and `both`; null for `image`. */
  text: M extends 'image' ? null : string;
  scene: S;
  qa: QA[];
}

/** A sample as the pipeline yields it: the record plus the image bytes (null for text-only items). */
export interface GeneratedSample<S = unknown, M extends Modality = 'image'> extends SampleRecord<S, M> {
  png: M extends 'text' ? null : Buffer;
  svg: M extends 'text' ? null : string;
}

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
  size: Size | undefined;
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
  return {
    scenario,
    params,
    level,
    seed,
    start,
    count: options.count,
    size: options.size,
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

function checkSize(size: Size): void {
  for (const key of ['width', 'height'] as const) {
    const v = size[key];
    if (!Number.isInteger(v) || v < 64 || v > 4096) {
      throw new UsageError(`invalid size ${key} ${JSON.stringify(v)}: must be an integer from 64 to 4096 pixels`);
    }
  }
}

/** The id of item `index` of a run: `<scenario>-s<seed>-<index, 6 digits>`. */
export function sampleId(scenario: string, seed: number, index: number): string {
  return `${scenario}-s${seed}-${String(index).padStart(6, '0')}`;
}

/** The scene type of the scenario an options object names, by object or by registered id. */
type SceneOfOption<T> = T extends ScenarioId ? SceneOf<ScenarioRegistry[T]> : SceneOf<T>;

/**
 * Generates samples `start .. start + count - 1` in index order. Each item depends only on
 * (scenario id, version, seed, index) and the options, never on the items before it.
 */
export function generate<T extends AnyScenario | ScenarioId, M extends Modality>(
  options: GenerateOptions<T, M> & { modality: M },
): AsyncGenerator<GeneratedSample<SceneOfOption<T>, M>>;
// Without a modality the samples are images. This signature comes last so that
// `Parameters<typeof generate>` is the common, image-only form.
export function generate<T extends AnyScenario | ScenarioId>(
  options: GenerateOptions<T, 'image'>,
): AsyncGenerator<GeneratedSample<SceneOfOption<T>, 'image'>>;
export async function* generate(options: GenerateOptions): AsyncGenerator<GeneratedSample<unknown, Modality>> {
  const plan = planRun(options);
  const { signal } = plan;
  // A writer that waits on the network words several items at once; samples still come out in index order.
  const window = Math.max(1, plan.writer.concurrency ?? 1);
  const pending: Promise<GeneratedSample<unknown, Modality>>[] = [];
  const start = (drafted: DraftedSample) => {
    const written = writeItem(plan, drafted);
    // Awaited in order below; this only keeps a failure from being reported as unhandled meanwhile.
    written.catch(() => {});
    pending.push(written);
  };
  const next = () => untilAborted(pending.shift() as Promise<GeneratedSample<unknown, Modality>>, signal);
  if (plan.workers > 1 && plan.count > 1) {
    for await (const drafted of draftInWorkers(plan, plan.modules, Math.min(plan.workers, plan.count))) {
      start(drafted);
      if (pending.length >= window) yield await next();
    }
  } else {
    for (let index = plan.start; index < plan.start + plan.count; index++) {
      signal?.throwIfAborted();
      start(await draftItem(plan, index));
      if (pending.length >= window) yield await next();
      // resvg frees an image's native memory only between event-loop turns; without this turn a
      // loop that does no I/O grows by megabytes per image.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  while (pending.length > 0) yield await next();
}

/** A question with its verified answer, before a writer words it. */
export interface DraftedQA extends Omit<QA, 'question' | 'rationale'> {
  /** The task's phrasings of the question. */
  phrasings: string[];
  /** The derivation, one step per entry. */
  steps: string[];
}

/** A sample before its questions are worded: everything but the writer's output. */
export interface DraftedSample<S = unknown, M extends Modality = Modality> extends Omit<GeneratedSample<S, M>, 'qa'> {
  qa: DraftedQA[];
}

/** Generates item `index` of a planned run. */
export async function generateItem(plan: RunPlan, index: number): Promise<GeneratedSample<unknown, Modality>> {
  return writeItem(plan, await draftItem(plan, index));
}

/**
 * Samples, draws and answers item `index`: the pure, CPU-bound part of an item, which worker
 * threads run. Every answer is checked against its own scorer here.
 */
export async function draftItem(plan: RunPlan, index: number): Promise<DraftedSample> {
  const { scenario, seed } = plan;
  const fail = (problem: string) => new ScenarioError(scenario.id, seed, index, problem);
  const rng = itemRng({ scenario: scenario.id, version: scenario.version, seed, index });

  const attempt = async <T>(what: string, run: () => T | Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw fail(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const scene = await attempt('sample', () => scenario.sample(rng.fork('scene'), plan.params, plan.resources));
  if (scene === undefined || scene === null) throw fail('sample returned no scene');

  const theme: Theme = getTheme(plan.theme === 'auto' ? rng.fork('theme').pick(themeNames) : plan.theme);
  const size = plan.size ?? scenario.size?.(plan.params) ?? DEFAULT_SIZE;
  const pen = createPen({ width: size.width, height: size.height, theme });
  await attempt('draw', () => scenario.draw(scene, pen));
  const regions = pen.regions();
  // Text-only items are drawn, so the regions questions name are still checked, but not
  // rasterized: rasterizing is most of an item's time. Skipping it changes no rng stream.
  const image = plan.modality === 'text' ? null : renderImage(pen, { style: plan.style, seed: rng.fork('draw').uint32() });
  let text: string | null = null;
  if (plan.modality !== 'image') {
    const render = scenario.text;
    if (render === undefined) throw fail(`modality ${plan.modality} needs the scenario's text rendering`);
    const rendered: unknown = await attempt('text', () => render(scene));
    if (typeof rendered !== 'string' || rendered.trim() === '') {
      throw fail(`text returned ${JSON.stringify(rendered)}, not a non-empty string`);
    }
    text = rendered;
  }

  const id = sampleId(scenario.id, seed, index);
  const qa: DraftedQA[] = [];
  for (const task of scenario.tasks) {
    if (!plan.tasks.includes(task.id)) continue;
    const draft = await attempt(`task "${task.id}"`, () => task.ask(scene, rng.fork(`task:${task.id}`)));
    if (draft === undefined) continue;
    const text = answerText(draft.answer);
    if (scoreResponse(scenario, scene, draft.answer, text) !== 1) {
      throw fail(`task "${task.id}" gave the answer "${text}", which its own scorer does not accept`);
    }
    const phrasings = typeof draft.question === 'string' ? [draft.question] : [...draft.question];
    if (phrasings.length === 0) throw fail(`task "${task.id}" gave no question text`);
    qa.push({
      id: `${id}-${task.id}`,
      task: task.id,
      kind: task.kind,
      phrasings,
      answer: draft.answer,
      answerText: text,
      steps: [...draft.rationale],
      regions: (draft.regions ?? []).map((regionId) => {
        const box = regions.get(regionId);
        if (box === undefined) throw fail(`task "${task.id}" names region "${regionId}", which draw did not draw`);
        return { id: regionId, box };
      }),
    });
  }

  return {
    id,
    scenario: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    index,
    level: plan.level,
    params: plan.params,
    theme: theme.name,
    style: plan.style,
    modality: plan.modality,
    image: image === null ? null : `images/${id}.png`,
    width: pen.width,
    height: pen.height,
    text,
    scene,
    qa,
    svg: image?.svg ?? null,
    png: image?.png ?? null,
  };
}

/** Words a drafted item's questions with the plan's writer, each with its own rng stream. */
export async function writeItem(plan: RunPlan, drafted: DraftedSample): Promise<GeneratedSample<unknown, Modality>> {
  const { scenario, seed } = plan;
  const rng = itemRng({ scenario: scenario.id, version: scenario.version, seed, index: drafted.index });
  const facts = drafted.text ?? scenario.text?.(drafted.scene) ?? null;
  const inputs: WriterInput[] = drafted.qa.map(({ phrasings, steps, ...question }) => ({
    scenario: scenario.id,
    task: question.task,
    kind: question.kind,
    phrasings,
    answer: question.answer,
    answerText: question.answerText,
    rationale: steps,
    scene: drafted.scene,
    facts,
    score: (response: string) => scoreResponse(scenario, drafted.scene, question.answer, response),
  }));
  const rngs = drafted.qa.map((question) => rng.fork(`writer:${question.task}`));
  const written =
    plan.writer.writeAll !== undefined
      ? await plan.writer.writeAll(inputs, rngs)
      : await inputs.reduce<Promise<WrittenQuestion[]>>(
          async (done, input, i) => [...(await done), await plan.writer.write(input, rngs[i] as Rng)],
          Promise.resolve([]),
        );
  if (written.length !== drafted.qa.length) {
    throw new ScenarioError(scenario.id, seed, drafted.index, `writer "${plan.writer.name}" returned ${written.length} questions for ${drafted.qa.length}`);
  }
  const qa: QA[] = drafted.qa.map(({ id, task, kind, answer, answerText, regions }, i) => ({
    id,
    task,
    kind,
    question: (written[i] as WrittenQuestion).question,
    answer,
    answerText,
    rationale: (written[i] as WrittenQuestion).rationale,
    regions,
  }));
  return { ...drafted, qa };
}

/** The scene of item `index`, sampled exactly as the pipeline samples it, without drawing. */
export function sampleScene(scenario: AnyScenario, params: Record<string, unknown>, seed: number, index: number, resources: SampleResources = {}): unknown {
  const rng = itemRng({ scenario: scenario.id, version: scenario.version, seed, index });
  return scenario.sample(rng.fork('scene'), params, resources);
}
