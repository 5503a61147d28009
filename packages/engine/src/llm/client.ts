import { type ChatMessage, type LlmReply, type LlmRequest, UsageError } from '@absynth/core';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import OpenAI from 'openai';
import pLimit from 'p-limit';

/** Counts of one client's work, for a run's summary and manifest. */
export interface LlmStats {
  /** Replies asked for (from the endpoint or the cache). */
  requests: number;
  /** Replies taken from the disk cache. */
  cacheHits: number;
  /** HTTP requests sent, retries included. */
  httpRequests: number;
  /** Tokens spent on requests that reached the endpoint (cached replies cost none). */
  promptTokens: number;
  completionTokens: number;
}

/** How to reach an OpenAI-compatible chat completions endpoint. */
export interface LlmOptions {
  /** The endpoint, such as `https://api.openai.com/v1` or `http://127.0.0.1:8000/v1`. */
  baseURL: string;
  model: string;
  /** The key; default `OPENAI_API_KEY`. Never logged, cached or written anywhere. */
  apiKey?: string;
  /** Requests in flight at once; default 8. */
  concurrency?: number;
  /** Milliseconds one attempt may take, from sending the request to the last byte of the reply, before it is abandoned (and retried); default 60,000. */
  timeoutMs?: number;
  /** Retries after a timeout, a lost connection, a 408, 409, 429 or 5xx, with backoff (or the wait the server asks for); default 4. */
  maxRetries?: number;
  /** The longest wait before a retry that a server may ask for (`Retry-After`, `retry-after-ms`), in milliseconds; a request asked to wait longer fails at once; default 60,000. */
  maxRetryWaitMs?: number;
  /** The most bytes of a reply body read; a longer reply fails (it is not retried: it would come back as long); default 8 MiB. */
  maxReplyBytes?: number;
  /** Folder of cached replies, by a hash of the request; `null` for none. */
  cacheDir?: string | null;
  /** Default sampling temperature; default 0.7. */
  temperature?: number;
}

/**
 * A request the endpoint refuses for good (400, 401, 403, 404, 422): retrying cannot help, so a
 * run stops with this error, which names the endpoint and the model (never the key).
 */
export class LlmError extends UsageError {
  override name = 'LlmError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** Statuses after which asking again cannot help: the run stops. */
const fatalStatuses: ReadonlySet<number> = new Set([400, 401, 403, 404, 422]);

/** Statuses worth asking again after a wait (as the `openai` client retries them). */
const retriedStatuses: ReadonlySet<number> = new Set([408, 409, 429]);

/**
 * Why a request failed: `connection` (no HTTP reply at all: refused, unknown host, connection
 * lost), `timeout` (an attempt ran past `timeoutMs`), `status` (an HTTP error status),
 * `retry-wait` (the server asked to wait longer than `maxRetryWaitMs`) or `too-large` (the
 * reply passed `maxReplyBytes`).
 */
export type LlmFailureKind = 'connection' | 'timeout' | 'status' | 'retry-wait' | 'too-large';

/**
 * A request that failed for this question only, or still failed after its retries (timeouts,
 * 429, 5xx, a lost connection, a wait or a reply too long): the writer counts it as `failed` and
 * keeps the template wording, and the run goes on.
 */
export class LlmRequestError extends Error {
  override name = 'LlmRequestError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly kind: LlmFailureKind,
  ) {
    super(message);
  }
}

/** A reply body longer than the client reads; thrown from the fetch hook, so the `openai` client reports it as its cause. */
class ReplyTooLargeError extends Error {
  override name = 'ReplyTooLargeError';
  constructor(readonly limit: number) {
    super(`the reply is longer than ${formatBytes(limit)}`);
  }
}

/** Statuses whose responses have no body (a `Response` with one cannot be made). */
const bodilessStatuses: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * `fetch`, reading the whole body before it returns: the `openai` client's timeout (which ends
 * when `fetch` returns) then bounds the body as well as the headers, and the body is read only up
 * to `maxBytes`.
 */
