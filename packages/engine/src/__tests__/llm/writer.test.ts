import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LlmClient, LlmError } from '../../llm/client.js';
import { llmWriter, type LlmWriterOptions } from '../../llm/writer.js';
import type { GeneratedSample } from '../../records.js';
import type { GenerateOptions } from '../../plan.js';
import { generate } from '../../pipeline.js';
import { planRun } from '../../plan.js';
import { DatasetWriter, type Manifest } from '../../sink.js';
import type { QuestionWriter } from '../../writer.js';
import { bars } from '../fixtures.js';
import {
  type LoopbackBody,
  type LoopbackModel,
  type LoopbackReply,
  messageText,
  refusal,
  rewordQuestion,
  startLoopbackModel,
  unauthorized,
  writerContent,
  writerPayload,
  writerReply,
} from '@absynth/loopback';

/** A reply cut off inside its JSON. */
const malformed = (): LoopbackReply => ({ kind: 'content', content: '{"questions": [{"id": "q1", "question": "Unfinished' });
/** A reply with empty content. */
const empty = (): LoopbackReply => ({ kind: 'content', content: '' });

const KEY = 'sk-absynthWRITER-0a1b2c3d4e5f6a7b8c9d';
const KEY_PREFIX = KEY.slice(0, 10);
const COUNT = 6;
const SEED = 5;

type Sample = GeneratedSample<unknown, 'image'>;

/**
 * The bars fixture with a text rendering, so each item's request carries its own facts. (Plain
 * `bars` has none, so two scenes with the same answers send identical requests; see the last tests.)
 */
const textBars = { ...bars, text: (scene: { heights: number[] }) => `Bar heights from the left: ${scene.heights.join(', ')}.` };

