import { answerText, itemRng, ScenarioError, scoreResponse } from '@absynth/core';
import type { AnyScenario, Level, Rng, SampleContext, ScenarioId, ScenarioRegistry, SceneOf } from '@absynth/core';
import type { Shape, Theme } from '@absynth/render';
import { createPen, getTheme, renderImage, themeNames } from '@absynth/render';
import { untilAborted } from './abort.js';
import { draftInWorkers } from './parallel.js';
import { type GenerateOptions, imageSize, planRun, type RunPlan } from './plan.js';
import { type DraftedQA, type DraftedSample, type GeneratedSample, type Modality, type QA, sampleId } from './records.js';
import type { WriterInput, WrittenQuestion } from './writer.js';

/** The scene type of the scenario an options object names, by object or by registered id. */
type SceneOfOption<T> = T extends ScenarioId ? SceneOf<ScenarioRegistry[T]> : SceneOf<T>;

/**
 * Generates samples `start .. start + count - 1` in index order. Each item depends only on
 * (scenario id, version, level, seed, index) and the options, never on the items before it.
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

/** Generates item `index` of a planned run. */
export async function generateItem(plan: RunPlan, index: number): Promise<GeneratedSample<unknown, Modality>> {
  return writeItem(plan, await draftItem(plan, index));
}

/**
 * Samples, draws and answers item `index`: the pure, CPU-bound part of an item, which worker
 * threads run. Every answer is checked against its own scorer here.
 */
export async function draftItem(plan: RunPlan, index: number): Promise<DraftedSample> {
  return (await inspectItem(plan, index)).sample;
}

/**
 * Drafts item `index` as {@link draftItem} does, and also returns the drawing's display list,
 * for checks of what the image shows (the testkit's `testAnswerable`).
 */
export async function inspectItem(plan: RunPlan, index: number): Promise<{ sample: DraftedSample; shapes: readonly Shape[] }> {
  const { scenario, seed, level } = plan;
  const fail = (problem: string) => new ScenarioError(scenario.id, seed, index, problem);
  const rng = itemRng({ scenario: scenario.id, version: scenario.version, level, seed, index });

  const attempt = async <T>(what: string, run: () => T | Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw fail(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const size = plan.imageSize;
  const scene = await attempt('sample', () => scenario.sample(rng.fork('scene'), plan.params, { size, resources: plan.resources }));
  if (scene === undefined || scene === null) throw fail('sample returned no scene');

  const theme: Theme = getTheme(plan.theme === 'auto' ? rng.fork('theme').pick(themeNames) : plan.theme);
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

  const id = sampleId(scenario.id, seed, level, index);
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
      ...(draft.needs === undefined ? {} : { needs: draft.needs }),
      regions: (draft.regions ?? []).map((regionId) => {
        const box = regions.get(regionId);
        if (box === undefined) throw fail(`task "${task.id}" names region "${regionId}", which draw did not draw`);
        return { id: regionId, box };
      }),
    });
  }

  const sample: DraftedSample = {
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
  return { sample, shapes: pen.shapes };
}

/** Words a drafted item's questions with the plan's writer, each with its own rng stream. */
export async function writeItem(plan: RunPlan, drafted: DraftedSample): Promise<GeneratedSample<unknown, Modality>> {
  const { scenario, seed, level } = plan;
  const rng = itemRng({ scenario: scenario.id, version: scenario.version, level, seed, index: drafted.index });
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

/** Which item of which run: the level, seed and index that seed its random stream. */
export interface ItemOf {
  level: Level;
  seed: number;
  index: number;
}

/**
 * The scene of one item, sampled exactly as the pipeline samples it, without drawing: `params`
 * are the run's resolved params (the level's preset and any overrides), sampled for
 * `context.size` (default the scenario's size for the params, else {@link DEFAULT_SIZE}) and
 * `context.resources` (default none).
 */
export function sampleScene(scenario: AnyScenario, params: Record<string, unknown>, { level, seed, index }: ItemOf, context: Partial<SampleContext> = {}): unknown {
  const rng = itemRng({ scenario: scenario.id, version: scenario.version, level, seed, index });
  return scenario.sample(rng.fork('scene'), params, { size: imageSize(scenario, params, context.size), resources: context.resources ?? {} });
}
