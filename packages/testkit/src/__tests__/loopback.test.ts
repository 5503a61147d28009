import { LlmClient, LlmError } from '@absynth/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { absynthReply, type LoopbackModel, startLoopbackModel, userText } from '../loopback.js';

let model: LoopbackModel | undefined;
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
    model = await startLoopbackModel((_, request) => (request.n === 0 ? { kind: 'hang' } : { kind: 'trickle', content: 'slow', intervalMs: 1000 }));
    const c = client(model.baseURL);
    const hung = c.complete({ messages: [{ role: 'user', content: 'a' }] }).catch((error: unknown) => error);
    const trickled = c.complete({ messages: [{ role: 'user', content: 'b' }] }).catch((error: unknown) => error);
    while (model.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await model.close();
    model = undefined;
    expect(await hung).toBeInstanceOf(Error);
    expect(await trickled).toBeInstanceOf(Error);
  });
});

describe('absynthReply', () => {
  const body = (content: string) => ({ model: 'm', messages: [{ role: 'user', content }] });
  const json = (reply: ReturnType<typeof absynthReply>) => JSON.parse(reply.kind === 'content' ? (reply.content ?? '') : '') as Record<string, unknown>;

  it("rewords the writer's questions with rationales ending in their verified answers", () => {
    const payload = { scenario: 'maze', facts: null, questions: [{ id: 'q1', task: 't', question: 'How many?', answer: '4', steps: ['Count them.'] }] };
    expect(json(absynthReply(body(JSON.stringify(payload))))).toEqual({
      questions: [{ id: 'q1', question: 'Looking at the image: How many?', rationale: 'Count them. The answer is 4.' }],
    });
  });

  it('proposes topics and ideas from the examples, under names that differ', () => {
    const topics = json(absynthReply(body(JSON.stringify({ count: 3, examples: [{ id: 'a', measure: 'A', unit: 'x' }], knownMeasures: [] })))).topics as { id: string; measure: string; unit: string }[];
    expect(topics).toHaveLength(3);
    expect(new Set(topics.map((t) => t.measure)).size).toBe(3);
    expect(topics.every((t) => t.unit === 'x')).toBe(true);
    const ideas = json(absynthReply(body(JSON.stringify({ count: 2, example: { title: 'T', kind: 'bar' }, avoidTitles: [] })))).ideas as { title: string; kind: string }[];
    expect(ideas.map((i) => i.kind)).toEqual(['bar', 'bar']);
    expect(ideas[0]?.title).not.toBe(ideas[1]?.title);
  });

  it('answers anything else with a short answer', () => {
    expect(absynthReply(body('What is shown? Answer format: The answer is <answer>.'))).toEqual({ kind: 'content', content: 'The answer is 1.' });
  });
});
