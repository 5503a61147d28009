import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoopbackModel, type LoopbackScript, rewordQuestion, startLoopbackModel, unauthorized, writerContent } from '@absynth/testkit/loopback';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const key = 'sk-test-absynth-cli-0123456789';

/** A chat completions endpoint on loopback that rewords every question and states its given answer, at 100 prompt and 40 completion tokens a request; `status` 401 refuses the key. */
let status = 200;
const rewording: LoopbackScript = (body, request) =>
  status === 401 ? unauthorized(request) : { kind: 'content', content: writerContent(body), usage: { prompt: 100, completion: 40 } };

/** Every file under a folder, with its text. */
async function filesIn(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'latin1'));
  }
  return out;
}

describe('absynth generate --writer llm', () => {
  let endpoint: LoopbackModel;
  const saved = process.env.OPENAI_API_KEY;
  beforeAll(async () => {
    process.env.OPENAI_API_KEY = key;
    endpoint = await startLoopbackModel(rewording);
  });
  afterEach(() => {
    status = 200;
  });
  afterAll(async () => {
    process.env.OPENAI_API_KEY = saved;
    if (saved === undefined) delete process.env.OPENAI_API_KEY;
    await endpoint.close();
  });

  const run = (cwd: string, out: string, extra: string[] = []) =>
    cli(['generate', 'maze', '--count', '4', '--seed', '3', '--writer', 'llm', '--base-url', endpoint.baseURL, '--model', 'test-model', '--cache', 'cache', '--out', out, ...extra], cwd);

  it('rewords questions through a real endpoint, reports the work, and reruns from the cache byte for byte', async () => {
    const cwd = await tempDir();
    const first = await run(cwd, 'one');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/writer llm:test-model: (\d+) of \1 questions reworded, 0 kept the template wording/);
    expect(first.stdout).toMatch(/4 requests \(0 from the cache, 4 HTTP calls\), tokens 400 prompt \+ 160 completion spent/);
    const samples = await readFile(join(cwd, 'one', 'samples.jsonl'), 'utf8');
    expect(samples).toContain(rewordQuestion(''));
    const manifest = JSON.parse(await readFile(join(cwd, 'one', 'manifest.json'), 'utf8'));
    expect(manifest.writer).toBe('llm:test-model');
    expect(manifest.writerReport.rejected).toEqual({ wrong: 0, malformed: 0, refused: 0, empty: 0, failed: 0 });
    expect(manifest.writerReport.tokens).toEqual({ prompt: 400, completion: 160 });

    const before = endpoint.requests.length;
    const second = await run(cwd, 'two');
    expect(second.code, second.stderr).toBe(0);
    expect(endpoint.requests).toHaveLength(before);
    expect(second.stdout).toMatch(/4 requests \(4 from the cache, 0 HTTP calls\), tokens 0 prompt \+ 0 completion spent/);
    for (const file of ['samples.jsonl', 'manifest.json']) {
      expect(await readFile(join(cwd, 'two', file)), file).toEqual(await readFile(join(cwd, 'one', file)));
    }
    for (const [file, text] of [...(await filesIn(join(cwd, 'one'))), ...(await filesIn(join(cwd, 'cache')))]) {
      expect(text.includes(key), file).toBe(false);
    }
    expect(first.stdout + first.stderr).not.toContain(key);
  });

  it('stops with exit code 2 on a refused key, naming the endpoint and model but never the key, and writes nothing', async () => {
    const cwd = await tempDir();
    status = 401;
    const result = await run(cwd, 'out', ['--cache', 'none']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(endpoint.baseURL);
    expect(result.stderr).toContain('"test-model"');
    expect(result.stderr).toContain('401');
    expect(result.stderr).not.toContain(key);
    expect(result.stderr).not.toContain('sk-test');
    // Not even an empty folder: the run staged beside `out` and removed it all.
    expect(await readdir(cwd)).toEqual([]);
  });

  it('rejects writer flags that do not fit, naming the flag', async () => {
    const cwd = await tempDir();
    const noModel = await cli(['generate', 'maze', '--writer', 'llm', '--out', 'x'], cwd);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('--writer llm needs --model');
    const unused = await cli(['generate', 'maze', '--model', 'm', '--out', 'x'], cwd);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toContain('--model is only used with --writer llm');
    const unknown = await cli(['generate', 'maze', '--writer', 'gpt', '--out', 'x'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('invalid --writer "gpt": use template or llm');
    const badUrl = await cli(['generate', 'maze', '--writer', 'llm', '--model', 'm', '--base-url', 'localhost:8000', '--out', 'x'], cwd);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('invalid base URL "localhost:8000"');
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });
});
