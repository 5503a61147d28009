import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type ChatContentPart, type ChatMessage, UsageError } from '@absynth/core';
import { type LlmClient, LlmError, LlmRequestError, VERSION } from '@absynth/engine';
import { checkOutputFolder } from './output.js';
import { type Prediction, PredictionLog, predictionsFile, readPredictions } from './predictions.js';

/** The paper's answer-format suffix, appended to every question (PAPER.md, "Scoring"). */
export const paperSuffix = ' Answer format (do not generate any other content): The answer is <answer>.';

/** The paper's sampling temperature for evaluation. */
export const paperTemperature = 0.2;

/** What evaluation needs of a chat client: {@link LlmClient} or anything shaped like it. */
export type ChatClient = Pick<LlmClient, 'complete' | 'model' | 'baseURL'>;

/** Progress of a run: once when its input is checked (nothing done yet), then after each question. */
export interface EvalProgress {
  /** Questions scored in this run. */
  done: number;
  /** Of those, failures (no usable reply). */
  failed: number;
  /** Questions found already answered in the output folder and skipped. */
  skipped: number;
  /** Questions the run covers (those of the data, or the first `limit`); null when the items were given as a one-pass iterable. */
  total: number | null;
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
  /** The files `messages` reads (the image): each must exist, checked before the first request. */
  files?: readonly string[];
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
  /**
   * Most bytes of a reply kept in `predictions.jsonl`; a longer reply is scored whole and stored
   * cut to this many bytes, with `truncated` and `response_bytes`; default 65,536 (64 KiB).
   */
  maxResponseBytes?: number;
  /** Questions in a row that fail to connect (no HTTP reply at all) before the run stops with an {@link UnreachableEndpointError}; default 3. */
  maxConnectionFailures?: number;
  onProgress?: (progress: EvalProgress) => void;
  /** Told what the run goes on despite (a dataset another absynth version wrote). */
  onWarning?: (message: string) => void;
}

/** What a run did. */
export interface RunSummary {
  /** Questions scored in this run. */
  asked: number;
  /** Of those, failures. */
  failed: number;
  /** Questions already answered in `out`, skipped. */
  skipped: number;
  /** Questions in the data; null when the items were given as a one-pass iterable. */
  questions: number | null;
  /** Questions past `limit`, not asked; null when not known. */
  notAsked: number | null;
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
    let before: { settings?: Partial<RunSettings> };
    try {
      before = JSON.parse(text) as { settings?: Partial<RunSettings> };
    } catch (error) {
      throw new UsageError(`${file} is not valid JSON (${(error as Error).message}), so not the settings of an earlier absynth eval run: use another --out`);
    }
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
 * The stop of a run whose endpoint cannot be reached: `failures` questions in a row got no HTTP
 * reply at all (refused, unknown host, connection lost), retries included. Nothing is recorded for
 * those questions, so a rerun into the same folder asks them once the endpoint is up.
 */
export class UnreachableEndpointError extends Error {
  override name = 'UnreachableEndpointError';
  constructor(
    readonly baseURL: string,
    readonly failures: number,
    last: string,
  ) {
    super(
      `stopped: ${failures} questions in a row could not reach ${baseURL} (last: ${last}). ` +
        'Check --base-url and that the server is up; the questions it could not ask are not recorded, so rerunning into the same --out resumes',
    );
  }
}

/** `text` cut to at most `maxBytes` of UTF-8 at a character boundary, with its full length; undefined when it fits. */
function clipUtf8(text: string, maxBytes: number): { text: string; bytes: number } | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return undefined;
  const whole = Buffer.from(text);
  let end = maxBytes;
  // Back up over continuation bytes (10xxxxxx), so no character is cut in half.
  while (end > 0 && ((whole[end] as number) & 0xc0) === 0x80) end--;
  return { text: whole.subarray(0, end).toString('utf8'), bytes };
}

