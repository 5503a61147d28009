import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  absynthReply,
  closedPort,
  hashedShare,
  type LoopbackBody,
  type LoopbackModel,
  type LoopbackScript,
  rateLimited,
  rewordQuestion,
  startLoopbackModel,
  unauthorized,
  userImage,
  userText,
  writerContent,
  wrongAnswerText,
} from '../index.js';

let model: LoopbackModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const start = async (script: LoopbackScript) => {
  model = await startLoopbackModel(script);
  return model;
};

const chat = (content: string) => ({ model: 'm', messages: [{ role: 'user', content }] });

/** Posts a chat request; `signal` lets the test hang up. */
const post = (m: LoopbackModel, body: unknown, init: RequestInit = {}) =>
  fetch(`${m.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-loop-0123456789' }, body: JSON.stringify(body), ...init });

/** Reads `bytes` bytes of a reply's body (or all of it), then hangs up. */
async function readSome(response: Response, bytes: number): Promise<number> {
  const reader = response.body?.getReader();
  let read = 0;
  while (reader !== undefined && read < bytes) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
  }
  await reader?.cancel();
  return read;
}

describe('the loopback model', () => {
  it('answers with content, stating estimated or given token counts, and records the request', async () => {
    const m = await start((body, request) => ({ kind: 'content', content: `echo: ${userText(body)}`, ...(request.n === 1 ? { usage: { prompt: 100, completion: 40 } } : {}) }));
    const first = (await (await post(m, chat('hello'))).json()) as { choices: { message: { content: string } }[]; usage: Record<string, number> };
    expect(first.choices[0]?.message.content).toBe('echo: hello');
    expect(first.usage.completion_tokens).toBe(Math.ceil('echo: hello'.length / 4));
    const second = (await (await post(m, chat('hello'))).json()) as { usage: Record<string, number> };
    expect(second.usage).toEqual({ prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 });
    expect(m.requests.map((r) => [r.n, r.attempt, r.hungUp])).toEqual([
      [0, 0, false],
      [1, 1, false],
    ]);
    expect(m.requests[0]?.headers.authorization).toBe('Bearer sk-loop-0123456789');
    expect(m.requests[0]?.sent).toBeGreaterThan(0);
  });

  it('counts attempts per identical body', async () => {
    const m = await start((_, request) => ({ kind: 'content', content: String(request.attempt) }));
    for (const text of ['a', 'b', 'a', 'a', 'b']) await (await post(m, chat(text))).text();
    expect(m.requests.map((r) => r.attempt)).toEqual([0, 0, 1, 2, 1]);
  });

  it('sends statuses with their bodies and headers, and 404 off its one route', async () => {
    const m = await start((_, request) => (request.n === 0 ? rateLimited(3) : unauthorized(request)));
    const limited = await post(m, chat('a'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const refused = await post(m, chat('b'));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('sk-loop-0123456789');
    const off = await fetch(`${m.baseURL}/models`);
    expect(off.status).toBe(404);
    expect(m.requests).toHaveLength(2);
  });

  it('sends raw bytes, and a 500 when the script throws', async () => {
    const m = await start((_, request) => {
      if (request.n === 0) return { kind: 'raw', body: '{"choices": [' };
      throw new Error('script broke');
    });
    expect(await (await post(m, chat('a'))).text()).toBe('{"choices": [');
    const broken = await post(m, chat('b'));
    expect(broken.status).toBe(500);
    expect(await broken.text()).toContain('script broke');
  });

  it('drops a connection', async () => {
    const m = await start(() => ({ kind: 'drop' }));
    await expect(post(m, chat('a'))).rejects.toThrow();
    await expect.poll(() => m.requests[0]?.hungUp).toBe(true);
  });

  it('holds a hung request until the client hangs up, and notes that it did', async () => {
    const m = await start(() => ({ kind: 'hang' }));
    const controller = new AbortController();
    const pending = post(m, chat('a'), { signal: controller.signal }).catch((error: unknown) => error);
    await expect.poll(() => m.requests.length).toBe(1);
    expect(m.peakInFlight()).toBe(1);
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await expect.poll(() => m.requests[0]?.hungUp).toBe(true);
  });

  it('trickles a whole reply byte by byte, or a body that never ends until the client hangs up', async () => {
    const m = await start((_, request) => (request.n === 0 ? { kind: 'trickle', content: 'ok', intervalMs: 1 } : { kind: 'trickle', intervalMs: 1 }));
    const whole = (await (await post(m, chat('a'))).json()) as { choices: { message: { content: string } }[] };
    expect(whole.choices[0]?.message.content).toBe('ok');
    const endless = await post(m, chat('b'));
    expect(endless.status).toBe(200);
    expect(await readSome(endless, 5)).toBeGreaterThanOrEqual(5);
    await expect.poll(() => m.requests[1]?.hungUp).toBe(true);
    expect(m.requests[0]?.hungUp).toBe(false);
  });

  it.each([
    ['streamed without a length', false],
    ['with a Content-Length', true],
  ])('sends a large reply as the client reads it (%s)', async (_name, declared) => {
    const m = await start((_, request) => ({ kind: 'large', bytes: request.n === 0 ? 200 * 1024 : 8 * 1024 * 1024, declared }));
    const small = await post(m, chat('a'));
    expect(small.headers.get('content-length') !== null).toBe(declared);
    const parsed = (await small.json()) as { choices: { message: { content: string } }[] };
    expect(parsed.choices[0]?.message.content).toBe('x'.repeat(200 * 1024));
    // A client that stops after 256 KiB: the server does not push the other megabytes.
    await readSome(await post(m, chat('b')), 256 * 1024);
    await expect.poll(() => m.requests[1]?.hungUp).toBe(true);
    expect(m.requests[1]!.sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('ends hung and trickling replies when it closes', async () => {
    const m = await start((_, request) => (request.n === 0 ? { kind: 'hang' } : { kind: 'trickle', intervalMs: 1_000 }));
    const hung = post(m, chat('a')).then((r) => r.text()).catch((error: unknown) => error);
    const trickled = post(m, chat('b')).then((r) => r.text()).catch((error: unknown) => error);
    await expect.poll(() => m.requests.length).toBe(2);
    await m.close();
    model = undefined;
    expect(await hung).toBeInstanceOf(Error);
    expect(await trickled).toBeInstanceOf(Error);
  });

  it('finds a closed port, and listens on a port it is given', async () => {
    const port = await closedPort();
    await expect(fetch(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST' })).rejects.toThrow();
    const m = await startLoopbackModel(() => ({ kind: 'content', content: 'here' }), { port });
    model = m;
    expect(m.baseURL).toBe(`http://127.0.0.1:${port}/v1`);
    // Plain node:http, as any client would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest(`${m.baseURL}/chat/completions`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end(JSON.stringify(chat('x')));
    });
    expect(status).toBe(200);
  });
});

