/**
 * A real chat completions server on 127.0.0.1 that answers evaluation questions from the ground
 * truth: it finds each question by its prompt and image, and answers as a script says (the
 * truth, a wrong answer, a status code with headers, a refusal, a delay, no answer at all, a
 * dropped connection). Modelled on core's LLM test server.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Dataset, promptFor, type QA } from '@absynth/engine';
import { imageDataUrl, paperSuffix } from '../engine.js';

export interface AskedBody {
  model: string;
  temperature?: number;
  messages: { role: string; content: string | ({ type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } })[] }[];
}

/** How to answer. */
export type Behaviour =
  | { kind: 'content'; content: string; delayMs?: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'refusal' }
  /** Never answer (until the client hangs up). */
  | { kind: 'hang' }
  /** Close the connection without a reply. */
  | { kind: 'drop' };

/** Decides the reply to a question found in the truth (`qa` undefined when the prompt is unknown). */
export type Script = (qa: QA | undefined, attempt: number, body: AskedBody) => Behaviour;

export interface TruthServer {
  baseURL: string;
  /** Requests per question id (retries included). */
  attempts: Map<string, number>;
  bodies: AskedBody[];
  peakInFlight: () => number;
  close: () => Promise<void>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The prompt and image of a request. */
export function promptOf(body: AskedBody): { text: string; image: string | null } {
  const content = body.messages.at(-1)?.content ?? '';
  if (typeof content === 'string') return { text: content, image: null };
  const text = content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const image = content.find((p) => p.type === 'image_url');
  return { text, image: image?.type === 'image_url' ? image.image_url.url : null };
}

/** The questions of datasets by prompt (without the suffix) and image hash. */
export async function truthIndex(datasets: readonly Dataset[]): Promise<Map<string, QA>> {
  const index = new Map<string, QA>();
  for (const dataset of datasets) {
    for await (const record of dataset.samples) {
      const image = record.image === null ? '' : sha(await imageDataUrl(join(dataset.dir, record.image)));
      for (const qa of record.qa) index.set(`${promptFor(record, qa)}\u0000${image}`, qa);
    }
  }
  return index;
}

/** The truth, stated as the paper's format asks. */
export const truthReply = (qa: QA): string => `The answer is ${qa.answerText.replace(/\.$/, '')}.`;

export async function startTruthServer(index: Map<string, QA>, script: Script, suffix = paperSuffix): Promise<TruthServer> {
  const attempts = new Map<string, number>();
  const bodies: AskedBody[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AskedBody;
          bodies.push(body);
          const { text, image } = promptOf(body);
          const prompt = text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
          const qa = index.get(`${prompt}\u0000${image === null ? '' : sha(image)}`);
          const attempt = qa === undefined ? 0 : (attempts.get(qa.id) ?? 0);
          if (qa !== undefined) attempts.set(qa.id, attempt + 1);
          const behaviour = script(qa, attempt, body);
          if ('delayMs' in behaviour && behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
          if (res.destroyed) return;
          if (behaviour.kind === 'hang') {
            await new Promise((resolve) => res.on('close', resolve));
            return;
          }
          if (behaviour.kind === 'drop') {
            req.socket.destroy();
            return;
          }
          if (behaviour.kind === 'status') {
            res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
            res.end(JSON.stringify({ error: { message: `status ${behaviour.status}`, type: 'server_error' } }));
            return;
          }
          const message =
            behaviour.kind === 'refusal'
              ? { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." }
              : { role: 'assistant', content: behaviour.content, refusal: null };
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id: 'chatcmpl-eval',
              object: 'chat.completion',
              created: 1_700_000_000,
              model: body.model,
              choices: [{ index: 0, message, logprobs: null, finish_reason: 'stop' }],
              usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
            }),
          );
        } catch (error) {
          if (!res.destroyed) {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
          }
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
    attempts,
    bodies,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
