import { mkdtemp, readFile, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyScenario, Registry, UsageError } from '@absynth/core';
import { DatasetWriter, type Dataset, generate, LlmClient, LlmError, planRun, type QA } from '@absynth/engine';
import { roadmap } from '@absynth/maps';
import { tables } from '@absynth/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperSuffix } from '../engine.js';
import { evaluate, openDatasets } from '../evaluate.js';
import { readPredictions } from '../predictions.js';
import type { EvalReport } from '../report.js';
import { refusal, startTruthModel, type TruthScript, truthIndex, truthReply } from '@absynth/testkit/loopback';

const registry = new Registry().use(tables as AnyScenario, roadmap as AnyScenario);
const temps: string[] = [];
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'absynth-eval-'));
  temps.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function makeDataset(dir: string, scenario: AnyScenario, count: number): Promise<void> {
  const options = { scenario, count, seed: 3, level: 2 as const };
  const sink = await DatasetWriter.open(dir);
  for await (const sample of generate(options)) await sink.write(sample);
  await sink.close(planRun(options));
}

let data: string;
let datasets: Dataset[];
let index: Map<string, QA>;
/** Every question in file order. */
const all: { qa: QA; scenario: string }[] = [];

beforeAll(async () => {
  data = await temp();
  await makeDataset(join(data, 'roadmap'), roadmap as AnyScenario, 3);
  await makeDataset(join(data, 'tables'), tables as AnyScenario, 3);
  datasets = await openDatasets(data);
  index = await truthIndex(datasets, { suffix: paperSuffix });
  for (const dataset of datasets) for await (const record of dataset.samples) for (const qa of record.qa) all.push({ qa, scenario: record.scenario });
});

// The timeout only has to be longer than a loopback reply on a busy machine: the question that
// times out is never answered at all.
const client = (baseURL: string, extra: Partial<ConstructorParameters<typeof LlmClient>[0]> = {}) =>
  new LlmClient({ baseURL, model: 'loopback-vlm', apiKey: 'sk-test-not-a-real-key', concurrency: 4, cacheDir: null, timeoutMs: 5_000, maxRetries: 1, ...extra });

