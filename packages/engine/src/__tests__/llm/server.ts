/**
 * A real chat completions server on the loopback interface for the LLM tests: `POST
 * /v1/chat/completions`, answered by a script `(body, n, request) => Reply` (n counts requests
 * from 0). It records every request (body, headers, arrival time, whether the client hung up
 * before the reply ended, the body bytes sent) and the peak in flight.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface Received {
  /** 0-based, in arrival order. */
  n: number;
  body: ChatBody;
  headers: IncomingHttpHeaders;
  /** `performance.now()` at arrival. */
  at: number;
  /** Set when the client closed the connection before the whole reply was sent. */
  hungUp: boolean;
  /** Bytes of the reply body written so far. */
  sent: number;
}

/** The parts of a chat completions request the tests read. */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  response_format?: { type: string };
}

/** What the question writer sends in its user message. */
export interface WriterPayload {
  scenario: string;
  facts: string | null;
  questions: { id: string; task: string; question: string; answer: string; steps: string[] }[];
}

/** How to answer one request. Every kind may wait `delayMs` first. */
export type Reply =
  | { kind: 'content'; content: string | null; refusal?: string | null; finishReason?: string; delayMs?: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** 200 and its headers at once, then a body of spaces one byte every `intervalMs` (default 1,000) until the client hangs up. */
  | { kind: 'trickle'; intervalMs?: number; delayMs?: number }
  /** Reads the request and never answers (until the client hangs up). */
  | { kind: 'hang' }
  /** A chat completion whose content is `bytes` letters, sent in 64 KiB chunks (no `Content-Length`) unless `declared`. */
  | { kind: 'large'; bytes: number; declared?: boolean; delayMs?: number };

export type Script = (body: ChatBody, n: number, request: Received) => Reply | Promise<Reply>;

export interface ChatServer {
  /** `http://127.0.0.1:<port>/v1`. */
  baseURL: string;
  requests: Received[];
  /** Most requests in flight (received, not yet answered) at once. */
  peakInFlight: () => number;
  /** Replace the script. */
  setScript: (script: Script) => void;
  close: () => Promise<void>;
}

/** A rough token count, deterministic: one per 4 characters. */
export const tokens = (text: string): number => Math.ceil(text.length / 4);

export async function startChatServer(script: Script): Promise<ChatServer> {
  let current = script;
  const requests: Received[] = [];
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const at = performance.now();
        inFlight++;
        peak = Math.max(peak, inFlight);
        let received: Received | undefined;
        const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
          if (res.destroyed || res.writableEnded) return;
          const text = JSON.stringify(body);
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(text);
          if (received !== undefined) received.sent = Buffer.byteLength(text);
        };
        try {
          if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
            send(404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const body = JSON.parse(raw) as ChatBody;
          const entry: Received = { n: requests.length, body, headers: req.headers, at, hungUp: false, sent: 0 };
          received = entry;
          requests.push(entry);
          const closed = new Promise<void>((resolve) =>
            res.on('close', () => {
              if (!res.writableFinished) entry.hungUp = true;
              resolve();
            }),
          );
          const reply = await current(body, entry.n, entry);
          if ('delayMs' in reply && reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
          if (reply.kind === 'hang') {
            await closed;
            return;
          }
          if (reply.kind === 'trickle') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.write('{');
            entry.sent = 1;
            const timer = setInterval(() => {
              res.write(' ');
              entry.sent++;
            }, reply.intervalMs ?? 1_000);
            await closed;
            clearInterval(timer);
            return;
          }
          if (reply.kind === 'large') {
            const head = `{"id":"chatcmpl-${entry.n}","object":"chat.completion","created":1700000000,"model":${JSON.stringify(body.model)},"choices":[{"index":0,"message":{"role":"assistant","content":"`;
            const tail = '"},"finish_reason":"stop"}]}';
            const total = head.length + reply.bytes + tail.length;
            res.writeHead(200, { 'content-type': 'application/json', ...(reply.declared ? { 'content-length': String(total) } : {}) });
            const write = (text: string) =>
              new Promise<void>((resolve) => {
                entry.sent += text.length;
                if (res.write(text)) resolve();
                else res.once('drain', resolve);
              });
            await write(head);
            const chunk = 'x'.repeat(64 * 1024);
            for (let left = reply.bytes; left > 0 && !res.destroyed; left -= chunk.length) {
              // A client that stops reading is noticed here: the write stays blocked until it hangs up.
              await Promise.race([write(left >= chunk.length ? chunk : chunk.slice(0, left)), closed]);
            }
            if (!res.destroyed) res.end(tail);
            return;
          }
          if (reply.kind === 'status') {
            send(reply.status, reply.body ?? { error: { message: `status ${reply.status}`, type: 'server_error' } }, reply.headers);
            return;
          }
          const promptTokens = tokens(raw);
          const completionTokens = tokens(reply.content ?? reply.refusal ?? '');
          send(200, {
            id: `chatcmpl-${entry.n}`,
            object: 'chat.completion',
            created: 1_700_000_000 + entry.n,
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: reply.content, refusal: reply.refusal ?? null },
                logprobs: null,
                finish_reason: reply.finishReason ?? 'stop',
              },
            ],
            usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
          });
        } catch (error) {
          send(500, { error: { message: `test server: ${String(error)}`, type: 'server_error' } });
        } finally {
          inFlight--;
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The writer's payload in a request's user message. */
export function writerPayload(body: ChatBody): WriterPayload {
  const user = body.messages.find((m) => m.role === 'user');
  if (user === undefined) throw new Error('no user message');
  return JSON.parse(user.content) as WriterPayload;
}

/** A different answer text that no scorer accepts for the original (numbers, yes/no, letters, routes; else a non-answer). */
export function wrongAnswerText(answer: string): string {
  if (/^-?\d+(\.\d+)?$/.test(answer)) {
    const x = Number(answer);
    return String(x >= 0 ? x * 2 + 7 : x * 2 - 7);
  }
  if (/^yes$/i.test(answer)) return 'No';
  if (/^no$/i.test(answer)) return 'Yes';
  if (/^[A-H]$/.test(answer)) return answer === 'A' ? 'B' : 'A';
  const flip: Record<string, string> = { up: 'down', down: 'up', left: 'right', right: 'left' };
  if (/\b(up|down|left|right)\b/.test(answer)) return answer.replace(/\b(up|down|left|right)\b/g, (d) => flip[d] as string);
  return 'cannot be determined';
}

/** The model's wording of a question. */
export const rewordQuestion = (question: string): string => `Looking at the picture: ${question}`;

/** A good reply: every question reworded, each rationale the steps then "The answer is <answer>.". */
export function goodContent(body: ChatBody): string {
  return wrongContent(body, []);
}

/** A reply like {@link goodContent} but stating a wrong answer for the questions with these ids. */
export function wrongContent(body: ChatBody, wrongIds: readonly string[]): string {
  const payload = writerPayload(body);
  return JSON.stringify({
    questions: payload.questions.map((q) => ({
      id: q.id,
      question: rewordQuestion(q.question),
      rationale: `${q.steps.join(' ')} The answer is ${wrongIds.includes(q.id) ? wrongAnswerText(q.answer) : q.answer}.`,
    })),
  });
}

export const good = (body: ChatBody, delayMs = 0): Reply => ({ kind: 'content', content: goodContent(body), delayMs });
export const wrong = (body: ChatBody, wrongIds: readonly string[]): Reply => ({ kind: 'content', content: wrongContent(body, wrongIds) });
export const malformed = (): Reply => ({ kind: 'content', content: '{"questions": [{"id": "q1", "question": "Unfinished' });
export const refusal = (): Reply => ({ kind: 'content', content: null, refusal: "I'm sorry, I can't help with that." });
export const empty = (): Reply => ({ kind: 'content', content: '' });
export const tooMany = (retryAfterSeconds: number): Reply => ({
  kind: 'status',
  status: 429,
  headers: { 'retry-after': String(retryAfterSeconds) },
  body: { error: { message: 'Rate limit reached, please retry', type: 'requests', code: 'rate_limit_exceeded' } },
});
export const serverError = (): Reply => ({ kind: 'status', status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } });
/** A 401 whose message quotes the key the client sent, whole and masked, as careless servers do. */
export const unauthorized = (request: Received): Reply => {
  const key = String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  const masked = `${key.slice(0, 10)}${'*'.repeat(8)}${key.slice(-4)}`;
  return {
    kind: 'status',
    status: 401,
    body: { error: { message: `Incorrect API key provided: ${key} (${masked}).`, type: 'invalid_request_error', code: 'invalid_api_key' } },
  };
};
export const notFound = (body: ChatBody): Reply => ({
  kind: 'status',
  status: 404,
  body: { error: { message: `The model \`${body.model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found' } },
});
