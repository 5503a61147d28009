/**
 * A real OpenAI-compatible chat completions server on the loopback interface, for testing code
 * that talks to a model through a real client: `POST /v1/chat/completions`, answered by a script.
 * Replies may be content, a status with headers (429 with `Retry-After`, 401, 500), a delay, a
 * body trickled a byte at a time, a request never answered, a dropped connection, raw bytes or a
 * reply of megabytes. It records every request (and whether the client hung up before the reply
 * ended) and the peak in flight.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One part of a multimodal user message. */
export type LoopbackContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** One message of a chat completions request. */
export interface LoopbackMessage {
  role: string;
  content: string | LoopbackContentPart[] | null;
}

/** The parts of a chat completions request a script reads. */
export interface LoopbackBody {
  model: string;
  messages: LoopbackMessage[];
  temperature?: number;
  max_tokens?: number;
  response_format?: { type: string };
}

/** One request as the server saw it. */
export interface LoopbackRequest {
  /** 0-based, in arrival order. */
  n: number;
  /** 0-based: how many earlier requests had the same body (a client's retries of one request). */
  attempt: number;
  body: LoopbackBody;
  headers: IncomingHttpHeaders;
  /** `performance.now()` at arrival. */
  at: number;
  /** Set when the connection closed before the whole reply was sent (the client hung up, or a `drop` reply). */
  hungUp: boolean;
  /** Bytes of the reply body written so far. */
  sent: number;
}

/** Token counts a `content` reply states instead of the estimate. */
export interface LoopbackUsage {
  prompt: number;
  completion: number;
}

/** How to answer one request. Every kind but `hang` may wait `delayMs` first. */
export type LoopbackReply =
  | { kind: 'content'; content: string | null; refusal?: string | null; finishReason?: string; usage?: LoopbackUsage; delayMs?: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /**
   * Sends 200 and its headers at once, then the reply to `content` one byte every `intervalMs`
   * (default 1,000); without `content`, a body that never ends (a brace, then spaces) until the
   * client hangs up.
   */
  | { kind: 'trickle'; content?: string; intervalMs?: number; delayMs?: number }
  /** Reads the request and never answers (until the client hangs up). */
  | { kind: 'hang' }
  /** Closes the connection without a reply. */
  | { kind: 'drop'; delayMs?: number }
  /** Sends exactly these bytes as a JSON body (for replies malformed for `content`). */
  | { kind: 'raw'; body: string | Uint8Array; status?: number; delayMs?: number }
  /** A completion whose content is `bytes` letters, sent in 64 KiB chunks as the client reads them, without a `Content-Length` unless `declared`. */
  | { kind: 'large'; bytes: number; declared?: boolean; delayMs?: number };

/** Answers a request; may be async (a script that waits holds the request in flight). */
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

/** Where the loopback model listens. */
export interface LoopbackOptions {
  /** The port on 127.0.0.1; default a free one. */
  port?: number;
}

/** A deterministic token count: one per 4 characters. */
export const tokenEstimate = (text: string): number => Math.ceil(text.length / 4);

/** What a successful chat completion says. */
export interface CompletionParts {
  content: string | null;
  /** Default null. */
  refusal?: string | null;
  /** Default `stop`. */
  finishReason?: string;
  /** Default the estimate of {@link tokenEstimate} over the messages and the reply. */
  usage?: LoopbackUsage;
}

/** The body of the `n`-th successful chat completion, answering `body`. */
export function completionBody(body: LoopbackBody, n: number, parts: CompletionParts): unknown {
  const { content, refusal = null, finishReason = 'stop' } = parts;
  const prompt = parts.usage?.prompt ?? tokenEstimate(JSON.stringify(body.messages));
  const completion = parts.usage?.completion ?? tokenEstimate(content ?? refusal ?? '');
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

/** Sends `reply` to `received` on `res`; resolves when the reply is over. */
async function answer(res: ServerResponse, received: LoopbackRequest, reply: LoopbackReply, closed: Promise<void>): Promise<void> {
  const send = (status: number, bytes: string | Uint8Array, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(bytes);
    received.sent = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  };
  if (reply.kind === 'hang') return closed;
  if (reply.delayMs) await sleep(reply.delayMs);
  switch (reply.kind) {
    case 'content':
      return send(200, JSON.stringify(completionBody(received.body, received.n, reply)));
    case 'status':
      return send(reply.status, JSON.stringify(reply.body ?? { error: { message: `status ${reply.status}`, type: 'server_error' } }), reply.headers);
    case 'raw':
      return send(reply.status ?? 200, reply.body);
    case 'drop':
      res.socket?.destroy();
      return;
    case 'trickle': {
      const bytes = reply.content === undefined ? undefined : Buffer.from(JSON.stringify(completionBody(received.body, received.n, { content: reply.content })));
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json', ...(bytes === undefined ? {} : { 'content-length': String(bytes.length) }) });
      res.flushHeaders();
      const timer = setInterval(() => {
        if (res.destroyed || res.writableEnded) return;
        if (bytes !== undefined && received.sent >= bytes.length) {
          res.end();
          return;
        }
        res.write(bytes === undefined ? (received.sent === 0 ? '{' : ' ') : bytes.subarray(received.sent, received.sent + 1));
        received.sent++;
      }, reply.intervalMs ?? 1_000);
      await closed;
      clearInterval(timer);
      return;
    }
    case 'large': {
      const marker = '\u0000';
      const usage = { prompt: tokenEstimate(JSON.stringify(received.body.messages)), completion: tokenEstimate('x'.repeat(reply.bytes)) };
      const [head = '', tail = ''] = JSON.stringify(completionBody(received.body, received.n, { content: marker, usage })).split(JSON.stringify(marker).slice(1, -1));
      if (res.destroyed) return;
      const total = Buffer.byteLength(head) + reply.bytes + Buffer.byteLength(tail);
      res.writeHead(200, { 'content-type': 'application/json', ...(reply.declared ? { 'content-length': String(total) } : {}) });
      const write = (text: string) =>
        new Promise<void>((resolve) => {
          received.sent += Buffer.byteLength(text);
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
  }
}

/** Starts a loopback model answering with `script` on 127.0.0.1. */
export async function startLoopbackModel(script: LoopbackScript, options: LoopbackOptions = {}): Promise<LoopbackModel> {
  let current = script;
  const requests: LoopbackRequest[] = [];
  const bodies = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;

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
          const raw = Buffer.concat(chunks).toString('utf8');
          const body = JSON.parse(raw) as LoopbackBody;
          const attempt = bodies.get(raw) ?? 0;
          bodies.set(raw, attempt + 1);
          const received: LoopbackRequest = { n: requests.length, attempt, body, headers: req.headers, at, hungUp: false, sent: 0 };
          requests.push(received);
          const closed = new Promise<void>((resolve) =>
            res.on('close', () => {
              if (!res.writableFinished) received.hungUp = true;
              resolve();
            }),
          );
          await answer(res, received, await current(body, received), closed);
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
    setScript: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (one the system just gave out and took back), for a client that must find no server. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