async function fetchWhole(input: string | URL | Request, init: RequestInit | undefined, maxBytes: number): Promise<Response> {
  const response = await fetch(input, init);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ReplyTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (response.body !== null) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new ReplyTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  }
  const body = bodilessStatuses.has(response.status) ? null : Buffer.concat(chunks, length);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** `8 MiB`, `64 KiB`, `900 bytes`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** `1.5 s`, `999999 s`. */
const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/**
 * The wait a response asks for before a retry, in milliseconds, read as the `openai` client reads
 * it: `retry-after-ms` (milliseconds), else `Retry-After` as seconds or as an HTTP date; undefined
 * when it asks for none.
 */
function retryAfterMs(headers: Pick<Headers, 'get'> | undefined, now = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds > 0) return milliseconds;
  const value = headers?.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The client's own backoff before retry `attempt` (0-based): 0.5 s doubling up to 8 s, less up to 25% jitter, as the `openai` client's. */
function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8_000) * (1 - Math.random() * 0.25);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A server's error text cut to a readable length: a status page of megabytes must not become a message of megabytes. */
function clip(text: string, most = 500): string {
  return text.length <= most ? text : `${text.slice(0, most)}… (${text.length - most} more characters)`;
}

/** The innermost cause's message of a connection error: "connect ECONNREFUSED 127.0.0.1:9". */
function rootCause(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Checks a numeric option, naming it. */
function checkOption(name: string, value: number, least: number, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < least || (integer && !Number.isInteger(value))) {
    throw new UsageError(`invalid ${name} ${JSON.stringify(value)}: must be ${integer ? 'a whole number' : 'a number'} of ${least} or more`);
  }
  return value;
}

/** A message as the `openai` client types it. */
function toOpenAiMessage(message: ChatMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam {
  if (message.role === 'user') {
    return { role: 'user', content: typeof message.content === 'string' ? message.content : message.content.map((part) => ({ ...part })) };
  }
  return { role: message.role, content: message.content };
}

/**
 * Removes the key from a text: the whole key, its first 6 and last 4 characters wherever they
 * appear (servers echo keys masked, as "sk-abc…wxyz"), and anything shaped like an API key.
 */
function redact(text: string, key: string): string {
  let masked = text;
  if (key !== '') {
    masked = masked.split(key).join('[redacted]');
    if (key.length >= 12) masked = masked.split(key.slice(0, 6)).join('[redacted]').split(key.slice(-4)).join('[redacted]');
  }
  return masked.replace(/\bsk-[A-Za-z0-9_-]{6,}/g, 'sk-[redacted]');
}

/** Whether asking again may succeed: a timeout, a lost connection, 408, 409, 429 or 5xx (or whatever `x-should-retry` says). */
function retryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionError) return !(error.cause instanceof ReplyTooLargeError);
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return false;
  const says = error.headers?.get('x-should-retry');
  if (says === 'true') return true;
  if (says === 'false') return false;
  return retriedStatuses.has(error.status) || error.status >= 500;
}

/**
 * A chat client for any OpenAI-compatible endpoint, built on the official `openai` package, with
 * a concurrency limit, a bound on every wait (each attempt, headers and body, within `timeoutMs`;
 * a server's `Retry-After` within `maxRetryWaitMs`), a bound on the reply read (`maxReplyBytes`),
 * retries with backoff, a disk cache keyed by a hash of the request (a rerun with the cache makes
 * no call and gets the same replies), token counts, and clear errors for requests that cannot
 * succeed. The retries are the client's own (the `openai` client's are off): the `openai` client
 * obeys any `Retry-After`, however long.
 */
export class LlmClient {
  readonly baseURL: string;
  readonly model: string;
  private readonly key: string;
  private readonly client: OpenAI;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly cacheDir: string | null;
  private readonly temperature: number;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly timeoutMs: number;
  private readonly counts: LlmStats = { requests: 0, cacheHits: 0, httpRequests: 0, promptTokens: 0, completionTokens: 0 };
  /** Requests on their way, by hash: an identical request waits for the same reply instead of asking again. */
  private readonly inFlight = new Map<string, Promise<Omit<LlmReply, 'cached'>>>();
  private temporaries = 0;

