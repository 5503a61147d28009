import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import OpenAI from 'openai';
import pLimit from 'p-limit';
import { UsageError } from '../errors.js';

/** One part of a multimodal message: text, or an image by URL (a `data:` URL or an http(s) one). */
export type ChatContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

/**
 * One chat message. `content` is text, or (for user messages) text and image parts, as
 * vision models take them; the parts are part of the cache key like any other content.
 */
export type ChatMessage =
  | { role: 'system' | 'assistant'; content: string }
  | { role: 'user'; content: string | readonly ChatContentPart[] };

/** What to ask the model. */
export interface LlmRequest {
  messages: readonly ChatMessage[];
  /** Ask for a JSON object (`response_format: json_object`). */
  json?: boolean;
  /** Sampling temperature; default the client's. */
  temperature?: number;
  /** Most tokens in the reply. */
  maxTokens?: number;
}

/** The model's reply. */
export interface LlmReply {
  /** The message text ('' when the model sent none). */
  content: string;
  /** The model's refusal, when it refused. */
  refusal: string | null;
  /** Tokens of the request and the reply, as the endpoint counted them. */
  usage: { prompt: number; completion: number };
  /** Whether the reply came from the disk cache (no request was made). */
  cached: boolean;
}

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
  /** Milliseconds before a request times out (and is retried); default 60,000. */
  timeoutMs?: number;
  /** Retries after a timeout, a 429 (honouring `Retry-After`) or a 5xx, with backoff; default 4. */
  maxRetries?: number;
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

/**
 * A request that still failed after its retries (timeouts, 429, 5xx, a lost connection): the
 * writer counts it as `failed` and keeps the template wording, and the run goes on.
 */
export class LlmRequestError extends Error {
  override name = 'LlmRequestError';
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
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

/**
 * A chat client for any OpenAI-compatible endpoint, built on the official `openai` package (which
 * retries timeouts, 429 and 5xx with backoff and honours `Retry-After`), with a concurrency limit,
 * a disk cache keyed by a hash of the request (a rerun with the cache makes no call and gets the
 * same replies), token counts, and clear errors for requests that cannot succeed.
 */
export class LlmClient {
  readonly baseURL: string;
  readonly model: string;
  private readonly key: string;
  private readonly client: OpenAI;
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly cacheDir: string | null;
  private readonly temperature: number;
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
    this.limit = pLimit(concurrency);
    const counts = this.counts;
    this.client = new OpenAI({
      baseURL: this.baseURL,
      // Local servers often need no key; the client requires a string.
      apiKey: this.key === '' ? 'none' : this.key,
      maxRetries: options.maxRetries ?? 4,
      timeout: options.timeoutMs ?? 60_000,
      // Counts every HTTP request, retries included.
      fetch: (input, init) => {
        counts.httpRequests++;
        return fetch(input, init);
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

  private async send(request: LlmRequest): Promise<Omit<LlmReply, 'cached'>> {
    try {
      const response = await this.client.chat.completions.create({
        model: this.model,
        messages: request.messages.map(toOpenAiMessage),
        temperature: request.temperature ?? this.temperature,
        ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
        ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
      });
      const message = response.choices[0]?.message;
      return {
        content: message?.content ?? '',
        refusal: message?.refusal ?? null,
        usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: response.usage?.completion_tokens ?? 0 },
      };
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** An error a user can act on, naming the endpoint and model and never the key. */
  private explain(error: unknown): Error {
    const where = `${this.baseURL} (model "${this.model}")`;
    if (error instanceof OpenAI.APIError && error.status !== undefined) {
      const detail = redact(error.message, this.key);
      if (fatalStatuses.has(error.status)) {
        const hint = error.status === 401 || error.status === 403 ? 'check OPENAI_API_KEY' : error.status === 404 ? 'check --base-url and --model' : 'the endpoint rejected the request';
        return new LlmError(`${where} answered ${error.status}: ${detail} (${hint})`, error.status);
      }
      return new LlmRequestError(`${where} answered ${error.status} after retries: ${detail}`, error.status);
    }
    if (error instanceof OpenAI.APIConnectionTimeoutError) return new LlmRequestError(`${where} did not answer in time, even after retries`, null);
    if (error instanceof OpenAI.APIConnectionError) return new LlmRequestError(`cannot reach ${where} after retries: ${redact(error.message, this.key)}`, null);
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
