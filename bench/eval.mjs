#!/usr/bin/env node
// Evaluation throughput against a loopback chat completions server that takes 200 ms per call.
// Usage, after `npm run build`:
//   node bench/eval.mjs [--count N] [--latency MS] [--concurrency N]
// Generates N tables (image modality, about 11 questions each), then evaluates them with
// @absynth/eval (images sent as base64 data URLs, no cache), the server answering with the truth
// 80% of the time. The ceiling is concurrency / latency (80 questions/s at 16 and 200 ms).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Registry } from '@absynth/core';
import { DatasetWriter, generate, LlmClient, planRun } from '@absynth/engine';
import { evaluate, openDatasets, paperSuffix } from '@absynth/eval';
import { tables } from '@absynth/tables';
import { startFallibleModel, truthIndex } from '../examples/eval-loopback/src/loopback.mjs';

const { values } = parseArgs({ options: { count: { type: 'string', default: '60' }, latency: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '16' } } });
const count = Number(values.count);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);

const dir = await mkdtemp(join(tmpdir(), 'absynth-eval-bench-'));
try {
  const data = join(dir, 'tables');
  const options = { scenario: tables, count, seed: 5, level: 3 };
  const sink = await DatasetWriter.open(data);
  for await (const sample of generate(options)) await sink.write(sample);
  await sink.close(planRun(options));
  const server = await startFallibleModel({ index: await truthIndex(await openDatasets(data), { suffix: paperSuffix }), rightRate: 0.8, latencyMs });
  try {
    const client = new LlmClient({ baseURL: server.baseURL, model: 'bench', apiKey: 'none', concurrency, cacheDir: null });
    const started = performance.now();
    const result = await evaluate({ data, out: join(dir, 'eval'), client, scenarios: new Registry().use(tables), concurrency });
    const seconds = (performance.now() - started) / 1000;
    const [peakInFlight, requests] = [server.peakInFlight(), server.requests.length];
    console.log(
      `tables, ${count} images, ${result.asked} questions, ${latencyMs} ms per call, concurrency ${concurrency}: ` +
        `${(result.asked / seconds).toFixed(1)} questions/s (${seconds.toFixed(2)} s incl. report; ceiling ${((concurrency * 1000) / latencyMs).toFixed(0)}/s); ` +
        `${requests} requests, peak in flight ${peakInFlight}; accuracy ${(result.report.mean * 100).toFixed(1)}%, failures ${result.failed}`,
    );
  } finally {
    await server.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