  constructor(options: LlmOptions) {
    if (typeof options.baseURL !== 'string' || !/^https?:\/\//.test(options.baseURL)) {
      throw new UsageError(`invalid base URL ${JSON.stringify(options.baseURL)}: give the endpoint as http(s)://host/v1`);
    }
    if (typeof options.model !== 'string' || options.model.trim() === '') throw new UsageError('missing model: name the model to use');
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`invalid concurrency ${JSON.stringify(concurrency)}: must be a whole number of 1 or more`);
    this.baseURL = options.baseURL.replace(/\/+$/, '');
    this.model = options.model;
    this.key = options.apiKey ?? process.env.OPENAI_API_KEY ?? '';
    this.cacheDir = options.cacheDir ?? null;
    this.temperature = options.temperature ?? 0.7;
    this.maxRetries = checkOption('maxRetries', options.maxRetries ?? 4, 0, true);
    this.maxRetryWaitMs = checkOption('maxRetryWaitMs', options.maxRetryWaitMs ?? 60_000, 0, false);
    this.timeoutMs = checkOption('timeoutMs', options.timeoutMs ?? 60_000, 1, true);
    const maxReplyBytes = checkOption('maxReplyBytes', options.maxReplyBytes ?? 8 * 1024 * 1024, 1, true);
    this.limit = pLimit(concurrency);
    const counts = this.counts;
    this.client = new OpenAI({
      baseURL: this.baseURL,
      // Local servers often need no key; the client requires a string.
      apiKey: this.key === '' ? 'none' : this.key,
      // Retried in `send`, so that a server's wait is capped.
      maxRetries: 0,
      timeout: this.timeoutMs,
      // Counts every HTTP request, and reads the whole body within the timeout and the size bound.
      fetch: (input, init) => {
        counts.httpRequests++;
        return fetchWhole(input, init, maxReplyBytes);
      },
    });
  }

  /** The work done so far. */
  stats(): LlmStats {
    return { ...this.counts };
  }

  /** The cache key of a request: everything that determines the reply, the key excluded. */
  requestHash(request: LlmRequest): string {
    const body = {
      baseURL: this.baseURL,
      model: this.model,
      messages: request.messages,
      json: request.json ?? false,
      temperature: request.temperature ?? this.temperature,
      maxTokens: request.maxTokens ?? null,
    };
    return createHash('sha256').update(JSON.stringify(body)).digest('hex');
  }

  /** Asks the model, from the cache when the same request was answered before. */
  async complete(request: LlmRequest): Promise<LlmReply> {
    this.counts.requests++;
    const hash = this.requestHash(request);
    // Identical requests share one reply, so a run and its cached rerun see the same replies.
    const pending = this.inFlight.get(hash);
    if (pending !== undefined) return { ...(await pending), cached: false };
    const cached = await this.readCache(hash);
    if (cached !== undefined) {
      this.counts.cacheHits++;
      return { ...cached, cached: true };
    }
    const again = this.inFlight.get(hash);
    if (again !== undefined) return { ...(await again), cached: false };
    const asked = this.limit(async () => {
      const reply = await this.send(request);
      this.counts.promptTokens += reply.usage.prompt;
      this.counts.completionTokens += reply.usage.completion;
      await this.writeCache(hash, request, reply);
      return reply;
    });
    this.inFlight.set(hash, asked);
    try {
      return { ...(await asked), cached: false };
    } finally {
      this.inFlight.delete(hash);
    }
  }

  /** Sends a request, retrying what may succeed later; every wait is bounded. */
  private async send(request: LlmRequest): Promise<Omit<LlmReply, 'cached'>> {
    const body = {
      model: this.model,
      messages: request.messages.map(toOpenAiMessage),
      temperature: request.temperature ?? this.temperature,
      ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
      ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      let response: OpenAI.Chat.Completions.ChatCompletion;
      try {
        response = await this.client.chat.completions.create(body);
      } catch (error) {
        const failure = this.explain(error, attempt);
        if (!(failure instanceof LlmRequestError) || attempt >= this.maxRetries || !retryable(error)) throw failure;
        const asked = failure.kind === 'status' ? retryAfterMs((error as InstanceType<typeof OpenAI.APIError>).headers) : undefined;
        if (asked !== undefined && asked > this.maxRetryWaitMs) {
          throw new LlmRequestError(
            `${this.where()} answered ${failure.status} and asked to wait ${formatSeconds(asked)} before retrying, ` +
              `longer than the ${formatSeconds(this.maxRetryWaitMs)} allowed (maxRetryWaitMs, --max-retry-wait): counted as failed`,
            failure.status,
            'retry-wait',
          );
        }
        await sleep(asked ?? Math.min(backoffMs(attempt), this.maxRetryWaitMs));
        continue;
      }
      const message = response.choices[0]?.message;
      return {
        content: message?.content ?? '',
        refusal: message?.refusal ?? null,
        usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: response.usage?.completion_tokens ?? 0 },
      };
    }
  }

  private where(): string {
    return `${this.baseURL} (model "${this.model}")`;
  }

  /** An error a user can act on, naming the endpoint and model and never the key. */
  private explain(error: unknown, attempt: number): Error {
    const where = this.where();
    const tries = attempt === 0 ? '' : ` (after ${attempt} ${attempt === 1 ? 'retry' : 'retries'})`;
    if (error instanceof OpenAI.APIError && error.status !== undefined) {
      const detail = clip(redact(error.message, this.key));
      if (fatalStatuses.has(error.status)) {
        const hint = error.status === 401 || error.status === 403 ? 'check OPENAI_API_KEY' : error.status === 404 ? 'check --base-url and --model' : 'the endpoint rejected the request';
        return new LlmError(`${where} answered ${error.status}: ${detail} (${hint})`, error.status);
      }
      return new LlmRequestError(`${where} answered ${error.status}${tries}: ${detail}`, error.status, 'status');
    }
    if (error instanceof OpenAI.APIConnectionTimeoutError) {
      return new LlmRequestError(`${where} did not send its whole reply within the timeout of ${formatSeconds(this.timeoutMs)}${tries}`, null, 'timeout');
    }
    if (error instanceof OpenAI.APIConnectionError && error.cause instanceof ReplyTooLargeError) {
      return new LlmRequestError(`${where} sent a reply longer than ${formatBytes(error.cause.limit)} (maxReplyBytes): not read, counted as failed`, null, 'too-large');
    }
    if (error instanceof OpenAI.APIConnectionError) {
      return new LlmRequestError(`cannot reach ${where}${tries}: ${clip(redact(rootCause(error), this.key))}`, null, 'connection');
    }
    return error instanceof Error ? new Error(redact(error.message, this.key)) : new Error(redact(String(error), this.key));
  }

  private cacheFile(hash: string): string | null {
    return this.cacheDir === null ? null : join(this.cacheDir, hash.slice(0, 2), `${hash}.json`);
  }

  private async readCache(hash: string): Promise<Omit<LlmReply, 'cached'> | undefined> {
    const file = this.cacheFile(hash);
    if (file === null) return undefined;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const entry = JSON.parse(text) as { reply?: Omit<LlmReply, 'cached'> };
    return entry.reply;
  }

  private async writeCache(hash: string, request: LlmRequest, reply: Omit<LlmReply, 'cached'>): Promise<void> {
    const file = this.cacheFile(hash);
    if (file === null) return;
    // The request is kept for inspection; it holds no key (the key is a header, never part of it).
    const entry = { model: this.model, baseURL: this.baseURL, request, reply };
    const temporary = `${file}.${process.pid}.${threadId}.${this.temporaries++}.tmp`;
    try {
      await mkdir(join(this.cacheDir as string, hash.slice(0, 2)), { recursive: true });
      await writeFile(temporary, `${JSON.stringify(entry, null, 2)}\n`);
      await rename(temporary, file);
    } catch {
      // A reply that could not be cached is still a reply; the next run asks again.
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
}
