import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type ChatContentPart, type ChatMessage, type LlmClient, LlmError, UsageError, VERSION } from '@absynth/core';
import { type Prediction, PredictionLog, predictionsFile, readPredictions } from './predictions.js';

/** The paper's answer-format suffix, appended to every question (PAPER.md, "Scoring"). */
export const paperSuffix = ' Answer format (do not generate any other content): The answer is <answer>.';

/** The paper's sampling temperature for evaluation. */
export const paperTemperature = 0.2;

/** What evaluation needs of a chat client: {@link LlmClient} or anything shaped like it. */
export type ChatClient = Pick<LlmClient, 'complete' | 'model' | 'baseURL'>;

/** Progress of a run, after each question. */
export interface EvalProgress {
  /** Questions scored in this run. */
  done: number;
  /** Of those, failures (no usable reply). */
  failed: number;
  /** Questions found already answered in the output folder and skipped. */
  skipped: number;
}

/** One question to ask, with everything needed to score it. */
export interface EvalItem {
  /** Unique within the run; the key of resumption. */
  id: string;
  /** The prediction's fields other than the response and its score. */
  meta: Omit<Prediction, 'response' | 'score' | 'error' | 'extra'>;
  /** The messages to send (built only when the question is asked, so images are read lazily). */
  messages: () => Promise<ChatMessage[]>;
  /** Scores a reply. */
  score: (response: string) => { score: number; extra?: Record<string, number> };
  /** A reply already known (benchmark rows that carry one): scored without asking. */
  given?: string;
}

/** Settings of a run that must not change when it is resumed. */
export interface RunSettings {
  model: string | null;
  baseURL: string | null;
  suffix: string;
  temperature: number;
  modality: string | null;
  format: 'absynth' | 'mmsi';
}

/** Options shared by every evaluation run. */
export interface RunOptions {
  out: string;
  client?: ChatClient | null;
  /** Questions in flight at once; default 8. */
  concurrency?: number;
  /** Evaluate only the first N questions of the data (in file order). */
  limit?: number;
  suffix?: string;
  temperature?: number;
  /** Most tokens per reply; default none (the endpoint's default). */
  maxTokens?: number;
  /** Times to ask again after a refusal or an empty reply; default 1. */
  refusalRetries?: number;
  /** Ask again the questions a previous run recorded as failures. */
  retryFailed?: boolean;
  onProgress?: (progress: EvalProgress) => void;
}

/** What a run did. */
export interface RunSummary {
  /** Questions scored in this run. */
  asked: number;
  /** Of those, failures. */
  failed: number;
  /** Questions already answered in `out`, skipped. */
  skipped: number;
  /** The predictions file. */
  predictions: string;
  seconds: number;
}

const settingsFile = 'run.json';

/** Checks (or records) the run's settings, so a resumed run cannot mix models or prompts. */
async function checkSettings(out: string, settings: RunSettings, resuming: boolean): Promise<void> {
  const file = join(out, settingsFile);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined && resuming) {
    const before = JSON.parse(text) as { settings?: Partial<RunSettings> };
    for (const key of ['model', 'suffix', 'temperature', 'modality', 'format'] as const) {
      const was = before.settings?.[key];
      if (was !== undefined && settings[key] !== null && was !== null && was !== settings[key]) {
        throw new UsageError(
          `${out} holds predictions made with ${key} ${JSON.stringify(was)}, not ${JSON.stringify(settings[key])}: use another --out, or the same settings to resume`,
        );
      }
    }
    return;
  }
  await mkdir(out, { recursive: true });
  await writeFile(file, `${JSON.stringify({ tool: { name: 'absynth', version: VERSION }, settings }, null, 2)}\n`);
}

/** The settings {@link runItems} records, from its options. */
export function runSettings(options: RunOptions, modality: string | null, format: RunSettings['format']): RunSettings {
  return {
    model: options.client?.model ?? null,
    baseURL: options.client?.baseURL ?? null,
    suffix: options.suffix ?? paperSuffix,
    temperature: options.temperature ?? paperTemperature,
    modality,
    format,
  };
}

