#!/usr/bin/env node
// Generates a small tables + road-map dataset, exports it in the training formats (LLaVA
// multi-turn with rationales, Hugging Face imagefolder, WebDataset shards), starts a loopback
// "model" that answers right 80% of the time, evaluates it with @absynth/eval and prints where
// the exports and the report are.
// Usage (after `npm run build` at the root): node examples/eval-loopback/src/run.mjs [out-dir]
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Registry } from '@absynth/core';
import { DatasetWriter, exportDataset, generate, LlmClient, llavaExporter, planRun, webdatasetExporter } from '@absynth/engine';
import { evaluate, openDatasets, paperSuffix } from '@absynth/eval';
import { roadmap } from '@absynth/maps';
import { tables } from '@absynth/tables';
import { startFallibleModel, truthIndex } from './loopback.mjs';

const out = resolve(process.argv[2] ?? 'out/eval-loopback');
await rm(out, { recursive: true, force: true });
const data = join(out, 'data');

for (const scenario of [tables, roadmap]) {
  const options = { scenario, count: 8, seed: 11, level: 2 };
  const dir = join(data, scenario.id);
  await mkdir(dir, { recursive: true });
  const sink = await DatasetWriter.open(dir);
  for await (const sample of generate(options)) await sink.write(sample);
  await sink.close(planRun(options));
}

// Training formats: the paper trained on answers followed by rationales, in LLaVA conversations.
for (const [name, format] of [
  ['llava', llavaExporter({ turns: 'multi', rationale: true })],
  ['hf', 'hf'],
  ['webdataset', webdatasetExporter({ shardSize: 4 })],
]) {
  const summary = await exportDataset({ format, data: join(data, 'tables'), out: join(out, 'export', name) });
  console.log(`export ${summary.format}: ${summary.rows} rows, ${summary.images} images, ${summary.files.length} files -> ${join(out, 'export', name)}`);
}

const datasets = await openDatasets(data);
const model = await startFallibleModel({ index: await truthIndex(datasets, { suffix: paperSuffix }), rightRate: 0.8 });
try {
  const client = new LlmClient({ baseURL: model.baseURL, model: 'loopback-80', apiKey: 'none', concurrency: 8, cacheDir: null });
  const result = await evaluate({ data, out: join(out, 'eval'), client, scenarios: new Registry().use(tables, roadmap), comparePaper: true });
  for (const s of result.report.scenarios) console.log(`${s.scenario}: ${(s.accuracy * 100).toFixed(1)}% of ${s.answered}`);
  console.log(`mean over scenarios: ${(result.report.mean * 100).toFixed(1)}%`);
  console.log(`report: ${result.files.join(', ')}`);
} finally {
  await model.close();
}