/** Every file under a folder, recursively. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('llmWriter through generate() against a loopback server', () => {
  let server: LoopbackModel;
  let dir: string;
  let baseline: Sample[];
  beforeEach(async () => {
    server = await startLoopbackModel((body) => writerReply(body));
    dir = await mkdtemp(join(tmpdir(), 'absynth-llm-writer-'));
    baseline = [];
    for await (const s of generate({ scenario: textBars, count: COUNT, seed: SEED })) baseline.push(s);
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const makeClient = (options: { cacheDir?: string | null; concurrency?: number } = {}) =>
    new LlmClient({ baseURL: server.baseURL, model: 'test-model', apiKey: KEY, maxRetries: 1, timeoutMs: 60_000, cacheDir: null, ...options });

  /** Generates the fixture run with a writer into `out`, returning the samples and manifest. */
  async function run(writer: QuestionWriter, out: string, extra: Partial<GenerateOptions<typeof textBars, 'image'>> = {}) {
    const options = { scenario: textBars, count: COUNT, seed: SEED, writer, ...extra };
    const plan = planRun(options);
    const sink = await DatasetWriter.open(out);
    const samples: Sample[] = [];
    try {
      for await (const s of generate(options)) {
        samples.push(s);
        await sink.write(s);
      }
    } catch (error) {
      await sink.abort();
      throw error;
    }
    const manifest: Manifest = await sink.close(plan);
    return { samples, manifest };
  }

  const questionCount = () => baseline.reduce((n, s) => n + s.qa.length, 0);

  it('words every question with the model when every reply is right', async () => {
    const served = new Set<string>();
    server.setScript((body) => {
      const reply = writerReply(body);
      for (const q of JSON.parse(writerContent(body)).questions) served.add(JSON.stringify([q.question, q.rationale]));
      return reply;
    });
    const { samples, manifest } = await run(llmWriter(makeClient()), join(dir, 'out'));
    expect(server.requests).toHaveLength(COUNT);
    expect(manifest.writer).toBe('llm:test-model');
    expect(manifest.writerReport).toMatchObject({
      questions: questionCount(),
      accepted: questionCount(),
      rejected: { wrong: 0, malformed: 0, refused: 0, empty: 0, failed: 0 },
    });
    expect(manifest.writerReport?.tokens.prompt).toBeGreaterThan(0);
    expect(manifest.writerReport?.tokens.completion).toBeGreaterThan(0);
    samples.forEach((sample, i) => {
      const before = baseline[i] as Sample;
      // Only the wording changes: same ids, answers, scene and image.
      expect(sample.qa.map((q) => [q.id, q.answer, q.answerText])).toEqual(before.qa.map((q) => [q.id, q.answer, q.answerText]));
      expect(sample.png.equals(before.png)).toBe(true);
      for (const q of sample.qa) {
        expect(served.has(JSON.stringify([q.question, q.rationale]))).toBe(true);
        expect(q.question.startsWith('Looking at the picture: ')).toBe(true);
        expect(q.rationale.endsWith(`The answer is ${q.answerText}.`)).toBe(true);
      }
    });
    // The request carries each question's verified answer and steps, as JSON.
    const payload = writerPayload(server.requests[0]!.body);
    expect(payload.questions.map((q) => [q.id, q.task, q.answer])).toEqual(baseline[0]!.qa.map((q, i) => [`q${i + 1}`, q.task, q.answerText]));
    expect(payload.facts).toBe(textBars.text(baseline[0]!.scene as { heights: number[] }));
    expect(server.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
  });

  it('rejects exactly the replies with a wrong answer and keeps their template wording', async () => {
    // The "tallest" question is answered wrongly whenever its answer is odd.
    const isWrong = (task: string, answer: string) => task === 'tallest' && Number(answer) % 2 === 1;
    let servedWrong = 0;
    server.setScript((body) => {
      const ids = writerPayload(body).questions.filter((q) => isWrong(q.task, q.answer)).map((q) => q.id);
      servedWrong += ids.length;
      return writerReply(body, { wrong: ids });
    });
    const { samples, manifest } = await run(llmWriter(makeClient()), join(dir, 'out'));
    expect(servedWrong).toBeGreaterThan(0);
    expect(servedWrong).toBeLessThan(COUNT);
    expect(manifest.writerReport).toMatchObject({
      questions: questionCount(),
      accepted: questionCount() - servedWrong,
      rejected: { wrong: servedWrong, malformed: 0, refused: 0, empty: 0, failed: 0 },
    });
    samples.forEach((sample, i) => {
      sample.qa.forEach((q, j) => {
        const template = baseline[i]!.qa[j]!;
        if (isWrong(q.task, q.answerText)) {
          expect({ question: q.question, rationale: q.rationale }).toEqual({ question: template.question, rationale: template.rationale });
        } else {
          expect(q.question).not.toBe(template.question);
          expect(q.rationale.endsWith(`The answer is ${q.answerText}.`)).toBe(true);
        }
      });
    });
  });

  it('counts malformed, refused and empty replies, falls back for each, and never crashes', async () => {
    // One request at a time, so the n-th request is item n.
    const replies: ((body: LoopbackBody) => LoopbackReply)[] = [
      () => malformed(),
      () => refusal(),
      () => empty(),
      (body) => writerReply(body),
      // No entry for q2: q1 is used, q2 falls back.
      (body) => {
        const { questions } = JSON.parse(writerContent(body));
        return { kind: 'content', content: JSON.stringify({ questions: [questions[0]] }) };
      },
      // A JSON object in a Markdown fence is still read.
      (body) => ({ kind: 'content', content: `\`\`\`json\n${writerContent(body)}\n\`\`\`` }),
    ];
    server.setScript((body, request) => (replies[request.n] as (b: LoopbackBody) => LoopbackReply)(body));
    const { samples, manifest } = await run(llmWriter(makeClient(), { concurrency: 1 }), join(dir, 'out'));
    expect(server.requests).toHaveLength(COUNT);
    expect(manifest.writerReport).toMatchObject({
      questions: 12,
      accepted: 5,
      rejected: { wrong: 0, malformed: 3, refused: 2, empty: 2, failed: 0 },
    });
    const wording = (s: Sample) => s.qa.map((q) => [q.question, q.rationale]);
    for (const i of [0, 1, 2]) expect(wording(samples[i]!)).toEqual(wording(baseline[i]!));
    expect(samples[3]!.qa.every((q) => q.question.startsWith('Looking at the picture: '))).toBe(true);
    expect(samples[4]!.qa[0]!.question.startsWith('Looking at the picture: ')).toBe(true);
    expect(wording(samples[4]!)[1]).toEqual(wording(baseline[4]!)[1]);
    expect(samples[5]!.qa.every((q) => q.question.startsWith('Looking at the picture: '))).toBe(true);
  });

  it('stops the run with an LlmError on 401, and never shows the key', async () => {
    server.setScript((_body, request) => unauthorized(request));
    const out = join(dir, 'out');
    const error = await run(llmWriter(makeClient()), out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    const message = (error as Error).message;
    expect(message).toContain(server.baseURL);
    expect(message).toContain('test-model');
    expect(message).not.toContain(KEY_PREFIX);
    expect(String((error as Error).stack)).not.toContain(KEY_PREFIX);
    // Nothing is left behind: the output folder is as it was, absent.
    expect(existsSync(out)).toBe(false);
  });

  // Headers at once, then a byte at a time: the timeout used to end with the headers, so the run hung.
  it('finishes a run whose replies trickle: each item times out and keeps its template wording', async () => {
    server.setScript(() => ({ kind: 'trickle', intervalMs: 100 }));
    const client = new LlmClient({ baseURL: server.baseURL, model: 'test-model', apiKey: KEY, maxRetries: 0, timeoutMs: 500, cacheDir: null });
    const { samples, manifest } = await run(llmWriter(client), join(dir, 'out'));
    expect(manifest.writerReport).toMatchObject({
      questions: questionCount(),
      accepted: 0,
      rejected: { wrong: 0, malformed: 0, refused: 0, empty: 0, failed: questionCount() },
    });
    const wording = (s: Sample) => s.qa.map((q) => [q.question, q.rationale]);
    for (const [i, sample] of samples.entries()) expect(wording(sample)).toEqual(wording(baseline[i]!));
    expect(server.requests).toHaveLength(COUNT);
    await expect.poll(() => server.requests.every((r) => r.hungUp), { timeout: 60_000 }).toBe(true);
  });

  it('reruns from the cache with no request and writes byte-identical files, with the key nowhere', async () => {
    const cacheDir = join(dir, 'cache');
    server.setScript((body, request) => (request.n % 2 === 0 ? writerReply(body) : writerReply(body, { wrong: ['q1'] })));
    const first = await run(llmWriter(makeClient({ cacheDir })), join(dir, 'a'));
    const requests = server.requests.length;
    expect(requests).toBe(COUNT);

    const client = makeClient({ cacheDir });
    const second = await run(llmWriter(client), join(dir, 'b'));
    expect(server.requests).toHaveLength(requests);
    expect(client.stats()).toMatchObject({ requests: COUNT, cacheHits: COUNT, httpRequests: 0, promptTokens: 0, completionTokens: 0 });
    expect(second.manifest.writerReport).toEqual(first.manifest.writerReport);
    expect(first.manifest.writerReport?.rejected.wrong).toBe(COUNT / 2);
    for (const file of ['samples.jsonl', 'manifest.json', `images/${baseline[1]!.id}.png`]) {
      const [a, b] = [await readFile(join(dir, 'a', file)), await readFile(join(dir, 'b', file))];
      expect(a.equals(b), file).toBe(true);
    }

    const written = [...(await files(join(dir, 'a'))), ...(await files(join(dir, 'b'))), ...(await files(cacheDir))];
    expect(written.filter((f) => f.startsWith(cacheDir))).toHaveLength(COUNT);
    for (const file of written) {
      const bytes = await readFile(file);
      expect(bytes.includes(KEY_PREFIX), file).toBe(false);
    }
  });

  it('keeps several items in writing at once and still writes them in index order', async () => {
    // Later requests answer sooner, so replies arrive out of order.
    server.setScript((body, request) => writerReply(body, { delayMs: 120 - 15 * (request.n % 8) }));
    const count = 16;
    const { samples } = await run(llmWriter(makeClient({ concurrency: 4 }), { concurrency: 4 }), join(dir, 'out'), { count });
    expect(samples.map((s) => s.index)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(server.peakInFlight()).toBe(4);
    const lines = (await readFile(join(dir, 'out', 'samples.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).index)).toEqual(samples.map((s) => s.index));
    // Each item got its own reply: the wording holds its own first phrasing and its own steps.
    const template: Sample[] = [];
    for await (const s of generate({ scenario: textBars, count, seed: SEED })) template.push(s);
    samples.forEach((sample, i) => {
      sample.qa.forEach((q, j) => {
        const t = template[i]!.qa[j]!;
        expect(q.id).toBe(t.id);
        expect(q.rationale.startsWith(t.rationale.split('\n')[0]!)).toBe(true);
        expect(q.question).toBe(rewordQuestion(q.task === 'count' ? 'How many bars are there?' : t.question));
      });
    });
  });

  it('asks for a conversation with the conversation option, and names the writer so', async () => {
    const options: LlmWriterOptions[] = [{}, { conversation: true }];
    const [plain, conversation] = await Promise.all(
      options.map(async (o, i) => (await run(llmWriter(makeClient(), { ...o, concurrency: 1 }), join(dir, `out${i}`), { count: 1 })).manifest),
    );
    expect(plain?.writer).toBe('llm:test-model');
    expect(conversation?.writer).toBe('llm-conversation:test-model');
    const systems = server.requests.map((r) => messageText(r.body.messages.find((m) => m.role === 'system')));
    const withNote = systems.filter((s) => /conversation/i.test(s));
    expect(systems).toHaveLength(2);
    expect(withNote).toHaveLength(1);
    expect(withNote[0]?.startsWith(systems.find((s) => s !== withNote[0]) as string)).toBe(true);
    // The user messages are the same; only the system prompt differs.
    expect(new Set(server.requests.map((r) => r.body.messages.find((m) => m.role === 'user')?.content)).size).toBe(1);
  });
});

/** Identical requests, replies without ids: cases that once went wrong. */
describe('llmWriter edge cases', () => {
  let server: LoopbackModel;
  let dir: string;
  beforeEach(async () => {
    server = await startLoopbackModel((body) => writerReply(body));
    dir = await mkdtemp(join(tmpdir(), 'absynth-llm-bugs-'));
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const makeClient = (cacheDir: string | null) =>
    new LlmClient({ baseURL: server.baseURL, model: 'test-model', apiKey: KEY, maxRetries: 0, timeoutMs: 60_000, cacheDir });

  // Identical requests in flight at once share one reply (and one cache write).
  it('answers identical requests in flight at once, caching one reply', async () => {
    const client = makeClient(join(dir, 'cache'));
    const payload = { scenario: 'bars', facts: null, questions: [{ id: 'q1', task: 'count', question: 'How many bars?', answer: '4', steps: [] }] };
    const request = { messages: [{ role: 'user' as const, content: JSON.stringify(payload) }] };
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => client.complete(request)));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(server.requests).toHaveLength(1);
    // One reply for one request: the run and a cached rerun then agree.
    expect(new Set(results.map((r) => (r as PromiseFulfilledResult<{ content: string }>).value.content)).size).toBe(1);
  });

  // Plain `bars` has no text, so items 1 and 4 of seed 5 (both "4 bars, bar 4 tallest") send
  // identical requests, in flight at once: they must share one reply, or a rerun from the cache
  // (which holds one reply per request) would write a different dataset and report.
  it('reruns from the cache byte-identically even when two items send the same request', async () => {
    // The first of the two identical requests gets a wrong q1, slowly (so its reply is cached
    // last); the second a good reply at once.
    let seen = 0;
    server.setScript((body) => {
      const same = writerPayload(body).questions.every((q) => q.answer === '4');
      if (!same) return writerReply(body);
      seen++;
      return seen === 1 ? writerReply(body, { wrong: ['q1'], delayMs: 150 }) : writerReply(body);
    });
    const cacheDir = join(dir, 'cache');
    const reports = [];
    for (const name of ['a', 'b']) {
      const writer = llmWriter(makeClient(cacheDir));
      const options = { scenario: bars, count: COUNT, seed: SEED, writer };
      const sink = await DatasetWriter.open(join(dir, name));
      for await (const s of generate(options)) await sink.write(s);
      reports.push((await sink.close(planRun(options))).writerReport);
    }
    expect(reports[1]).toEqual(reports[0]);
    expect((await readFile(join(dir, 'b', 'samples.jsonl'))).equals(await readFile(join(dir, 'a', 'samples.jsonl')))).toBe(true);
  });

  // An entry is matched by id, and by position only when it carries no id. Item 1 of seed 5 has 4
  // bars with bar 4 the tallest: a reply with only q2's entry must not give q1 ("How many bars?")
  // the wording "which bar is the tallest?", though both answers are 4.
  it('never uses one question\'s entry for another', async () => {
    server.setScript((body) => {
      const { questions } = JSON.parse(writerContent(body));
      return { kind: 'content', content: JSON.stringify({ questions: [questions[1]] }) };
    });
    const writer = llmWriter(makeClient(null), { concurrency: 1 });
    const samples: Sample[] = [];
    for await (const s of generate({ scenario: bars, count: 2, seed: SEED, writer })) samples.push(s);
    const count = samples[1]!.qa[0]!;
    expect(count.task).toBe('count');
    expect(count.question).not.toMatch(/tallest/);
    expect(writer.report?.().rejected.malformed).toBe(2);
  });
});
