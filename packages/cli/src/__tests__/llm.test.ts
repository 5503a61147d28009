import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const key = 'sk-test-absynth-cli-0123456789';

/** A chat completions endpoint on loopback that rewords every question and states its given answer. */
interface Endpoint {
  url: string;
  requests: number;
  status: number;
  server: Server;
}

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

async function startEndpoint(): Promise<Endpoint> {
  const endpoint = { url: '', requests: 0, status: 200 } as Endpoint;
  endpoint.server = createServer(async (request, response) => {
    const payload = JSON.parse(await body(request)) as { messages: { role: string; content: string }[] };
    endpoint.requests++;
    response.setHeader('content-type', 'application/json');
    if (endpoint.status !== 200) {
      response.statusCode = endpoint.status;
      response.end(JSON.stringify({ error: { message: `bad key ${request.headers.authorization}`, type: 'invalid_request_error' } }));
      return;
    }
    const user = JSON.parse(payload.messages.at(-1)?.content ?? '{}') as { questions: { id: string; question: string; answer: string }[] };
    const questions = user.questions.map((q) => ({ id: q.id, question: `Reworded: ${q.question}`, rationale: `Looking at the image. The answer is ${q.answer}.` }));
    response.end(
      JSON.stringify({
        id: `chatcmpl-${endpoint.requests}`,
        object: 'chat.completion',
        created: 0,
        model: 'test-model',
        choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify({ questions }), refusal: null }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 },
      }),
    );
  });
  await new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}/v1`;
  return endpoint;
}

/** Every file under a folder, with its text. */
async function filesIn(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'latin1'));
  }
  return out;
}

describe('absynth generate --writer llm', () => {
  let endpoint: Endpoint;
  const saved = process.env.OPENAI_API_KEY;
  beforeAll(async () => {
    process.env.OPENAI_API_KEY = key;
    endpoint = await startEndpoint();
  });
  afterEach(() => {
    endpoint.status = 200;
  });
  afterAll(async () => {
    process.env.OPENAI_API_KEY = saved;
    if (saved === undefined) delete process.env.OPENAI_API_KEY;
    await new Promise<void>((resolve) => endpoint.server.close(() => resolve()));
  });

  const run = (cwd: string, out: string, extra: string[] = []) =>
    cli(['generate', 'maze', '--count', '4', '--seed', '3', '--writer', 'llm', '--base-url', endpoint.url, '--model', 'test-model', '--cache', 'cache', '--out', out, ...extra], cwd);

  it('rewords questions through a real endpoint, reports the work, and reruns from the cache byte for byte', async () => {
    const cwd = await tempDir();
    const first = await run(cwd, 'one');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/writer llm:test-model: (\d+) of \1 questions reworded, 0 kept the template wording/);
    expect(first.stdout).toMatch(/4 requests \(0 from the cache, 4 HTTP calls\), tokens 400 prompt \+ 160 completion spent/);
    const samples = await readFile(join(cwd, 'one', 'samples.jsonl'), 'utf8');
    expect(samples).toContain('Reworded: ');
    const manifest = JSON.parse(await readFile(join(cwd, 'one', 'manifest.json'), 'utf8'));
    expect(manifest.writer).toBe('llm:test-model');
    expect(manifest.writerReport.rejected).toEqual({ wrong: 0, malformed: 0, refused: 0, empty: 0, failed: 0 });
    expect(manifest.writerReport.tokens).toEqual({ prompt: 400, completion: 160 });

    const before = endpoint.requests;
    const second = await run(cwd, 'two');
    expect(second.code, second.stderr).toBe(0);
    expect(endpoint.requests).toBe(before);
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
    endpoint.status = 401;
    const result = await run(cwd, 'out', ['--cache', 'none']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(endpoint.url);
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