/** A message cut to `maxBytes` (a refusal or an error can be as long as any reply). */
function clipMessage(text: string, maxBytes: number): string {
  const clipped = clipUtf8(text, maxBytes);
  return clipped === undefined ? text : `${clipped.text}… (cut: ${clipped.bytes} bytes in all)`;
}

/** Checks a file a question shows the model before anything is asked: a missing image is bad input, not a model failure. */
async function checkInputFile(file: string, question: string): Promise<void> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const why = info.code === 'ENOENT' ? 'missing' : `cannot be read (${info.code ?? info.message})`;
    throw new UsageError(`${file}: ${why}, though question ${question} shows it to the model; nothing was asked or written`);
  }
  if (!info.isFile()) throw new UsageError(`${file}: not a file, though question ${question} shows it to the model; nothing was asked or written`);
}

/**
 * Checks every item before the first request, in one streaming pass: the data parses (the
 * iteration throws on a bad line), ids are unique, each question has a model to ask or a reply to
 * score, and the files it shows exist. Returns the number of questions.
 */
async function checkItems(items: AsyncIterable<EvalItem>, hasClient: boolean): Promise<number> {
  const seen = new Set<string>();
  let checked = '';
  for await (const item of items) {
    if (seen.has(item.id)) throw new UsageError(`question id ${item.id} appears twice in the data: evaluate the datasets separately`);
    seen.add(item.id);
    if (item.given !== undefined) continue;
    if (!hasClient) throw new UsageError(`question ${item.id} has no response to score and no model to ask: give --base-url and --model`);
    for (const file of item.files ?? []) {
      // The questions of one image come together: check it once.
      if (file === checked) continue;
      await checkInputFile(file, item.id);
      checked = file;
    }
  }
  return seen.size;
}

/**
 * Asks and scores `items` with at most `concurrency` in flight, appending each prediction to
 * `predictions.jsonl` in `out` as soon as it is scored, and skipping questions the file already
 * answers. Given as a function (called twice), the items are first checked in full (see
 * {@link EvalItem.files}) and the output folder too, before anything is asked or written. A reply
 * that never comes (retries exhausted, timeout), a refusal or an empty reply is recorded as a
 * failure (score 0, `error`); an {@link LlmError} (401, 404…) stops the run, after the questions
 * in flight are written, and so do `maxConnectionFailures` questions in a row that cannot reach
 * the endpoint ({@link UnreachableEndpointError}).
 */
