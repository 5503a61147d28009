import { resolve } from 'node:path';
import type { Registry } from '@absynth/core';
import type { GenerateOptions, Manifest, Modality } from '@absynth/engine';
import type { DrawingStyle } from '@absynth/render';
import { checkLevel, UsageError } from '@absynth/core';
import { DatasetWriter, generate, LlmClient, llmWriter, planRun, type QuestionWriter, templateWriter } from '@absynth/engine';
import cliProgress from 'cli-progress';
import { InterruptedError } from './errors.js';
import type { TextOutput } from './io.js';
import { scenarioOrigin } from './origin.js';
import { readIdeaFile, readTopicLibrary, runLibrary } from './topics.js';
import {
  parseLevel,
  parseModality,
  parseNonNegativeInteger,
  parseParamPairs,
  parseSize,
  parseTaskList,
  parseWorkers,
  readParamsFile,
} from './options.js';

/** What the summary line calls the items of each modality, and their rate. */
const itemNames: Record<Modality, [string, string]> = {
  image: ['images', 'images'],
  text: ['text samples', 'samples'],
  both: ['images with text', 'images'],
};

/** The flags of `absynth generate`, as commander hands them over. */
export interface GenerateFlags {
  count: string;
  seed: string;
  level: string;
  out?: string;
  param?: string[];
  params?: string;
  size?: string;
  theme?: string;
  style?: string;
  modality: string;
  tasks?: string;
  start: string;
  workers: string;
  writer: string;
  baseUrl?: string;
  model?: string;
  concurrency: string;
  cache: string;
  conversation?: boolean;
  maxRetryWait?: string;
  topics?: string;
  ideas?: string;
  force?: boolean;
}

/** The question writer the flags ask for, and its client when it talks to a model. */
function writerFromFlags(flags: GenerateFlags, cwd: string): { writer: QuestionWriter; client: LlmClient | null } {
  if (flags.writer === 'template') {
    for (const [flag, value] of [
      ['--base-url', flags.baseUrl],
      ['--model', flags.model],
      ['--conversation', flags.conversation],
      ['--max-retry-wait', flags.maxRetryWait],
    ] as const) {
      if (value !== undefined) throw new UsageError(`${flag} is only used with --writer llm`);
    }
    return { writer: templateWriter, client: null };
  }
  if (flags.writer !== 'llm') throw new UsageError(`invalid --writer ${JSON.stringify(flags.writer)}: use template or llm`);
  if (flags.model === undefined) throw new UsageError('--writer llm needs --model, the model to ask');
  const concurrency = parseNonNegativeInteger('--concurrency', flags.concurrency);
  if (concurrency < 1) throw new UsageError('invalid --concurrency 0: must be 1 or more');
  const client = new LlmClient({
    baseURL: flags.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    model: flags.model,
    concurrency,
    ...(flags.maxRetryWait === undefined ? {} : { maxRetryWaitMs: parseNonNegativeInteger('--max-retry-wait', flags.maxRetryWait) * 1000 }),
    cacheDir: flags.cache === 'none' ? null : resolve(cwd, flags.cache),
  });
  return { writer: llmWriter(client, { conversation: flags.conversation ?? false, concurrency }), client };
}

/**
 * Runs `absynth generate`: validates every flag and the output folder before creating
 * anything, then writes items in index order.
 */
