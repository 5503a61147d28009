// Faults an evaluation meets on real machines, each seen once: a dataset cut short or broken, a
// missing image, a dataset another version wrote, an output folder that cannot be written, a
// reply of megabytes, an endpoint nothing listens on. None may ask the model before the input is
// known good, write before the output is known writable, store a reply unbounded, or report 0%
// for a model it never reached.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyScenario, Registry, UsageError } from '@absynth/core';
import { DatasetError, DatasetWriter, type Dataset, generate, LlmClient, planRun, type QA } from '@absynth/engine';
import { tables } from '@absynth/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperSuffix, UnreachableEndpointError } from '../engine.js';
import { evaluate, openDatasets } from '../evaluate.js';
import { readPredictions } from '../predictions.js';
import { closedPort, startTruthModel, type TruthModel, type TruthScript, truthIndex, truthReply } from '@absynth/testkit/loopback';

const registry = new Registry().use(tables as AnyScenario);
const temps: string[] = [];
const mounts: string[] = [];
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'absynth-eval-faults-'));
  temps.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of mounts) spawnSync('umount', [dir]);
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

let data: string;
let dataset: Dataset;
let index: Map<string, QA>;
/** The dataset's questions in file order. */
const questions: QA[] = [];
/** Each record's image, in file order. */
const images: string[] = [];

beforeAll(async () => {
  data = join(await temp(), 'tables');
  const options = { scenario: tables as AnyScenario, count: 3, seed: 3, level: 2 as const };
  const sink = await DatasetWriter.open(data);
  for await (const sample of generate(options)) await sink.write(sample);
  await sink.close(planRun(options));
  [dataset] = (await openDatasets(data)) as [Dataset];
  index = await truthIndex([dataset], { suffix: paperSuffix });
  for await (const record of dataset.samples) {
    questions.push(...record.qa);
    images.push(record.image as string);
  }
});

const client = (baseURL: string, extra: Partial<ConstructorParameters<typeof LlmClient>[0]> = {}) =>
  new LlmClient({ baseURL, model: 'loopback-vlm', apiKey: 'sk-test-not-a-real-key', concurrency: 4, cacheDir: null, timeoutMs: 60_000, maxRetries: 0, ...extra });

const truth: TruthScript = (qa) => (qa === undefined ? { kind: 'status', status: 400 } : { kind: 'content', content: truthReply(qa) });

/** A copy of the fixture dataset, to break. */
async function copy(): Promise<string> {
  const dir = join(await temp(), 'tables');
  await cp(data, dir, { recursive: true });
  return dir;
}

/** The lines of a dataset's samples.jsonl, edited and written back. */
async function editLines(dir: string, edit: (lines: string[]) => string[]): Promise<void> {
  const file = join(dir, 'samples.jsonl');
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
  await writeFile(file, edit(lines).map((line) => `${line}\n`).join(''));
}

