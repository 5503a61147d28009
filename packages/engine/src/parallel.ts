import { ScenarioError, UsageError } from '@absynth/core';
import { Worker } from 'node:worker_threads';
import { untilAborted } from './abort.js';
import type { RunPlan } from './plan.js';
import type { DraftedSample } from './records.js';

/** What a worker needs to rebuild the run: where the scenario lives and the validated settings. */
export interface WorkerSetup {
  modules: readonly string[];
  scenario: string;
  plan: Pick<RunPlan, 'params' | 'level' | 'seed' | 'size' | 'theme' | 'style' | 'modality' | 'tasks' | 'resources'>;
}

/** A worker's answer: a drafted item, or the error that stopped it. */
export type WorkerReply =
  | { index: number; sample: Omit<DraftedSample, 'png'>; png: ArrayBuffer | null }
  | { index: number; error: { name: string; message: string } }
  | { fatal: string };


/** One worker thread and the items it has been asked for. */
class DraftWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (s: DraftedSample) => void; reject: (e: Error) => void }>();
  #failure: Error | undefined;

  constructor(setup: WorkerSetup, scenario: string, seed: number) {
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
    this.#worker.on('message', (reply: WorkerReply) => {
      if ('fatal' in reply) return this.#fail(new UsageError(reply.fatal));
      const waiter = this.#waiting.get(reply.index);
      this.#waiting.delete(reply.index);
      if ('error' in reply) {
        const error =
          reply.error.name === 'ScenarioError'
            ? Object.assign(new ScenarioError(scenario, seed, reply.index, ''), { message: reply.error.message })
            : Object.assign(new Error(reply.error.message), { name: reply.error.name });
        waiter?.reject(error);
      } else {
        waiter?.resolve({ ...reply.sample, png: reply.png === null ? null : Buffer.from(reply.png) });
      }
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => {
      if (this.#waiting.size > 0) this.#fail(new Error(`a worker thread exited with code ${code} before finishing`));
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const { reject } of this.#waiting.values()) reject(this.#failure);
    this.#waiting.clear();
  }

  draft(index: number): Promise<DraftedSample> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting.set(index, { resolve, reject });
      this.#worker.postMessage(index);
    });
  }

  terminate(): Promise<number> {
    return this.#worker.terminate();
  }
}

/**
 * Drafts the plan's items on `workers` threads, each importing the scenario from `modules`,
 * and yields them in index order. Items are independent, so the output is the same as on one
 * thread.
 */
export async function* draftInWorkers(plan: RunPlan, modules: readonly string[], workers: number): AsyncGenerator<DraftedSample> {
  const setup: WorkerSetup = {
    modules,
    scenario: plan.scenario.id,
    plan: {
      params: plan.params,
      level: plan.level,
      seed: plan.seed,
      // The size resolved here, so that every thread samples and draws for the same one.
      size: plan.imageSize,
      theme: plan.theme,
      style: plan.style,
      modality: plan.modality,
      tasks: plan.tasks,
      resources: plan.resources,
    },
  };
  const pool = Array.from({ length: workers }, () => new DraftWorker(setup, plan.scenario.id, plan.seed));
  // Two items in flight per thread keep every thread busy while the consumer writes; more only
  // hold more images in memory.
  const window = workers * 2;
  const end = plan.start + plan.count;
  const inFlight: Promise<DraftedSample>[] = [];
  let next = plan.start;
  const refill = () => {
    while (next < end && inFlight.length < window) {
      const item = (pool[(next - plan.start) % workers] as DraftWorker).draft(next);
      item.catch(() => {}); // awaited in order below; this keeps a later failure from going unhandled
      inFlight.push(item);
      next++;
    }
  };
  try {
    refill();
    while (inFlight.length > 0) {
      const sample = await untilAborted(inFlight.shift() as Promise<DraftedSample>, plan.signal);
      refill();
      yield sample;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
