import type { AnyScenario } from '@absynth/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Modality } from '../records.js';
import type { GenerateOptions } from '../plan.js';
import { generate } from '../pipeline.js';
import { planRun } from '../plan.js';
import type { Manifest } from '../sink.js';
import { DatasetWriter } from '../sink.js';

/** The corridor fixture: a scenario with a text rendering and route answers with markers. */
export const { corridor } = (await import(fileURLToPath(new URL('./fixtures/corridor.mjs', import.meta.url)))) as {
  corridor: AnyScenario;
};

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A fresh temporary folder, removed after the test file. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'absynth-data-'));
  dirs.push(dir);
  return dir;
}

/** Generates a dataset into `dir` as `absynth generate` would. */
export async function writeDataset(dir: string, options: GenerateOptions & { modality: Modality }): Promise<Manifest> {
  const writer = await DatasetWriter.open(dir);
  for await (const sample of generate(options)) await writer.write(sample);
  return writer.close(planRun(options));
}