describe('eval checks its whole input before it asks anything or writes anything', () => {
  let server: TruthModel;
  beforeAll(async () => {
    server = await startTruthModel(index, truth);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Evaluating `dir` fails with `message`, having sent no request and created no output folder. */
  async function refused(dir: string, message: RegExp, kind: abstract new (...args: never[]) => Error = UsageError): Promise<void> {
    const out = join(await temp(), 'eval');
    const requests = server.requests.length;
    const error = await evaluate({ data: dir, out, client: client(server.baseURL), scenarios: registry }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toMatch(message);
    expect(server.requests.length).toBe(requests);
    expect(existsSync(out)).toBe(false);
  }

  it('refuses a samples.jsonl cut off in its last line, naming the file and line', async () => {
    const dir = await copy();
    const file = join(dir, 'samples.jsonl');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, -100));
    await refused(dir, /tables\/samples\.jsonl line 3: not valid JSON/, DatasetError);
  });

  it('refuses a record with a missing field, naming the line and the field', async () => {
    const dir = await copy();
    await editLines(dir, (lines) => lines.map((line, i) => (i === 1 ? line.replace('"answerText":', '"answerTxt":') : line)));
    await refused(dir, /samples\.jsonl line 2: malformed record: qa\[0\]\.answerText/, DatasetError);
  });

  it('refuses a samples.jsonl with fewer records than the manifest counts', async () => {
    const dir = await copy();
    await editLines(dir, (lines) => lines.slice(0, 2));
    await refused(dir, /2 records, but the manifest counts 3/, DatasetError);
  });

  // A missing image was sent as a failed question, scored 0, and the run exited 0.
  it('refuses a missing image, even the last record\'s, naming the file', async () => {
    const dir = await copy();
    await unlink(join(dir, images[2] as string));
    const missing = join(dir, images[2] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await refused(dir, new RegExp(`${missing}: missing, though question \\S+ shows it to the model; nothing was asked or written`));
  });

  it('refuses a dataset made by another version of its scenario', async () => {
    const dir = await copy();
    const manifestFile = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    const version = manifest.scenario.version as number;
    manifest.scenario.version = version + 1;
    await writeFile(manifestFile, JSON.stringify(manifest));
    await editLines(dir, (lines) => lines.map((line) => line.replace(`"scenarioVersion":${version}`, `"scenarioVersion":${version + 1}`)));
    await refused(dir, new RegExp(`was made by version ${version + 1} of scenario "tables" .* but this absynth .* has version ${version}`));
  });

  it('refuses records whose scenario version is not their manifest\'s', async () => {
    const dir = await copy();
    await editLines(dir, (lines) => lines.map((line, i) => (i === 2 ? line.replace(/"scenarioVersion":\d+/, '"scenarioVersion":99') : line)));
    await refused(dir, /record tables-\S+ is of scenario version 99, but the manifest says/, DatasetError);
  });

  it('warns of a dataset another absynth wrote with the same scenario version, and evaluates it', async () => {
    const dir = await copy();
    const manifestFile = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.tool.version = '0.0.1';
    await writeFile(manifestFile, JSON.stringify(manifest));
    const warnings: string[] = [];
    const result = await evaluate({ data: dir, out: join(await temp(), 'eval'), client: client(server.baseURL), scenarios: registry, onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.stringMatching(/was written by absynth 0\.0\.1, this is .*; its scenario "tables" has the same version/)]);
    expect(result.asked).toBe(questions.length);
  });
});

describe('an output folder eval cannot write exits as bad input, naming it', () => {
  let server: TruthModel;
  beforeAll(async () => {
    server = await startTruthModel(index, truth);
  });
  afterAll(async () => {
    await server.close();
  });

  async function notWritable(out: string, reason: RegExp): Promise<void> {
    const requests = server.requests.length;
    const error = await evaluate({ data, out, client: client(server.baseURL), scenarios: registry }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(new RegExp(`^output folder "${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not writable: `));
    expect((error as Error).message).toMatch(reason);
    expect(server.requests.length).toBe(requests);
  }

  it('an existing file, and a path through one', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'a-file'), 'x');
    await notWritable(join(dir, 'a-file'), /it is a file, not a folder/);
    await notWritable(join(dir, 'a-file', 'eval'), /a-file" is a file, not a folder/);
    expect(await readFile(join(dir, 'a-file'), 'utf8')).toBe('x');
  });

  // mkdir with `recursive` loops forever under /proc.
  it.each([
    ['/proc/absynth-eval-test', /cannot create anything in "\/proc": no such file or folder \(ENOENT\)/],
    ['/proc/absynth-eval-test/deeper', /cannot create anything in "\/proc"/],
    ['/sys/kernel/absynth-eval-test', /cannot create anything in "\/sys\/kernel": operation not permitted \(EPERM\)/],
  ])('%s', async (out, reason) => {
    await notWritable(out, reason);
  });

  it('a read-only mount', async (context) => {
    const dir = await mkdtemp(join(tmpdir(), 'absynth-eval-ro-'));
    temps.push(dir);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', dir], { encoding: 'utf8' });
    if (mounted.status !== 0) {
      const reason = `cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || `exit ${mounted.status}`).trim()})`;
      // As root (as CI runs) mounting must work: a failure is an error, never a skip.
      if (process.getuid?.() === 0) throw new Error(`running as root, yet ${reason}`);
      return context.skip(reason);
    }
    mounts.push(dir);
    await notWritable(join(dir, 'eval'), /read-only file system \(EROFS\)/);
    await notWritable(dir, /read-only file system \(EROFS\)/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('an earlier run\'s folder is fine: rerunning resumes', async () => {
    const out = join(await temp(), 'eval');
    await evaluate({ data, out, client: client(server.baseURL), scenarios: registry, limit: 2 });
    const again = await evaluate({ data, out, client: client(server.baseURL), scenarios: registry });
    expect(again.skipped).toBe(2);
    expect(again.asked).toBe(questions.length - 2);
  });
});

describe('replies of megabytes', () => {
  // A 20 MB reply was stored verbatim: 42 MB of predictions for two questions.
  it('stores at most 64 KiB of a reply, scored whole and marked truncated, and fails one past 8 MiB unread', async () => {
    const scored = questions.filter((qa) => qa.answer.type !== 'caption');
    const [huge, long] = scored as [QA, QA];
    const filler = 'Let me look at the table closely. '.repeat(32 * 1024);
    const server = await startTruthModel(index, (qa) => {
      if (qa === undefined) return { kind: 'status', status: 400 };
      if (qa.id === huge.id) return { kind: 'content', content: 'x'.repeat(20 * 1024 * 1024) };
      if (qa.id === long.id) return { kind: 'content', content: `${filler}${truthReply(qa)}` };
      return { kind: 'content', content: truthReply(qa) };
    });
    try {
      const out = join(await temp(), 'eval');
      await evaluate({ data, out, client: client(server.baseURL), scenarios: registry });
      const file = join(out, 'predictions.jsonl');
      expect((await stat(file)).size).toBeLessThan(64 * 1024 + questions.length * 4 * 1024);
      const { byId } = await readPredictions(file);
      const longReply = `${filler}${truthReply(long)}`;
      expect(byId.get(long.id)).toMatchObject({ score: 1, truncated: true, response_bytes: Buffer.byteLength(longReply) });
      expect(longReply.startsWith(byId.get(long.id)?.response as string)).toBe(true);
      expect(Buffer.byteLength(byId.get(long.id)?.response as string)).toBe(64 * 1024);
      expect(byId.get(huge.id)).toMatchObject({ score: 0, response: null, error: expect.stringMatching(/sent a reply longer than 8 MiB \(maxReplyBytes\): not read/) });
      // Replies that fit are stored whole, with no mark.
      const other = byId.get(scored[2]?.id as string);
      expect(other).toMatchObject({ score: 1, response: truthReply(scored[2] as QA) });
      expect(other).not.toHaveProperty('truncated');
    } finally {
      await server.close();
    }
  });
});

describe('an endpoint that cannot be reached', () => {
  // Every request failed to connect, each was scored 0, and the run reported 0% with exit 0.
  it('stops after 3 questions in a row fail to connect, naming the endpoint, and records none of them', async () => {
    const baseURL = `http://127.0.0.1:${await closedPort()}/v1`;
    const out = join(await temp(), 'eval');
    const error = await evaluate({ data, out, client: client(baseURL), scenarios: registry, concurrency: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableEndpointError);
    expect(error).toMatchObject({ baseURL, failures: 3 });
    expect((error as Error).message).toMatch(new RegExp(`3 questions in a row could not reach ${baseURL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(last: cannot reach .*ECONNREFUSED`));
    expect((await readPredictions(join(out, 'predictions.jsonl'))).byId.size).toBe(0);
    expect(existsSync(join(out, 'report.json'))).toBe(false);
  });

  it('records a lost connection as that question\'s failure and goes on when the endpoint answers others', async () => {
    const dropped = new Set([questions[1]?.id, questions[2]?.id]);
    const server = await startTruthModel(index, (qa, attempt, request) => (qa !== undefined && dropped.has(qa.id) && attempt === 0 ? { kind: 'drop' } : truth(qa, attempt, request)));
    try {
      const out = join(await temp(), 'eval');
      const result = await evaluate({ data, out, client: client(server.baseURL), scenarios: registry, concurrency: 1 });
      expect(result.asked).toBe(questions.length);
      expect(result.failed).toBe(2);
      const { byId } = await readPredictions(join(out, 'predictions.jsonl'));
      for (const id of dropped) expect(byId.get(id as string)?.error).toMatch(/cannot reach/);
    } finally {
      await server.close();
    }
  });

  it('tells server errors from connection failures: a 500 for every question is recorded and the run goes on', async () => {
    const server = await startTruthModel(index, () => ({ kind: 'status', status: 500 }));
    try {
      const result = await evaluate({ data, out: join(await temp(), 'eval'), client: client(server.baseURL), scenarios: registry });
      expect(result.asked).toBe(questions.length);
      expect(result.failed).toBe(questions.length);
      expect(result.report.failures).toBe(questions.length);
    } finally {
      await server.close();
    }
  });
});