export async function runItems(items: AsyncIterable<EvalItem> | (() => AsyncIterable<EvalItem>), options: RunOptions, settings: RunSettings): Promise<RunSummary> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`invalid concurrency ${concurrency}: must be a whole number of 1 or more`);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0)) throw new UsageError(`invalid limit ${limit}: must be 0 or more`);
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1) throw new UsageError(`invalid maxResponseBytes ${maxResponseBytes}: must be a whole number of 1 or more`);
  const maxConnectionFailures = options.maxConnectionFailures ?? 3;
  if (!Number.isInteger(maxConnectionFailures) || maxConnectionFailures < 1) {
    throw new UsageError(`invalid maxConnectionFailures ${maxConnectionFailures}: must be a whole number of 1 or more`);
  }
  const temperature = settings.temperature;
  const refusalRetries = options.refusalRetries ?? 1;
  const client = options.client ?? null;

  // Everything that can be wrong with the input or the output folder is found before the first request or write.
  await checkOutputFolder(options.out);
  const questions = typeof items === 'function' ? await checkItems(items(), client !== null) : null;
  const total = questions === null ? null : Math.min(questions, limit);
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

  const progress: EvalProgress = { done: 0, failed: 0, skipped: 0, total };
  options.onProgress?.({ ...progress });
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;
  // Checked here only when the items were not checked before.
  const seen = questions === null ? new Set<string>() : null;
  // Questions in a row that could not reach the endpoint, held back until a reply shows it is up.
  let unreachable: { prediction: Prediction; error: LlmRequestError }[] = [];

  const reply = (item: EvalItem, response: string): Prediction => {
    const clipped = clipUtf8(response, maxResponseBytes);
    const stored = clipped === undefined ? { response } : { response: clipped.text, truncated: true as const, response_bytes: clipped.bytes };
    try {
      // Scored whole: the cut is only in what is stored.
      return { ...item.meta, ...stored, ...item.score(response) };
    } catch (caught) {
      return { ...item.meta, ...stored, score: 0, error: clipMessage(`scoring failed: ${caught instanceof Error ? caught.message : String(caught)}`, maxResponseBytes) };
    }
  };
  const failure = (item: EvalItem, error: string): Prediction => ({ ...item.meta, response: null, score: 0, error: clipMessage(error, maxResponseBytes) });

  const ask = async (item: EvalItem): Promise<{ prediction: Prediction; unreachable?: LlmRequestError }> => {
    if (item.given !== undefined) return { prediction: reply(item, item.given) };
    if (client === null) {
      throw new UsageError(`question ${item.id} has no response to score and no model to ask: give --base-url and --model`);
    }
    let error = 'no reply';
    for (let attempt = 0; attempt <= refusalRetries; attempt++) {
      let content: string;
      try {
        const answer = await client.complete({
          messages: await item.messages(),
          temperature,
          ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
        });
        if (answer.refusal !== null && answer.refusal !== '') {
          error = `refused: ${answer.refusal}`;
          continue;
        }
        content = answer.content;
      } catch (caught) {
        if (caught instanceof LlmError) throw caught;
        const prediction = failure(item, caught instanceof Error ? caught.message : String(caught));
        // Retries exhausted (LlmRequestError), or a reply the client could not read.
        return caught instanceof LlmRequestError && caught.kind === 'connection' ? { prediction, unreachable: caught } : { prediction };
      }
      if (content.trim() === '') {
        error = 'empty reply';
        continue;
      }
      return { prediction: reply(item, content) };
    }
    return { prediction: failure(item, error) };
  };

  const record = async (prediction: Prediction) => {
    await log.append(prediction);
    progress.done++;
    if (prediction.error !== undefined) progress.failed++;
    options.onProgress?.({ ...progress });
  };
  const recordUnreachable = async () => {
    const held = unreachable;
    unreachable = [];
    for (const { prediction } of held) await record(prediction);
  };

  let index = 0;
  try {
    for await (const item of typeof items === 'function' ? items() : items) {
      if (fatal !== undefined || index >= limit) break;
      index++;
      if (seen !== null) {
        if (seen.has(item.id)) throw new UsageError(`question id ${item.id} appears twice in the data: evaluate the datasets separately`);
        seen.add(item.id);
      }
      if (done.has(item.id)) {
        progress.skipped++;
        options.onProgress?.({ ...progress });
        continue;
      }
      const task = ask(item)
        .then(async (asked) => {
          if (asked.unreachable !== undefined) {
            unreachable.push({ prediction: asked.prediction, error: asked.unreachable });
            if (unreachable.length >= maxConnectionFailures) {
              fatal ??= new UnreachableEndpointError(client?.baseURL ?? '', unreachable.length, asked.unreachable.message);
            }
            return;
          }
          // A reply came: the endpoint is up, and the failures before it were those questions' own.
          if (fatal === undefined) await recordUnreachable();
          await record(asked.prediction);
        })
        .catch((caught: unknown) => {
          fatal ??= caught;
        });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (fatal === undefined) await recordUnreachable();
  } finally {
    await Promise.all(inFlight);
    await log.close();
  }
  if (fatal !== undefined) throw fatal;
  return {
    asked: progress.done,
    failed: progress.failed,
    skipped: progress.skipped,
    questions,
    notAsked: questions === null ? null : questions - (total as number),
    predictions: file,
    seconds: (performance.now() - started) / 1000,
  };
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
