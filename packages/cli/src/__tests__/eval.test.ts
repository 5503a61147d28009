import { existsSync } from 'node:fs';
import { cp, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatasets, paperSuffix, readPredictions } from '@absynth/eval';
import { closedPort, type LoopbackReply, startLoopbackModel, startTruthModel, truthIndex, truthReply } from '@absynth/testkit/loopback';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../index.js';
import { cli, runBin, tempDir } from './helpers.js';

/** A folder with a small dataset in `data/tables`, made once and copied for each test that changes it. */
let fixture: string;
/** The dataset's questions, and each record's image, in file order. */
let questionCount: number;
const images: string[] = [];

beforeAll(async () => {
  fixture = await tempDir();
  expect((await cli(['generate', 'tables', '--count', '2', '--out', 'data/tables'], fixture)).code).toBe(0);
  const [dataset] = await openDatasets(join(fixture, 'data'));
  questionCount = 0;
  for await (const record of dataset?.samples ?? []) {
    questionCount += record.qa.length;
    images.push(record.image as string);
  }
});

/** A fresh folder holding a copy of the fixture dataset. */
async function withData(): Promise<string> {
  const cwd = await tempDir();
  await cp(join(fixture, 'data'), join(cwd, 'data'), { recursive: true });
  return cwd;
}

/** A model on loopback that answers every question right. */
async function rightModel(cwd: string) {
  const index = await truthIndex(await openDatasets(join(cwd, 'data')), { suffix: paperSuffix });
  return startTruthModel(index, (qa) => ({ kind: 'content', content: qa === undefined ? 'I do not know.' : truthReply(qa) }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('absynth eval', () => {
  it('evaluates a dataset against an endpoint, resumes, and says what its figures are', async () => {
    const cwd = await withData();
    const model = await rightModel(cwd);
    try {
      const args = ['eval', '--data', 'data', '--out', 'eval', '--base-url', model.baseURL, '--model', 'm', '--concurrency', '4'];
      const first = await cli([...args, '--limit', '5', '--compare-paper'], cwd);
      expect(first.code, first.stderr).toBe(0);
      // --limit says how many questions it left out.
      expect(first.stdout).toMatch(new RegExp(`^eval: 5 questions asked \\(0 failed\\), 0 already answered, ${questionCount - 5} not asked \\(--limit 5\\), in `));
      expect(first.stdout).toContain('accuracy = correct/answered');
      // Captions are ROUGE-L, apart from the accuracy's count.
      expect(first.stdout).toMatch(/\n {2}tables: 100\.0% = (\d)\/\1(, caption ROUGE-L 1\.000)?\n/);
      const second = await cli([...args, '--compare-paper'], cwd);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(new RegExp(`^eval: ${questionCount - 5} questions asked \\(0 failed\\), 5 already answered, in `));
      expect(second.stdout).not.toContain('not asked');
      expect(second.stdout).toMatch(/\n {2}tables: 100\.0% = (\d+)\/\1, caption ROUGE-L 1\.000\n/);
      expect(second.stdout).toContain('-> eval/report.md');
      const report = JSON.parse(await readFile(join(cwd, 'eval', 'report.json'), 'utf8'));
      expect(report.paper.columns).toEqual(['table']);
    } finally {
      await model.close();
    }
  });

  // "absynth: 65 answered" lines looked like errors and never reached the total.
  it('shows progress off a terminal as a few plain lines that reach the total, and nothing that looks like an error', async () => {
    const cwd = await withData();
    const model = await rightModel(cwd);
    try {
      const run = await cli(['eval', '--data', 'data', '--out', 'eval', '--base-url', model.baseURL, '--model', 'm'], cwd);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/^absynth:/m);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines.length).toBeLessThanOrEqual(10);
      for (const line of lines) expect(line).toMatch(new RegExp(`^eval: \\d+/${questionCount} questions \\(\\d+%\\), 0 failed`));
      expect(lines.at(-1)).toMatch(new RegExp(`^eval: ${questionCount}/${questionCount} questions \\(100%\\), 0 failed$`));
    } finally {
      await model.close();
    }
  });

  it('draws a progress bar with the total and the time left on a terminal, as generate does', async () => {
    const cwd = await withData();
    const model = await rightModel(cwd);
    let stderr = '';
    let stdout = '';
    try {
      const code = await runCli(['eval', '--data', 'data', '--out', 'eval', '--base-url', model.baseURL, '--model', 'm'], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text), isTTY: true },
        cwd,
      });
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(new RegExp(`eval .* 0/${questionCount} questions \\| 0 failed \\| .* elapsed, .* left`));
      expect(stderr).toContain(`${questionCount}/${questionCount} questions`);
      expect(stderr).not.toMatch(/absynth:/);
      expect(stdout).toMatch(/^eval: /);
    } finally {
      await model.close();
    }
  });

  it('re-scores benchmark rows that carry responses, and rejects bad flags with exit 2', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'chart.jsonl'), `${JSON.stringify({ question_id: 1, text: 'How many bars?', image: 'a.png', answer: '7', type: 'STRUCTURAL', response: 'There are 7 bars.' })}\n`);
    const result = await cli(['eval', '--format', 'mmsi', '--data', 'chart.jsonl', '--out', 'rescored'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^eval: 1 questions re-scored \(0 failed\)/);
    expect(result.stdout).toContain('chart: 100.0% = 1/1');
    expect((await cli(['eval', '--data', 'x', '--out', 'y'], cwd)).stderr).toContain('needs --model');
    const bad = await cli(['eval', '--data', 'x', '--out', 'y', '--model', 'm', '--temperature', 'hot'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --temperature');
    const wait = await cli(['eval', '--data', 'x', '--out', 'y', '--model', 'm', '--max-retry-wait', 'forever'], cwd);
    expect(wait.code).toBe(2);
    expect(wait.stderr).toContain('invalid --max-retry-wait "forever"');
  });
});