/**
 * Asks and scores `items` with at most `concurrency` in flight, appending each prediction to
 * `predictions.jsonl` in `out` as soon as it is scored, and skipping questions the file already
 * answers. A reply that never comes (retries exhausted, timeout), a refusal or an empty reply is
 * recorded as a failure (score 0, `error`); an {@link LlmError} (401, 404…) stops the run, after
 * the questions in flight are written.
 */
export async function runItems(items: AsyncIterable<EvalItem>, options: RunOptions, settings: RunSettings): Promise<RunSummary> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`invalid concurrency ${concurrency}: must be a whole number of 1 or more`);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) throw new UsageError(`invalid limit ${limit}: must be 0 or more`);
  const temperature = settings.temperature;
  const refusalRetries = options.refusalRetries ?? 1;
  const file = join(options.out, predictionsFile);
  const previous = await readPredictions(file);
  await checkSettings(options.out, settings, previous.byId.size > 0);
  const failedBefore = [...previous.byId.values()].filter((p) => p.error !== undefined);
  const retry = options.retryFailed === true && failedBefore.length > 0;
  const log = await PredictionLog.open(
    file,
    previous.completeBytes,
    retry ? [...previous.byId.values()].filter((p) => p.error === undefined) : undefined,
  );
  const done = new Set(previous.byId.keys());
  if (retry) for (const p of failedBefore) done.delete(p.question_id);

  const progress: EvalProgress = { done: 0, failed: 0, skipped: 0 };
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;
  const seen = new Set<string>();

  const ask = async (item: EvalItem): Promise<Prediction> => {
    if (item.given !== undefined) return { ...item.meta, response: item.given, ...item.score(item.given) };
    const client = options.client;
    if (client === undefined || client === null) {
      throw new UsageError(`question ${item.id} has no response to score and no model to ask: give --base-url and --model`);
    }
    let error = 'no reply';
    for (let attempt = 0; attempt <= refusalRetries; attempt++) {
      let content: string;
      try {
        const reply = await client.complete({
          messages: await item.messages(),
          temperature,
          ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
        });
        if (reply.refusal !== null && reply.refusal !== '') {
          error = `refused: ${reply.refusal}`;
          continue;
        }
        content = reply.content;
      } catch (caught) {
        if (caught instanceof LlmError) throw caught;
        // Retries exhausted (LlmRequestError), or a reply the client could not read.
        return { ...item.meta, response: null, score: 0, error: caught instanceof Error ? caught.message : String(caught) };
      }
      if (content.trim() === '') {
        error = 'empty reply';
        continue;
      }
      try {
        return { ...item.meta, response: content, ...item.score(content) };
      } catch (caught) {
        return { ...item.meta, response: content, score: 0, error: `scoring failed: ${caught instanceof Error ? caught.message : String(caught)}` };
      }
    }
    return { ...item.meta, response: null, score: 0, error };
  };

  let index = 0;
  try {
    for await (const item of items) {
      if (fatal !== undefined || index >= limit) break;
      index++;
      if (seen.has(item.id)) throw new UsageError(`question id ${item.id} appears twice in the data: evaluate the datasets separately`);
      seen.add(item.id);
      if (done.has(item.id)) {
        progress.skipped++;
        continue;
      }
      const task = ask(item)
        .then(async (prediction) => {
          await log.append(prediction);
          progress.done++;
          if (prediction.error !== undefined) progress.failed++;
          options.onProgress?.({ ...progress });
        })
        .catch((caught: unknown) => {
          fatal ??= caught;
        });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(inFlight);
    await log.close();
  }
  if (fatal !== undefined) throw fatal;
  return { asked: progress.done, failed: progress.failed, skipped: progress.skipped, predictions: file, seconds: (performance.now() - started) / 1000 };
}

const imageTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/** An image file as a base64 `data:` URL. */
export async function imageDataUrl(path: string): Promise<string> {
  const type = imageTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
}

/** The user message: the prompt alone, or the prompt and the image. */
export function userMessage(prompt: string, imageUrl: string | null): ChatMessage[] {
  if (imageUrl === null) return [{ role: 'user', content: prompt }];
  const parts: ChatContentPart[] = [
    { type: 'text', text: prompt },
    { type: 'image_url', image_url: { url: imageUrl } },
  ];
  return [{ role: 'user', content: parts }];
}
