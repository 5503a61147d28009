import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetWriter, generate, LlmClient, LlmError, planRun, type QA, readDataset } from '@absynth/engine';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type LoopbackModel, refusal, startLoopbackModel, startTruthModel, type TruthModel, truthIndex, truthReply, userText } from '../loopback.js';
import { good } from './fixtures/scenarios.js';

let model: LoopbackModel | TruthModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const client = (baseURL: string) => new LlmClient({ baseURL, model: 'loopback', apiKey: 'sk-test-loopback-key', cacheDir: null, maxRetries: 0, timeoutMs: 60_000 });

describe('the loopback model', () => {
  it('answers through the real openai client and records the request', async () => {
    model = await startLoopbackModel((body) => ({ kind: 'content', content: `echo: ${userText(body)}` }));
    const reply = await client(model.baseURL).complete({ messages: [{ role: 'user', content: 'hello' }] });
    expect(reply.content).toBe('echo: hello');
    expect(reply.usage.prompt).toBeGreaterThan(0);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]?.headers.authorization).toBe('Bearer sk-test-loopback-key');
  });

  it('sends statuses with their bodies, and drops connections', async () => {
    model = await startLoopbackModel((_, request) =>
      request.n === 0 ? { kind: 'status', status: 401, body: { error: { message: 'no such key', type: 'invalid_request_error' } } } : { kind: 'drop' },
    );
    const c = client(model.baseURL);
    await expect(c.complete({ messages: [{ role: 'user', content: 'a' }] })).rejects.toBeInstanceOf(LlmError);
    await expect(c.complete({ messages: [{ role: 'user', content: 'b' }] })).rejects.toThrow(/cannot reach/);
  });

  it('ends hung and trickling replies when it closes', async () => {
    const m = await startLoopbackModel((_, request) => (request.n === 0 ? { kind: 'hang' } : { kind: 'trickle', content: 'slow', intervalMs: 1000 }));
    const c = client(m.baseURL);
    const hung = c.complete({ messages: [{ role: 'user', content: 'a' }] }).catch((error: unknown) => error);
    const trickled = c.complete({ messages: [{ role: 'user', content: 'b' }] }).catch((error: unknown) => error);
    await expect.poll(() => m.requests.length).toBe(2);
    await m.close();
    expect(await hung).toBeInstanceOf(Error);
    expect(await trickled).toBeInstanceOf(Error);
  });
});

describe('the truth model', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('finds each question by its prompt and image, whatever the suffix, and counts the attempts per question', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'absynth-truth-'));
    dirs.push(dir);
    // Every item asks the same question, so only the image tells them apart.
    const options = { scenario: good, count: 3, seed: 2 };
    const sink = await DatasetWriter.open(dir);
    for await (const sample of generate(options)) await sink.write(sample);
    await sink.close(planRun(options));
    const suffix = ' Answer briefly.';
    const index = await truthIndex([await readDataset(dir)], { suffix });
    expect(index.size).toBe(3);
    const asked: (QA | undefined)[] = [];
    const m = await startTruthModel(index, (qa, attempt) => {
      asked.push(qa);
      if (qa === undefined) return { kind: 'status', status: 400 };
      return attempt === 0 ? refusal() : { kind: 'content', content: truthReply(qa) };
    });
    model = m;
    const c = client(m.baseURL);
    const records = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    for (const record of records.reverse()) {
      const url = `data:image/png;base64,${(await readFile(join(dir, record.image))).toString('base64')}`;
      const ask = () => c.complete({ messages: [{ role: 'user', content: [{ type: 'text', text: `${record.qa[0].question}${suffix}` }, { type: 'image_url', image_url: { url } }] }] });
      expect((await ask()).refusal).not.toBeNull();
      expect((await ask()).content).toBe(truthReply(record.qa[0]));
    }
    expect(asked.map((qa) => qa?.answerText)).toEqual(records.flatMap((r) => [r.qa[0].answerText, r.qa[0].answerText]));
    expect([...m.attempts.values()]).toEqual([2, 2, 2]);
    await expect(c.complete({ messages: [{ role: 'user', content: 'How many squares are there?' }] })).rejects.toThrow();
    expect(asked.at(-1)).toBeUndefined();
  });
});
