#!/usr/bin/env node
// LLM question writer benchmark, against a loopback chat completions server (bench/llm-server.mjs)
// that takes 200 ms per call. Usage, after `npm run build`:
//   node bench/llm-writer.mjs [--count N] [--latency MS] [--concurrency N] [--modality text|image|both]
// Generates mazes (level 3, modality text by default: the writer's work is the same for images,
// and rasterizing only adds the pipeline's own cost) with llmWriter, no cache, writing the
// dataset to a temporary folder; once with every reply right, once with 20% of questions
// answered wrongly, checking that every wrong answer the server served was rejected.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetWriter, generate, LlmClient, llmWriter, planRun } from '@absynth/engine';
import { maze } from '@absynth/maps';
import { startLlmServer } from './llm-server.mjs';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '400' }, latency: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '16' }, modality: { type: 'string', default: 'text' } },
});
const count = Number(values.count);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const modality = values.modality;

async function run(wrongRate) {
  const server = await startLlmServer({ latencyMs, wrongRate });
  const client = new LlmClient({ baseURL: server.baseURL, model: 'bench', apiKey: 'sk-bench-not-a-real-key', concurrency, cacheDir: null });
  const writer = llmWriter(client, { concurrency });
  const options = { scenario: maze, level: 3, modality, count, seed: 1, writer };
  const out = await mkdtemp(join(tmpdir(), 'absynth-llm-bench-'));
  const sink = await DatasetWriter.open(out);
  let last = -1;
  const started = performance.now();
  for await (const sample of generate(options)) {
    if (sample.index !== last + 1) throw new Error(`out of order: ${sample.index} after ${last}`);
    last = sample.index;
    await sink.write(sample);
  }
  const manifest = await sink.close(planRun(options));
  const seconds = (performance.now() - started) / 1000;
  await rm(out, { recursive: true, force: true });
  await server.close();
  return { seconds, report: manifest.writerReport, client: client.stats(), server: server.stats() };
}

const fmt = (x, digits = 1) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
console.log(`maze level 3, modality ${modality}, ${count} samples, ${latencyMs} ms per call, concurrency ${concurrency}, no cache`);

const good = await run(0);
const q = good.report.questions;
console.log(
  `all right:  ${fmt(count / good.seconds)} samples/s, ${fmt(q / good.seconds)} questions/s (${fmt(good.seconds, 2)} s); ` +
    `${fmt(good.client.httpRequests / count, 2)} calls/sample, ${fmt(q / count, 2)} questions/sample, ` +
    `${fmt((good.client.promptTokens + good.client.completionTokens) / count, 0)} tokens/sample ` +
    `(${fmt(good.client.promptTokens / count, 0)} prompt + ${fmt(good.client.completionTokens / count, 0)} completion); ` +
    `peak in flight ${good.server.peakInFlight}; accepted ${good.report.accepted}/${q}`,
);
if (good.report.accepted !== q) throw new Error('a right reply was rejected');

const bad = await run(0.2);
const r = bad.report;
const rejected = Object.values(r.rejected).reduce((a, b) => a + b, 0);
const check = r.rejected.wrong === bad.server.wrong && r.accepted + rejected === r.questions && rejected === r.rejected.wrong;
console.log(
  `20% wrong:  ${fmt(count / bad.seconds)} samples/s; served ${bad.server.wrong} wrong answers of ${bad.server.questions} questions; ` +
    `rejected ${JSON.stringify(r.rejected)} = ${fmt((100 * rejected) / r.questions)}%; accepted ${r.accepted}; ` +
    `every wrong answer rejected and nothing else: ${check ? 'yes' : 'NO'}`,
);
if (!check) process.exitCode = 1;