describe('evaluate against a loopback server answering from the ground truth', () => {
  it('scores right, wrong, retried, refused and timed-out replies, and the report states the exact accuracy', async () => {
    const scored = all.filter(({ qa }) => qa.answer.type !== 'caption');
    const pick = (n: number) => scored.filter((_, i) => i % 7 === n).map(({ qa }) => qa.id);
    const wrong = new Set(pick(1));
    const flaky = new Set(pick(2).slice(0, 2));
    const refused = new Set(pick(3).slice(0, 1));
    const slow = new Set(pick(4).slice(0, 1));
    const script: TruthScript = (qa, attempt) => {
      if (qa === undefined) return { kind: 'status', status: 400 };
      if (wrong.has(qa.id)) return { kind: 'content', content: 'The answer is cannot be determined.' };
      if (flaky.has(qa.id) && attempt === 0) return { kind: 'status', status: 500 };
      if (refused.has(qa.id)) return refusal();
      if (slow.has(qa.id)) return { kind: 'hang' };
      return { kind: 'content', content: truthReply(qa) };
    };
    const server = await startTruthModel(index, script);
    const out = await temp();
    try {
      const result = await evaluate({ data, out, client: client(server.baseURL), scenarios: registry, concurrency: 6, comparePaper: true });
      const report = result.report;
      // Each question's expected score: 0 for the scripted wrong, refused and timed-out ones, 1 otherwise.
      const zero = new Set([...wrong, ...refused, ...slow]);
      const expected = (scenario: string) => {
        const mine = scored.filter((q) => q.scenario === scenario);
        return mine.filter(({ qa }) => !zero.has(qa.id)).length / mine.length;
      };
      const byId = (await readPredictions(join(out, 'predictions.jsonl'))).byId;
      expect(byId.size).toBe(all.length);
      // Two datasets are evaluated together, so each question is keyed by its dataset's folder.
      const key = (id: string) => `${id.split('-')[0]}/${id}`;
      for (const { qa } of all) {
        const p = byId.get(key(qa.id));
        expect(p?.score, `${qa.id}: ${p?.response} vs ${qa.answerText}`).toBe(zero.has(qa.id) ? 0 : 1);
      }
      const roadmapReport = report.scenarios.find((s) => s.scenario === 'roadmap');
      const tablesReport = report.scenarios.find((s) => s.scenario === 'tables');
      expect(roadmapReport?.accuracy).toBe(expected('roadmap'));
      expect(tablesReport?.accuracy).toBe(expected('tables'));
      expect(report.mean).toBe((expected('roadmap') + expected('tables')) / 2);
      expect(report.failures).toBe(refused.size + slow.size);
      expect(report.questions).toBe(all.length);
      expect(report.unanswered).toBe(0);
      expect(byId.get(key([...refused][0] as string))?.error).toMatch(/refused/);
      expect(byId.get(key([...slow][0] as string))?.error).toMatch(/did not send its whole reply within the timeout/);
      // The 500 was retried by the client, then answered.
      for (const id of flaky) expect(server.attempts.get(id)).toBe(2);
      // Refusals are asked again once before being recorded.
      expect(server.attempts.get([...refused][0] as string)).toBe(2);
      // Captions: ROUGE-L apart from accuracy; the truth scores 1.
      expect(report.captions?.rougeL).toBe(1);
      expect(tablesReport?.captions?.answered).toBe(all.filter(({ qa }) => qa.answer.type === 'caption').length);
      // Road maps: the map-aware route score.
      const routes = all.filter(({ qa }) => qa.answer.type === 'route');
      expect(roadmapReport?.routes?.questions).toBe(routes.length);
      expect(roadmapReport?.routes?.meanScore).toBe(routes.filter(({ qa }) => !zero.has(qa.id)).length / routes.length);
      // The request: prompt with the paper's suffix, the image as a data URL, temperature 0.2.
      const body = server.requests[0]?.body;
      expect(body?.temperature).toBe(0.2);
      const parts = body?.messages[0]?.content as { type: string; text?: string; image_url?: { url: string } }[];
      expect(parts[0]?.text?.endsWith(paperSuffix)).toBe(true);
      expect(parts[1]?.image_url?.url).toMatch(/^data:image\/png;base64,iVBOR/);
      // The three report files; the paper's rows for the matched columns.
      const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as EvalReport;
      expect(json.mean).toBe(report.mean);
      expect(json.paper?.columns).toEqual(['table', 'road map']);
      expect(json.paper?.rows.find((r) => r.model === 'GPT-4o')?.percent).toEqual({ table: 88.8, 'road map': 37.8 });
      const md = await readFile(join(out, 'report.md'), 'utf8');
      expect(md).toContain(`Mean over scenarios (unweighted, as the paper): ${((report.mean as number) * 100).toFixed(1)}%`);
      const html = await readFile(join(out, 'report.html'), 'utf8');
      expect(html).toContain('<svg');
      expect(html).not.toMatch(/<script|src="http|href="http/);
    } finally {
      await server.close();
    }
  });

  it('resumes: a run cut short and rerun asks each question once and reports as an uninterrupted run', async () => {
    const wrongEvery = (qa: QA) => all.findIndex((q) => q.qa.id === qa.id) % 4 === 0 && qa.answer.type !== 'caption';
    const script: TruthScript = (qa) => (qa === undefined ? { kind: 'status', status: 400 } : { kind: 'content', content: wrongEvery(qa) ? 'The answer is cannot be determined.' : truthReply(qa) });
    const server = await startTruthModel(index, script);
    try {
      const whole = await temp();
      await evaluate({ data, out: whole, client: client(server.baseURL), scenarios: registry });
      const interrupted = await temp();
      const first = await evaluate({ data, out: interrupted, client: client(server.baseURL), scenarios: registry, limit: 10 });
      expect(first.asked).toBe(10);
      expect(first.report.questions).toBe(10);
      // A write cut short by a kill leaves half a line.
      await appendFile(join(interrupted, 'predictions.jsonl'), '{"question_id":"tables-s3-0000');
      const requestsBefore = server.requests.length;
      const second = await evaluate({ data, out: interrupted, client: client(server.baseURL), scenarios: registry });
      expect(second.skipped).toBe(10);
      expect(second.asked).toBe(all.length - 10);
      expect(server.requests.length - requestsBefore).toBe(all.length - 10);
      const lines = (await readFile(join(interrupted, 'predictions.jsonl'), 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(all.length);
      expect(new Set(lines.map((l) => (JSON.parse(l) as { question_id: string }).question_id)).size).toBe(all.length);
      expect(await readFile(join(interrupted, 'report.json'), 'utf8')).toBe(await readFile(join(whole, 'report.json'), 'utf8'));
      // A third run has nothing to ask.
      const third = await evaluate({ data, out: interrupted, client: client(server.baseURL), scenarios: registry });
      expect(third.asked).toBe(0);
      // Resuming with another model is refused.
      await expect(evaluate({ data, out: interrupted, client: new LlmClient({ baseURL: server.baseURL, model: 'other', apiKey: 'x', cacheDir: null }), scenarios: registry })).rejects.toThrow(/model "loopback-vlm"/);
    } finally {
      await server.close();
    }
  });

  it('stops with a clear error on a fatal status (401), keeping what was written', async () => {
    const server = await startTruthModel(index, (qa) => (qa?.id === all[5]?.qa.id ? { kind: 'status', status: 401 } : { kind: 'content', content: qa === undefined ? '' : truthReply(qa) }));
    const out = await temp();
    try {
      const run = evaluate({ data, out, client: client(server.baseURL, { concurrency: 1 }), scenarios: registry, concurrency: 1 });
      await expect(run).rejects.toBeInstanceOf(LlmError);
      await expect(evaluate({ data, out, client: client(server.baseURL), scenarios: registry, concurrency: 1 })).rejects.toThrow(/401/);
      const kept = (await readPredictions(join(out, 'predictions.jsonl'))).byId;
      expect(kept.size).toBe(5);
    } finally {
      await server.close();
    }
  });

  it('sends text only for text evaluation, and refuses a modality the dataset lacks', async () => {
    const out = await temp();
    await expect(evaluate({ data, out, client: client('http://127.0.0.1:9/v1'), scenarios: registry, modality: 'text' })).rejects.toBeInstanceOf(UsageError);
    await expect(evaluate({ data, out, client: client('http://127.0.0.1:9/v1'), scenarios: () => undefined })).rejects.toThrow(/unknown scenario "roadmap"/);
  });
});

describe('datasets that share question ids', () => {
  it('evaluates two datasets of one scenario and seed together, each question once, keyed by its folder', async () => {
    const root = await temp();
    for (const [name, params] of [['small', { rows: 3 }], ['large', { rows: 5 }]] as const) {
      const options = { scenario: tables as AnyScenario, count: 2, seed: 4, level: 2 as const, params };
      const sink = await DatasetWriter.open(join(root, name));
      for await (const sample of generate(options)) await sink.write(sample);
      await sink.close(planRun(options));
    }
    const both = await openDatasets(root);
    const ids: string[] = [];
    for (const dataset of both) for await (const record of dataset.samples) for (const qa of record.qa) ids.push(qa.id);
    // The same ids in both datasets: the case this is about.
    expect(new Set(ids).size).toBeLessThan(ids.length);
    const server = await startTruthModel(await truthIndex(both, { suffix: paperSuffix }), (qa) => (qa === undefined ? { kind: 'status', status: 400 } : { kind: 'content', content: truthReply(qa) }));
    try {
      const out = await temp();
      const result = await evaluate({ data: root, out, client: client(server.baseURL), scenarios: registry });
      expect(result.asked).toBe(ids.length);
      const keys = [...(await readPredictions(join(out, 'predictions.jsonl'))).byId.keys()];
      expect(keys).toHaveLength(ids.length);
      expect(keys.every((k) => k.startsWith('large/') || k.startsWith('small/'))).toBe(true);
      expect(result.report.questions).toBe(ids.length);
    } finally {
      await server.close();
    }
  });
});