export async function generateDataset(
  scenarioId: string,
  flags: GenerateFlags,
  registry: Registry,
  modules: readonly string[],
  io: { stdout: TextOutput; stderr: TextOutput; cwd: string },
): Promise<void> {
  const scenario = registry.get(scenarioId);
  const origin = await scenarioOrigin(scenario, modules);
  const fileParams = flags.params === undefined ? {} : await readParamsFile(flags.params, io.cwd);
  const count = parseNonNegativeInteger('--count', flags.count);
  const { writer: questionWriter, client } = writerFromFlags(flags, io.cwd);
  const resources = {
    ...(flags.topics === undefined ? {} : { topics: runLibrary(await readTopicLibrary(flags.topics, io.cwd, '--topics')) }),
    ...(flags.ideas === undefined ? {} : { ideas: await readIdeaFile(flags.ideas, io.cwd, '--ideas') }),
  };
  const options: GenerateOptions & { modality: Modality } = {
    scenario,
    params: { ...fileParams, ...parseParamPairs(flags.param ?? []) },
    level: checkLevel(parseLevel(flags.level)),
    seed: parseNonNegativeInteger('--seed', flags.seed),
    count,
    start: parseNonNegativeInteger('--start', flags.start),
    size: flags.size === undefined ? undefined : parseSize(flags.size),
    theme: flags.theme ?? 'auto',
    // planRun rejects anything but crisp and sketch, naming both.
    style: (flags.style ?? 'crisp') as DrawingStyle,
    modality: parseModality(flags.modality),
    tasks: flags.tasks === undefined ? undefined : parseTaskList(flags.tasks),
    workers: parseWorkers(flags.workers, count),
    modules,
    writer: questionWriter,
    resources,
    ...(origin === undefined ? {} : { origin }),
  };
  const plan = planRun(options);
  const out = flags.out ?? `out/${scenario.id}`;
  // open checks the folder (absent, empty or --force; writable) before it creates anything.
  const writer = await DatasetWriter.open(resolve(io.cwd, out), { force: flags.force ?? false });
  const [many, per] = itemNames[plan.modality];

  const started = performance.now();
  const bar = io.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: io.stderr as NodeJS.WritableStream,
          format: `${scenario.id} {bar} {value}/{total} ${many} | {duration_formatted} elapsed, {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  // Ctrl-C (or a SIGTERM) stops the run before the next item; the staged dataset is removed.
  const stop = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => stop.abort(new InterruptedError(signal));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  bar?.start(plan.count, 0);
  let manifest: Manifest;
  let written = 0;
  try {
    for await (const sample of generate({ ...options, signal: stop.signal })) {
      await writer.write(sample);
      written++;
      bar?.increment();
      stop.signal.throwIfAborted();
    }
    manifest = await writer.close(plan);
  } catch (error) {
    await writer.abort();
    bar?.stop();
    const asWas = `"${out}" is as it was before the run`;
    if (stop.signal.aborted) {
      throw new InterruptedError(
        stop.signal.reason instanceof InterruptedError ? stop.signal.reason.signal : 'SIGINT',
        `interrupted after ${written} of ${plan.count} ${many}: removed the unfinished dataset; ${asWas}`,
      );
    }
    if (error instanceof Error) error.message = `${error.message}; nothing was kept: ${asWas}`;
    throw error;
  } finally {
    bar?.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  const seconds = (performance.now() - started) / 1000;
  const { questions } = manifest.counts;
  const rate = seconds > 0 ? manifest.count / seconds : 0;
  io.stdout.write(
    `${manifest.count} ${many}, ${questions} questions in ${seconds.toFixed(2)} s (${rate.toFixed(1)} ${per}/s) -> ${out}\n`,
  );
  const report = manifest.writerReport;
  if (report !== undefined && client !== null) {
    const stats = client.stats();
    const { wrong, malformed, refused, empty, failed } = report.rejected;
    const rejected = wrong + malformed + refused + empty + failed;
    io.stdout.write(
      `writer ${manifest.writer}: ${report.accepted} of ${report.questions} questions reworded, ${rejected} kept the template wording ` +
        `(wrong answer ${wrong}, malformed ${malformed}, refused ${refused}, empty ${empty}, failed ${failed}); ` +
        `${stats.requests} requests (${stats.cacheHits} from the cache, ${stats.httpRequests} HTTP calls), ` +
        `tokens ${stats.promptTokens} prompt + ${stats.completionTokens} completion spent\n`,
    );
  }
}
