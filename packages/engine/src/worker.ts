import { isScenario } from '@absynth/core';
import type { AnyScenario } from '@absynth/core';
// A worker thread of `draftInWorkers`: imports the scenario's modules, rebuilds the run plan and
// drafts the items the main thread asks for, one message per item.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerSetup } from './parallel.js';
import type { RunPlan } from './plan.js';
import { draftItem } from './pipeline.js';
import { planRun } from './plan.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('worker.js runs only as a worker thread');

async function loadScenario(): Promise<AnyScenario> {
  for (const specifier of setup.modules) {
    const exports = (await import(specifier)) as Record<string, unknown>;
    for (const value of Object.values(exports).flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (isScenario(value) && value.id === setup.scenario) return value;
    }
  }
  throw new Error(`none of the modules ${setup.modules.join(', ')} exports a scenario "${setup.scenario}"`);
}

async function start(): Promise<RunPlan | undefined> {
  try {
    return planRun({ ...setup.plan, scenario: await loadScenario(), count: 0 });
  } catch (error) {
    // With no message listener the thread then ends by itself, after this reply is delivered.
    port?.postMessage({ fatal: `worker thread could not start: ${(error as Error).message}` } satisfies WorkerReply);
    return undefined;
  }
}

const plan = await start();
if (plan !== undefined) {
  port.on('message', async (index: number) => {
    try {
      const { png, ...sample } = await draftItem(plan, index);
      const bytes = png === null ? null : (png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
      // resvg's native memory is freed only in a later event-loop turn; replying after that turn
      // keeps a busy worker flat (measured: 200 MB instead of 750 MB after 1,500 images).
      await new Promise<void>((resolve) => setImmediate(resolve));
      port.postMessage({ index, sample, png: bytes } satisfies WorkerReply, bytes === null ? [] : [bytes]);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ index, error: { name, message } } satisfies WorkerReply);
    }
  });
}
