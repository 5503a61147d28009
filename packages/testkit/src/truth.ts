/**
 * A loopback model that plays a vision model which knows the answers: it finds each question a
 * request asks in the datasets it was given (by the prompt and the image it shows) and answers
 * as a script says, with the truth, a wrong answer or any other loopback reply.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset, QA } from '@absynth/engine';
import { promptFor } from '@absynth/engine';
import { type LoopbackModel, type LoopbackOptions, type LoopbackReply, type LoopbackRequest, startLoopbackModel, userImage, userText } from '@absynth/loopback';

/** The questions of datasets, keyed by the request that asks each: its prompt and the hash of its image. */
export type TruthIndex = Map<string, QA>;

/** How the client words its requests. */
export interface TruthIndexOptions {
  /** Text the client appends to every prompt (eval's `paperSuffix`); default none. */
  suffix?: string;
}

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The hash of an image's bytes, from a base64 `data:` URL (of any media type) or, for any other URL, of the URL itself. */
function imageHash(url: string | null): string {
  if (url === null) return '';
  const data = /^data:[^,]*;base64,(.*)$/s.exec(url);
  return sha256(data === null ? url : Buffer.from(data[1] ?? '', 'base64'));
}

const key = (prompt: string, image: string) => `${prompt}\u0000${image}`;

/** Every question of `datasets`, by the prompt a client sends for it (`promptFor` and the suffix) and the image it shows. */
export async function truthIndex(datasets: readonly Dataset[], options: TruthIndexOptions = {}): Promise<TruthIndex> {
  const index: TruthIndex = new Map();
  for (const dataset of datasets) {
    for await (const record of dataset.samples) {
      const image = record.image === null ? '' : sha256(await readFile(join(dataset.dir, record.image)));
      for (const qa of record.qa) index.set(key(`${promptFor(record, qa)}${options.suffix ?? ''}`, image), qa);
    }
  }
  return index;
}

/** The truth, stated as the paper's answer format asks: "The answer is <answer>.". */
export const truthReply = (qa: QA): string => `The answer is ${qa.answerText.replace(/\.$/, '')}.`;

/**
 * Decides the reply to a request: `qa` is the question it asks (undefined when the index holds
 * none), `attempt` how many requests for that question came before (0 on the first).
 */
export type TruthScript = (qa: QA | undefined, attempt: number, request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>;

/** A running truth model. */
export interface TruthModel extends Omit<LoopbackModel, 'setScript'> {
  /** Requests per question id, retries included. */
  attempts: Map<string, number>;
}

/** Starts a loopback model that finds each request's question in `index` and answers as `script` says. */
export async function startTruthModel(index: TruthIndex, script: TruthScript, options: LoopbackOptions = {}): Promise<TruthModel> {
  const attempts = new Map<string, number>();
  const model = await startLoopbackModel((body, request) => {
    const qa = index.get(key(userText(body), imageHash(userImage(body))));
    const attempt = qa === undefined ? 0 : (attempts.get(qa.id) ?? 0);
    if (qa !== undefined) attempts.set(qa.id, attempt + 1);
    return script(qa, attempt, request);
  }, options);
  const { setScript: _, ...rest } = model;
  return { ...rest, attempts };
}