describe('what a script reads', () => {
  it('the last user message, its text parts joined, and its image', () => {
    const body: LoopbackBody = {
      model: 'm',
      messages: [
        { role: 'user', content: 'first' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What ' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } },
            { type: 'text', text: 'is shown?' },
          ],
        },
      ],
    };
    expect(userText(body)).toBe('What is shown?');
    expect(userImage(body)).toBe('data:image/png;base64,AA==');
    expect(userImage(chat('plain'))).toBeNull();
  });

  it('a share in [0, 1) that a rerun draws again', () => {
    const shares = Array.from({ length: 1000 }, (_, i) => hashedShare(`q${i}`));
    expect(shares.every((s) => s >= 0 && s < 1)).toBe(true);
    expect(hashedShare('q1')).toBe(shares[1]);
    const below = shares.filter((s) => s < 0.8).length;
    expect(below).toBeGreaterThan(700);
    expect(below).toBeLessThan(900);
  });
});

describe('replies to absynth', () => {
  const json = (reply: ReturnType<typeof absynthReply>) => JSON.parse(reply.kind === 'content' ? (reply.content ?? '') : '') as Record<string, unknown>;
  const writer = { scenario: 'maze', facts: null, questions: [{ id: 'q1', task: 't', question: 'How many?', answer: '4', steps: ['Count them.'] }] };

  it("rewords the writer's questions with rationales ending in their verified answers", () => {
    expect(json(absynthReply(chat(JSON.stringify(writer))))).toEqual({
      questions: [{ id: 'q1', question: rewordQuestion('How many?'), rationale: 'Count them. The answer is 4.' }],
    });
    expect(JSON.parse(writerContent(chat(JSON.stringify(writer)), ['q1']))).toEqual({
      questions: [{ id: 'q1', question: rewordQuestion('How many?'), rationale: `Count them. The answer is ${wrongAnswerText('4')}.` }],
    });
  });

  it('states a wrong answer that differs from the right one', () => {
    for (const answer of ['4', '-2', '0.5', 'Yes', 'no', 'A', 'C', 'up, left', 'Oslo']) expect(wrongAnswerText(answer)).not.toBe(answer);
  });

  it('proposes topics and ideas from the examples, under names that differ', () => {
    const topics = json(absynthReply(chat(JSON.stringify({ count: 3, examples: [{ id: 'a', measure: 'A', unit: 'x' }], knownMeasures: [] })))).topics as { id: string; measure: string; unit: string }[];
    expect(topics).toHaveLength(3);
    expect(new Set(topics.map((t) => t.measure)).size).toBe(3);
    expect(topics.every((t) => t.unit === 'x')).toBe(true);
    const ideas = json(absynthReply(chat(JSON.stringify({ count: 2, example: { title: 'T', kind: 'bar' }, avoidTitles: [] })))).ideas as { title: string; kind: string }[];
    expect(ideas.map((i) => i.kind)).toEqual(['bar', 'bar']);
    expect(ideas[0]?.title).not.toBe(ideas[1]?.title);
  });

  it('answers anything else with a short answer', () => {
    expect(absynthReply(chat('What is shown? Answer format: The answer is <answer>.'))).toEqual({ kind: 'content', content: 'The answer is 1.' });
  });
});
