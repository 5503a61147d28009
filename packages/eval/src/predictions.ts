import { type FileHandle, mkdir, open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '@absynth/core';

/** The name of the predictions file in an evaluation's output folder. */
export const predictionsFile = 'predictions.jsonl';

/** One line of `predictions.jsonl`: a question, what the model said, and its score. */
export interface Prediction {
  /** The question's id (for benchmark rows, `<file stem>:<question_id>`). */
  question_id: string;
  /** The sample (image) the question is about. */
  sample_id: string;
  /** The scenario id (for benchmark rows, the file stem). */
  scenario: string;
  /** The task id (for benchmark rows, the row's type). */
  task: string;
  /** The question kind (for benchmark rows, the row's type in lowercase). */
  kind: string;
  /** The dataset's level (1–5); null for benchmark rows. */
  level: number | null;
  /** The answer type the response was scored as (`caption` is ROUGE-L, reported apart). */
  answer_type: string;
  /** The canonical answer text. */
  answer: string;
  /** The model's reply; null when no usable reply came (see `error`). At most the run's `maxResponseBytes` (64 KiB by default) of it: see `truncated`. */
  response: string | null;
  /** Set when `response` holds only the first `maxResponseBytes` of a longer reply (the score is the whole reply's). */
  truncated?: true;
  /** With `truncated`: the whole reply's length in UTF-8 bytes. */
  response_bytes?: number;
  /** 1 right, 0 wrong; a fraction for road-map routes (landmark coverage) and captions (ROUGE-L). */
  score: number;
  /** Why there is no usable reply (retries exhausted, timeout, refusal, empty reply); the score is 0. */
  error?: string;
  /** Extra measures, such as the paper's marker recall for benchmark route rows. */
  extra?: Record<string, number>;
}

/** What {@link readPredictions} found. */
export interface PredictionsRead {
  /** The predictions by question id, in file order. */
  byId: Map<string, Prediction>;
  /** Bytes of complete lines; anything after is a line an interrupted run left unfinished. */
  completeBytes: number;
  /** Whether an unfinished last line was found. */
  truncated: boolean;
}

/**
 * Reads a predictions file. A last line without its newline is what an interrupted write leaves:
 * it is ignored (and {@link PredictionLog} cuts it off before appending). Any other line that is
 * not a prediction is an error naming the line. A missing file reads as empty.
 */
export async function readPredictions(file: string): Promise<PredictionsRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { byId: new Map(), completeBytes: 0, truncated: false };
    throw error;
  }
  const completeBytes = bytes.lastIndexOf(0x0a) + 1;
  const byId = new Map<string, Prediction>();
  const lines = bytes.subarray(0, completeBytes).toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}, line ${i + 1}: not valid JSON, so not a predictions file absynth eval wrote`);
    }
    if (!isPrediction(value)) throw new UsageError(`${file}, line ${i + 1}: not a prediction (question_id, score)`);
    // A rerun with --retry-failed appends a new line for a failed question; the last one counts.
    byId.set(value.question_id, value);
  });
  return { byId, completeBytes, truncated: completeBytes < bytes.length };
}

function isPrediction(value: unknown): value is Prediction {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.question_id === 'string' && typeof v.score === 'number' && typeof v.scenario === 'string';
}

/**
 * `predictions.jsonl` opened for appending. Each prediction is one `write` of one whole line,
 * made as soon as it is scored, so an interrupted run keeps every answer it got (at worst the
 * last line is cut short, and the next run cuts it off and asks that question again).
 */
export class PredictionLog {
  private queue: Promise<void> = Promise.resolve();
  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  /** Opens `file` for appending after cutting off an unfinished last line; `keep` rewrites it with only these lines. */
  static async open(file: string, completeBytes: number, keep?: readonly Prediction[]): Promise<PredictionLog> {
    await mkdir(dirname(file), { recursive: true });
    if (keep !== undefined) {
      const rewritten = await open(file, 'w');
      try {
        await rewritten.writeFile(keep.map((p) => `${JSON.stringify(p)}\n`).join(''));
        await rewritten.sync();
      } finally {
        await rewritten.close();
      }
    } else {
      await truncate(file, completeBytes).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    return new PredictionLog(file, await open(file, 'a'));
  }

  /** Appends one prediction as one line; lines are written in call order. */
  append(prediction: Prediction): Promise<void> {
    const line = `${JSON.stringify(prediction)}\n`;
    const written = this.queue.then(async () => {
      await this.handle.write(line);
    });
    this.queue = written.catch(() => {});
    return written;
  }

  /** Waits for pending lines, syncs and closes the file. */
  async close(): Promise<void> {
    await this.queue;
    await this.handle.sync().catch(() => {});
    await this.handle.close();
  }
}
