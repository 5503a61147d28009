/**
 * A real OpenAI-compatible chat completions server on the loopback interface, for testing code
 * that talks to a model (the LLM question writer, topic growth, proposed content, `absynth
 * eval`) through the real `openai` client: `POST /v1/chat/completions`, answered by a script.
 * Replies may be content, a status with headers (429 with `Retry-After`, 401, 500), a delay, a
 * body trickled a byte at a time, a request never answered, a dropped connection, or raw bytes.
 * It records every request and the peak in flight. Import it from `@absynth/testkit/loopback`
 * (it needs no vitest).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One part of a multimodal user message. */
export type LoopbackContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** The parts of a chat completions request a script reads. */
export interface LoopbackBody {
  model: string;
  messages: { role: string; content: string | LoopbackContentPart[] | null }[];
  temperature?: number;
  max_tokens?: number;
  response_format?: { type: string };
}

/** One request as the server saw it. */
export interface LoopbackRequest {
  /** 0-based, in arrival order. */
  n: number;
  body: LoopbackBody;
  headers: IncomingHttpHeaders;
  /** `performance.now()` at arrival. */
  at: number;
}

/** How to answer one request. Every kind but `hang` may wait `delayMs` first. */
export type LoopbackReply =
  | { kind: 'content'; content: string | null; refusal?: string | null; finishReason?: string; delayMs?: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Sends 200 and its headers at once, then the reply one byte every `intervalMs` (default 1,000), so a client sees a body that never ends in reasonable time. */
  | { kind: 'trickle'; content: string; intervalMs?: number; delayMs?: number }
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  /** Closes the connection without a reply. */
  | { kind: 'drop'; delayMs?: number }
  /** Sends exactly these bytes as a 200 JSON body (for replies too large or malformed for `content`). */
  | { kind: 'raw'; body: string | Uint8Array; status?: number; delayMs?: number };

/** Answers a request; may be async. */
export type LoopbackScript = (body: LoopbackBody, request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>;

/** A running loopback model. */
export interface LoopbackModel {
  /** `http://127.0.0.1:<port>/v1`, for `baseURL` or `--base-url`. */
  baseURL: string;
  /** Every request so far, in arrival order. */
  requests: LoopbackRequest[];
  /** Most requests in flight (received, not yet answered) at once. */
  peakInFlight(): number;
  /** Replaces the script. */
  setScript(script: LoopbackScript): void;
  /** Stops the server, ending hung and trickling replies. */
  close(): Promise<void>;
}

/** A deterministic token count: one per 4 characters. */
export const tokenEstimate = (text: string): number => Math.ceil(text.length / 4);

/** The body of a successful chat completion with `content`. */
export function completionBody(body: LoopbackBody, n: number, content: string | null, refusal: string | null = null, finishReason = 'stop'): unknown {
  const prompt = tokenEstimate(JSON.stringify(body.messages));
  const completion = tokenEstimate(content ?? refusal ?? '');
  return {
    id: `chatcmpl-loopback-${n}`,
    object: 'chat.completion',
    created: 1_700_000_000 + n,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where the loopback model listens. */
export interface LoopbackOptions {
  /** The port on 127.0.0.1; default a free one. */
  port?: number;
}

/** Starts a loopback model answering with `script` on 127.0.0.1. */
export async function startLoopbackModel(script: LoopbackScript, options: LoopbackOptions = {}): Promise<LoopbackModel> {
  let current = script;
  const requests: LoopbackRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let peak = 0;
  let closed = false;

  const answer = async (res: ServerResponse, received: LoopbackRequest, reply: LoopbackReply): Promise<void> => {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (reply.kind === 'hang') return new Promise<void>((resolve) => res.on('close', resolve));
    if (reply.delayMs) await sleep(reply.delayMs);
    switch (reply.kind) {
      case 'status':
        return json(reply.status, reply.body ?? { error: { message: `status ${reply.status}`, type: 'server_error' } }, reply.headers);
      case 'drop':
        res.socket?.destroy();
        return;
      case 'raw':
        if (!res.destroyed) {
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
          res.end(reply.body);
        }
        return;
      case 'trickle': {
        const bytes = Buffer.from(JSON.stringify(completionBody(received.body, received.n, reply.content)));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
        res.flushHeaders();
        return new Promise<void>((resolve) => {
          let sent = 0;
          const timer = setInterval(() => {
            if (res.destroyed || sent >= bytes.length || closed) {
              clearInterval(timer);
              timers.delete(timer);
              if (!res.destroyed && sent >= bytes.length) res.end();
              resolve();
              return;
            }
            res.write(bytes.subarray(sent, sent + 1));
            sent++;
          }, reply.intervalMs ?? 1000);
          timers.add(timer);
        });
      }
      case 'content':
        return json(200, completionBody(received.body, received.n, reply.content, reply.refusal ?? null, reply.finishReason));
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const at = performance.now();
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
            res.writeHead(404, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } }));
            return;
          }
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoopbackBody;
          const received: LoopbackRequest = { n: requests.length, body, headers: req.headers, at };
          requests.push(received);
          await answer(res, received, await current(body, received));
        } catch (error) {
          if (!res.headersSent && !res.destroyed) {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: `loopback model: ${String(error)}`, type: 'server_error' } }));
          }
        } finally {
          inFlight--;
        }
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    peakInFlight: () => peak,
    setScript: (script) => {
      current = script;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The text of the last user message (its text parts joined, for multimodal messages). */
export function userText(body: LoopbackBody): string {
  const user = body.messages.filter((m) => m.role === 'user').at(-1);
  if (user === undefined || user.content === null) return '';
  if (typeof user.content === 'string') return user.content;
  return user.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

const words = ['Amber', 'Birch', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Garnet', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lagoon', 'Meadow', 'Nimbus', 'Orchid', 'Pebble'];

/** A name made of three words, distinct for every `n` below 4,096, and sharing few words with its neighbours. */
function distinctName(n: number): string {
  const w = (k: number) => words[k % words.length] as string;
  return `${w(n)} ${w(Math.floor(n / 16) + 3)} ${w(Math.floor(n / 256) + 7)}`;
}

let proposals = 0;

/**
 * A reply that fits what absynth asked for, so commands that need a model run end to end
 * offline: the question writer's payload gets every question reworded with a rationale that
 * ends with its verified answer; topic growth and content proposals get new, valid entries made
 * from the examples the request shows, under distinct names; any other request (such as an eval
 * question) gets "The answer is 1.".
 */
export function absynthReply(body: LoopbackBody): LoopbackReply {
  const text = userText(body);
  let payload: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) payload = parsed as Record<string, unknown>;
  } catch {
    payload = undefined;
  }
  const content = (value: unknown): LoopbackReply => ({ kind: 'content', content: JSON.stringify(value) });
  if (payload !== undefined && Array.isArray(payload.questions)) {
    const questions = (payload.questions as { id: string; question: string; answer: string; steps?: string[] }[]).map((q) => ({
      id: q.id,
      question: `Looking at the image: ${q.question}`,
      rationale: `${(q.steps ?? []).join(' ')} The answer is ${q.answer}.`.trim(),
    }));
    return content({ questions });
  }
  if (payload !== undefined && Array.isArray(payload.examples)) {
    const count = typeof payload.count === 'number' ? payload.count : 1;
    const examples = payload.examples as Record<string, unknown>[];
    const topics = Array.from({ length: count }, (_, i) => {
      const n = proposals++;
      const name = distinctName(n);
      return { ...examples[i % examples.length], id: `loopback-${n}`, measure: `${name} index` };
    });
    return content({ topics });
  }
  if (payload !== undefined && typeof payload.example === 'object' && payload.example !== null) {
    const count = typeof payload.count === 'number' ? payload.count : 1;
    const ideas = Array.from({ length: count }, () => ({ ...(payload.example as object), title: `${distinctName(proposals++)} by month` }));
    return content({ ideas });
  }
  return { kind: 'content', content: 'The answer is 1.' };
}