describe('absynth eval refuses bad input and output before it asks anything, with exit 2', () => {
  // A missing image was a question failed and scored 0, and the run exited 0.
  it('a missing image, naming it; nothing is asked and no output folder made', async () => {
    const cwd = await withData();
    const model = await rightModel(fixture);
    await unlink(join(cwd, 'data', 'tables', images[1] as string));
    try {
      const run = await runBin(['eval', '--data', 'data', '--out', 'eval', '--base-url', model.baseURL, '--model', 'm'], cwd);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^absynth: ${escapeRegExp(join(cwd, 'data', 'tables', images[1] as string))}: missing, though question \\S+ shows it to the model`));
      expect(model.requests).toHaveLength(0);
      expect(existsSync(join(cwd, 'eval'))).toBe(false);
    } finally {
      await model.close();
    }
  });

  it('a samples.jsonl cut short, naming the file and line', async () => {
    const cwd = await withData();
    const file = join(cwd, 'data', 'tables', 'samples.jsonl');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, -50));
    const run = await runBin(['eval', '--data', 'data', '--out', 'eval', '--base-url', `http://127.0.0.1:${await closedPort()}/v1`, '--model', 'm'], cwd);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/samples\.jsonl line 2: not valid JSON/);
    expect(existsSync(join(cwd, 'eval'))).toBe(false);
  });

  // An existing file gave exit 1 and a raw ENOTDIR; /proc spun in a mkdir loop.
  it.each([
    ['an existing file', 'a-file', /it is a file, not a folder/],
    ['a folder under /proc', '/proc/absynth-eval-cli-test', /cannot create anything in "\/proc"/],
    ['a folder under /sys', '/sys/kernel/absynth-eval-cli-test', /cannot create anything in "\/sys\/kernel"/],
  ])('an output folder that is not writable: %s', async (_name, out, reason) => {
    const cwd = await withData();
    await writeFile(join(cwd, 'a-file'), 'x');
    const run = await runBin(['eval', '--data', 'data', '--out', out, '--base-url', `http://127.0.0.1:${await closedPort()}/v1`, '--model', 'm'], cwd);
    expect(run.code, run.stderr).toBe(2);
    const shown = out.startsWith('/') ? out : join(cwd, out);
    expect(run.stderr).toMatch(new RegExp(`^absynth: output folder "${escapeRegExp(shown)}" is not writable: `));
    expect(run.stderr).toMatch(reason);
  });
});

describe('absynth eval against an endpoint that misbehaves never hangs', () => {
  // Every request failed to connect, each was scored 0, and the run reported 0% with exit 0.
  it('stops with exit 1 naming the endpoint when nothing listens there', async () => {
    const cwd = await withData();
    const baseURL = `http://127.0.0.1:${await closedPort()}/v1`;
    const run = await runBin(['eval', '--data', 'data', '--out', 'eval', '--base-url', baseURL, '--model', 'm', '--retries', '0'], cwd);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^absynth: stopped: 3 questions in a row could not reach ${escapeRegExp(baseURL)} \\(last: cannot reach .*ECONNREFUSED`));
    expect(run.stdout).toBe('');
    expect(existsSync(join(cwd, 'eval', 'report.json'))).toBe(false);
    expect((await readPredictions(join(cwd, 'eval', 'predictions.jsonl'))).byId.size).toBe(0);
  });

  // Retry-After: 999999 was obeyed: eleven days.
  it('caps the wait a server asks for (Retry-After) at 60 s, or --max-retry-wait, and records the question as failed', async () => {
    const cwd = await withData();
    let retryAfter = '999999';
    const model = await startLoopbackModel(
      (): LoopbackReply => ({ kind: 'status', status: 429, headers: { 'retry-after': retryAfter }, body: { error: { message: 'Rate limit reached', type: 'requests' } } }),
    );
    try {
      const args = ['eval', '--data', 'data', '--base-url', model.baseURL, '--model', 'm', '--limit', '3'];
      const capped = await runBin([...args, '--out', 'default'], cwd);
      expect(capped.code, capped.stderr).toBe(0);
      expect(capped.stdout).toMatch(/^eval: 3 questions asked \(3 failed\)/);
      const byDefault = [...(await readPredictions(join(cwd, 'default', 'predictions.jsonl'))).byId.values()];
      expect(byDefault).toHaveLength(3);
      for (const p of byDefault) expect(p.error).toMatch(/answered 429 and asked to wait 999999 s before retrying, longer than the 60 s allowed/);
      retryAfter = '30';
      const flag = await runBin([...args, '--out', 'flag', '--max-retry-wait', '5'], cwd);
      expect(flag.code, flag.stderr).toBe(0);
      for (const p of (await readPredictions(join(cwd, 'flag', 'predictions.jsonl'))).byId.values()) {
        expect(p.error).toMatch(/asked to wait 30 s before retrying, longer than the 5 s allowed \(maxRetryWaitMs, --max-retry-wait\)/);
      }
    } finally {
      await model.close();
    }
  });

  // Headers at once, then a byte a second: --timeout ended with the headers, so eval hung.
  it('bounds each request, the whole reply included, by --timeout: a trickled reply is a failure', async () => {
    const cwd = await withData();
    const model = await startLoopbackModel((): LoopbackReply => ({ kind: 'trickle', content: 'The answer is 7.', intervalMs: 1_000 }));
    try {
      const run = await runBin(['eval', '--data', 'data', '--out', 'eval', '--base-url', model.baseURL, '--model', 'm', '--timeout', '1', '--retries', '0', '--limit', '4'], cwd);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^eval: 4 questions asked \(4 failed\)/);
      for (const p of (await readPredictions(join(cwd, 'eval', 'predictions.jsonl'))).byId.values()) {
        expect(p.error).toMatch(/did not send its whole reply within the timeout of 1 s/);
      }
    } finally {
      await model.close();
    }
  });
});

describe('--max-retry-wait on the other commands that ask a model', () => {
  it('generate --writer llm counts a request asked to wait too long as failed and keeps the template wording', async () => {
    const cwd = await tempDir();
    const model = await startLoopbackModel((): LoopbackReply => ({ kind: 'status', status: 429, headers: { 'retry-after': '999999' } }));
    try {
      const run = await runBin(
        ['generate', 'maze', '--count', '2', '--out', 'data', '--writer', 'llm', '--base-url', model.baseURL, '--model', 'm', '--cache', 'none', '--max-retry-wait', '5'],
        cwd,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/writer llm:m: 0 of (\d+) questions reworded, \1 kept the template wording \(wrong answer 0, malformed 0, refused 0, empty 0, failed \1\)/);
      expect(model.requests).toHaveLength(2);
    } finally {
      await model.close();
    }
  });

  it('is checked like every flag, and only with a model', async () => {
    const cwd = await tempDir();
    const template = await cli(['generate', 'maze', '--count', '1', '--out', 'data', '--max-retry-wait', '5'], cwd);
    expect(template.code).toBe(2);
    expect(template.stderr).toContain('--max-retry-wait is only used with --writer llm');
    for (const command of [['topics', 'grow'], ['propose']]) {
      const bad = await cli([...command, '--count', '1', '--out', 'x.json', '--model', 'm', '--max-retry-wait', 'soon'], cwd);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).toContain('invalid --max-retry-wait "soon"');
    }
  });
});
