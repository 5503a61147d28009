import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmRequest } from '@absynth/core';
import { LlmClient, LlmError, LlmRequestError } from '../../llm/client.js';
import {
  type LoopbackModel,
  type LoopbackReply,
  type LoopbackScript,
  modelNotFound,
  rateLimited,
  serverError,
  startLoopbackModel,
  tokenEstimate,
  unauthorized,
} from '@absynth/loopback';

const KEY = 'sk-absynthTEST-9f8e7d6c5b4a3f2e1d0c';
const KEY_PREFIX = KEY.slice(0, 10);

const echo =
  (delayMs = 0): LoopbackScript =>
  (body) => ({ kind: 'content', content: `echo:${body.messages.at(-1)?.content}`, delayMs });

const ask = (text: string): LlmRequest => ({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: text }] });

/** Every file under a folder, recursively. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('LlmClient against a loopback chat completions server', () => {
  let server: LoopbackModel;
  let dir: string;
  beforeEach(async () => {
    server = await startLoopbackModel(echo());
    dir = await mkdtemp(join(tmpdir(), 'absynth-llm-client-'));
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const client = (options: Partial<ConstructorParameters<typeof LlmClient>[0]> = {}) =>
    new LlmClient({ baseURL: server.baseURL, model: 'test-model', apiKey: KEY, maxRetries: 2, timeoutMs: 60_000, cacheDir: null, ...options });

  it('sends the chat request and counts tokens', async () => {
    const llm = client({ temperature: 0.3 });
    const reply = await llm.complete({ ...ask('hello'), json: true, maxTokens: 50 });
    expect(reply).toMatchObject({ content: 'echo:hello', refusal: null, cached: false });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.body).toMatchObject({
      model: 'test-model',
      temperature: 0.3,
      max_tokens: 50,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello' },
      ],
    });
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(reply.usage.completion).toBe(tokenEstimate('echo:hello'));
    expect(reply.usage.prompt).toBeGreaterThan(0);
    expect(llm.stats()).toEqual({ requests: 1, cacheHits: 0, httpRequests: 1, promptTokens: reply.usage.prompt, completionTokens: reply.usage.completion });
  });

  it('sends no response_format or max_tokens unless asked', async () => {
    await client().complete(ask('plain'));
    const body = server.requests[0]?.body as unknown as Record<string, unknown>;
    expect(body).not.toHaveProperty('response_format');
    expect(body).not.toHaveProperty('max_tokens');
    expect(body.temperature).toBe(0.7);
  });

  it('retries a 429 after its Retry-After and succeeds', async () => {
    server.setScript((body, request) => (request.n === 0 ? rateLimited(1) : echo()(body, request)));
    const llm = client();
    const reply = await llm.complete(ask('busy'));
    expect(reply.content).toBe('echo:busy');
    expect(server.requests).toHaveLength(2);
    // It waited at least what the server asked (a slow machine only waits longer).
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(llm.stats()).toMatchObject({ requests: 1, httpRequests: 2 });
  });

  // The `openai` client obeys any Retry-After: 999999 s was eleven days of waiting.
  it.each([
    ['Retry-After in seconds', { 'retry-after': '999999' }, {}, /asked to wait 999999 s before retrying, longer than the 60 s allowed/],
    ['retry-after-ms', { 'retry-after-ms': '5000' }, { maxRetryWaitMs: 1_000 }, /asked to wait 5 s before retrying, longer than the 1 s allowed/],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }, {}, /asked to wait 3\d{3}(\.\d+)? s before retrying, longer than the 60 s allowed/],
  ])('counts a request as failed at once when the server asks to wait longer than the cap (%s)', async (_name, headers, options, message) => {
    server.setScript(() => ({ ...rateLimited(0), headers }));
    const error = await client(options).complete(ask('later')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).toMatchObject({ kind: 'retry-wait', status: 429 });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(server.baseURL);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 429 without Retry-After after its own backoff, within the cap', async () => {
    server.setScript((body, request) => (request.n === 0 ? { kind: 'status', status: 429 } : echo()(body, request)));
    const llm = client({ maxRetryWaitMs: 0 });
    expect((await llm.complete(ask('soon'))).content).toBe('echo:soon');
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 500 and succeeds', async () => {
    server.setScript((body, request) => (request.n === 0 ? serverError() : echo()(body, request)));
    const llm = client();
    expect((await llm.complete(ask('flaky'))).content).toBe('echo:flaky');
    expect(server.requests).toHaveLength(2);
    expect(llm.stats()).toMatchObject({ requests: 1, httpRequests: 2 });
  });

  it('retries a request that gets no reply within timeoutMs', async () => {
    // The first request is never answered, so it times out however fast or slow the machine is.
    server.setScript((body, request) => (request.n === 0 ? { kind: 'hang' } : echo()(body, request)));
    const llm = client({ timeoutMs: 1_000 });
    expect((await llm.complete(ask('slow'))).content).toBe('echo:slow');
    await expect.poll(() => server.requests[0]!.hungUp, { timeout: 60_000 }).toBe(true);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(llm.stats()).toMatchObject({ requests: 1, httpRequests: server.requests.length });
  });

  // Headers at once, then a byte a second forever: the timeout used to end with the headers.
  it('bounds the whole request, body included, by timeoutMs: a trickled reply times out', async () => {
    server.setScript(() => ({ kind: 'trickle', intervalMs: 100 }));
    const llm = client({ timeoutMs: 500, maxRetries: 1 });
    const error = await llm.complete(ask('drip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect((error as Error).message).toMatch(/did not send its whole reply within the timeout of 0.5 s \(after 1 retry\)/);
    expect((error as Error).message).toContain(server.baseURL);
    expect(server.requests).toHaveLength(2);
    // The client hung up on both, rather than reading on (the server hears of it a moment later).
    await expect.poll(() => server.requests.map((r) => r.hungUp), { timeout: 60_000 }).toEqual([true, true]);
  });

  it.each([
    ['streamed without a length', false],
    ['with a Content-Length', true],
  ])('stops reading a reply longer than maxReplyBytes (%s), and does not ask again', async (_name, declared) => {
    server.setScript(() => ({ kind: 'large', bytes: 4 * 1024 * 1024, declared }));
    const llm = client({ maxReplyBytes: 256 * 1024 });
    const error = await llm.complete(ask('talk')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).toMatchObject({ kind: 'too-large', status: null });
    expect((error as Error).message).toMatch(/sent a reply longer than 256 KiB \(maxReplyBytes\)/);
    expect(server.requests).toHaveLength(1);
    await expect.poll(() => server.requests[0]?.hungUp, { timeout: 60_000 }).toBe(true);
    expect(server.requests[0]!.sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('reads a reply up to maxReplyBytes whole', async () => {
    server.setScript(() => ({ kind: 'large', bytes: 200 * 1024 }));
    const reply = await client({ maxReplyBytes: 256 * 1024 }).complete(ask('long'));
    expect(reply.content).toBe('x'.repeat(200 * 1024));
  });

  it('gives up with an LlmRequestError (not a run-stopping LlmError) when the endpoint keeps failing', async () => {
    server.setScript(() => serverError());
    const llm = client({ maxRetries: 1 });
    const error = await llm.complete(ask('down')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).not.toBeInstanceOf(LlmError);
    expect((error as LlmRequestError).status).toBe(500);
    expect((error as Error).message).toContain(server.baseURL);
    expect(server.requests).toHaveLength(2);
  });

  it('stops at once on 401 with an LlmError naming the endpoint and model, never the key', async () => {
    server.setScript((_body, request) => unauthorized(request));
    const error = await client().complete(ask('who')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    const { message, status } = error as LlmError;
    expect(status).toBe(401);
    expect(message).toContain(server.baseURL);
    expect(message).toContain('test-model');
    expect(message).toMatch(/OPENAI_API_KEY/);
    expect(message).not.toContain(KEY);
    expect(message).not.toContain(KEY_PREFIX);
    expect(JSON.stringify(error)).not.toContain(KEY_PREFIX);
    expect(String((error as Error).stack)).not.toContain(KEY_PREFIX);
    // The server did get the key (so the redaction was needed), and was not asked again.
    expect(server.requests).toHaveLength(1);
  });

  it('stops at once on 404 with an LlmError naming the endpoint and model', async () => {
    server.setScript((body) => modelNotFound(body));
    const error = await client({ model: 'no-such-model' }).complete(ask('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    const { message, status } = error as LlmError;
    expect(status).toBe(404);
    expect(message).toContain(server.baseURL);
    expect(message).toContain('no-such-model');
    expect(message).toMatch(/--base-url and --model/);
    expect(message).not.toContain(KEY_PREFIX);
    expect(server.requests).toHaveLength(1);
  });

  it('names the endpoint and the cause when nothing listens there, as a connection failure', async () => {
    const url = server.baseURL;
    await server.close();
    const error = await new LlmClient({ baseURL: url, model: 'm', apiKey: KEY, maxRetries: 1, maxRetryWaitMs: 0, cacheDir: null }).complete(ask('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).toMatchObject({ kind: 'connection', status: null });
    expect((error as Error).message).toContain(url);
    expect((error as Error).message).toMatch(/after 1 retry\): connect ECONNREFUSED/);
    server = await startLoopbackModel(echo());
  });

  it('tells a server error from a connection failure', async () => {
    server.setScript(() => serverError());
    const error = await client({ maxRetries: 0 }).complete(ask('x')).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'status', status: 500 });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    // Each request is held until three are waiting, so the peak is 3 on any machine if the limit
    // holds, and more if it does not.
    let waiting: (() => void)[] = [];
    server.setScript(async (body, request) => {
      await new Promise<void>((release) => {
        waiting.push(release);
        if (waiting.length === 3) {
          for (const go of waiting) go();
          waiting = [];
        }
      });
      return echo()(body, request);
    });
    const llm = client({ concurrency: 3 });
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => llm.complete(ask(`n${i}`))));
    expect(replies.map((r) => r.content)).toEqual(Array.from({ length: 12 }, (_, i) => `echo:n${i}`));
    expect(server.peakInFlight()).toBe(3);
    expect(llm.stats()).toMatchObject({ requests: 12, httpRequests: 12 });
  });

  it('answers a repeated request from the disk cache, with no HTTP request and the same content', async () => {
    const cacheDir = join(dir, 'cache');
    const first = client({ cacheDir });
    const a = await first.complete(ask('remember me'));
    expect(a.cached).toBe(false);
    expect(server.requests).toHaveLength(1);

    const second = client({ cacheDir });
    const b = await second.complete(ask('remember me'));
    expect(b).toEqual({ ...a, cached: true });
    expect(server.requests).toHaveLength(1);
    expect(second.stats()).toEqual({ requests: 1, cacheHits: 1, httpRequests: 0, promptTokens: 0, completionTokens: 0 });

    // Anything that changes the reply changes the key.
    await second.complete(ask('remember me too'));
    await second.complete({ ...ask('remember me'), temperature: 0 });
    await second.complete({ ...ask('remember me'), json: true });
    await client({ cacheDir, model: 'other-model' }).complete(ask('remember me'));
    expect(server.requests).toHaveLength(5);
    // A different key is not part of the request, so it reuses the cache.
    await client({ cacheDir, apiKey: 'sk-another-key-000000' }).complete(ask('remember me'));
    expect(server.requests).toHaveLength(5);

    const cached = await files(cacheDir);
    expect(cached.length).toBe(5);
    expect(cached.every((f) => f.endsWith('.json'))).toBe(true);
    for (const file of cached) {
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY_PREFIX);
      expect(text).not.toMatch(/authorization|bearer/i);
    }
  });

  it('counts requests, cache hits, HTTP requests with retries, and tokens', async () => {
    const cacheDir = join(dir, 'cache');
    const replies = new Map<number, LoopbackReply>([
      [0, rateLimited(0)],
      [2, serverError()],
    ]);
    server.setScript((body, request) => replies.get(request.n) ?? echo()(body, request));
    const llm = client({ cacheDir });
    const a = await llm.complete(ask('one')); // 429, then success
    const b = await llm.complete(ask('two')); // 500, then success
    await llm.complete(ask('one')); // cache
    await llm.complete(ask('two')); // cache
    expect(server.requests).toHaveLength(4);
    expect(llm.stats()).toEqual({
      requests: 4,
      cacheHits: 2,
      httpRequests: 4,
      promptTokens: a.usage.prompt + b.usage.prompt,
      completionTokens: a.usage.completion + b.usage.completion,
    });
  });

  it('rejects bad options before any request', () => {
    expect(() => new LlmClient({ baseURL: '127.0.0.1:8000', model: 'm' })).toThrow(/invalid base URL/);
    expect(() => new LlmClient({ baseURL: server.baseURL, model: ' ' })).toThrow(/missing model/);
    expect(() => new LlmClient({ baseURL: server.baseURL, model: 'm', concurrency: 0 })).toThrow(/invalid concurrency/);
    expect(() => new LlmClient({ baseURL: server.baseURL, model: 'm', maxRetryWaitMs: -1 })).toThrow(/invalid maxRetryWaitMs -1/);
    expect(() => new LlmClient({ baseURL: server.baseURL, model: 'm', maxReplyBytes: 0 })).toThrow(/invalid maxReplyBytes 0/);
    expect(() => new LlmClient({ baseURL: server.baseURL, model: 'm', timeoutMs: Number.NaN })).toThrow(/invalid timeoutMs/);
    expect(server.requests).toHaveLength(0);
  });
});
