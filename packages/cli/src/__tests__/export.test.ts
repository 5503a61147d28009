import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SampleRecord } from '@absynth/engine';
import { answerSchema, z } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../index.js';
import { cli, corridorPluginSource, dotsPluginSource, readTree, runBin, tempDir, writeFiles } from './helpers.js';

/** A row of the paper's benchmark format, checked independently of the exporter's own types. */
const rowSchema = z.strictObject({
  question_id: z.string().min(1),
  text: z.string().min(1),
  image: z.string().regex(/^images\/[^/]+\.png$/).nullable(),
  answer: z.string().min(1),
  type: z.enum(['STRUCTURAL', 'DATA_EXTRACTION', 'MATH_REASONING', 'COLOR', 'REASONING', 'CAPTION', 'SUMMARY']),
  // Every row, as the release's loader reads it from every row: [] where a row has none.
  markers: z.array(z.string().regex(/^[\p{L}\p{N}]+$/u)),
  // absynth's own field (the release's code ignores it): the typed answer, as the dataset has it.
  absynth_answer: answerSchema,
});
type Row = z.infer<typeof rowSchema>;

const plugins = { 'corridor.mjs': corridorPluginSource(), 'dots.mjs': dotsPluginSource() };

async function lines(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/**
 * Generates `scenario` through the CLI, exports it as mmsi, and checks every row against the
 * dataset: one per question, with every key the release's loader reads, its image resolvable
 * from the export folder, markers (non-empty) exactly for route answers that name them. Returns the rows, the records and the export folder.
 */
async function generateAndExport(
  dir: string,
  scenario: string,
  extra: string[],
  name = 'image',
): Promise<{ rows: Row[]; records: SampleRecord[]; out: string }> {
  const data = `data-${scenario}-${name}`;
  const out = `mmsi-${scenario}-${name}`;
  const generated = await cli(['generate', scenario, '--count', '4', '--seed', '2', '--size', '128', '--out', data, ...extra], dir);
  expect(generated.code, generated.stderr).toBe(0);
  const exported = await cli(['export', '--format', 'mmsi', '--data', data, '--out', out], dir);
  expect(exported.code, exported.stderr).toBe(0);
  expect(exported.stderr).toBe('');

  const records = (await lines(join(dir, data, 'samples.jsonl'))).map((line) => JSON.parse(line) as SampleRecord);
  const rows = (await lines(join(dir, out, `${scenario}.jsonl`))).map((line) => rowSchema.parse(JSON.parse(line)));
  const questions = records.flatMap((record) => record.qa.map((qa) => ({ record, qa })));
  expect(questions.length).toBeGreaterThan(0);
  expect(rows).toHaveLength(questions.length);
  expect(exported.stdout).toBe(`mmsi: ${rows.length} rows, ${records[0]?.image === null ? 0 : 4} images -> ${out}/${scenario}.jsonl\n`);
  for (const [i, row] of rows.entries()) {
    const { record, qa } = questions[i]!;
    expect(row.question_id).toBe(qa.id);
    expect(row.answer).toBe(qa.answerText);
    expect(row.absynth_answer).toEqual(qa.answer);
    const markers = qa.answer.type === 'route' ? (qa.answer.markers ?? []) : [];
    expect(row.markers, row.question_id).toEqual([...markers]);
    if (record.image === null) {
      expect(row.image).toBeNull();
    } else {
      const exported = await readFile(join(dir, out, row.image!));
      expect(exported.equals(await readFile(join(dir, data, record.image)))).toBe(true);
    }
  }
  return { rows, records, out: join(dir, out) };
}

describe('absynth export --format mmsi', () => {
  it.each(builtinScenarios.map((s) => s.id))('writes complete rows for the built-in %s', async (id) => {
    const dir = await tempDir();
    const { rows } = await generateAndExport(dir, id, []);
    for (const row of rows) expect(row.image).not.toBeNull();
    const scenario = builtinScenarios.find((s) => s.id === id)!;
    if (scenario.text !== undefined) {
      const text = await generateAndExport(dir, id, ['--modality', 'text'], 'text');
      for (const row of text.rows) expect(row.image).toBeNull();
    }
  });

  it('writes complete rows for plugin scenarios, markers exactly where routes name them', async () => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    await generateAndExport(dir, 'test-dots', ['--plugin', './dots.mjs']);
    const { rows } = await generateAndExport(dir, 'test-corridor', ['--plugin', './corridor.mjs']);
    expect(rows.map((row) => row.type)).toEqual(rows.map((_, i) => (i % 2 === 0 ? 'REASONING' : 'MATH_REASONING')));
    expect(rows.some((row) => row.markers.length > 0)).toBe(true);
    expect(rows.some((row) => row.type === 'REASONING' && row.markers.length === 0)).toBe(true);
  });

  it('exports a text-only dataset with no images and the map text in the prompt', async () => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    const { rows, records, out } = await generateAndExport(dir, 'test-corridor', ['--plugin', './corridor.mjs', '--modality', 'text'], 'text');
    expect([...(await readTree(out)).keys()]).toEqual(['test-corridor.jsonl']);
    for (const row of rows) {
      const record = records.find((r) => row.question_id.startsWith(`${r.id}-`))!;
      const question = record.qa.find((qa) => qa.id === row.question_id)!.question;
      expect(row.image).toBeNull();
      expect(row.text).toBe(`${record.text}\n\n${question}`);
      expect(row.text).toMatch(/^S[.*]+E\n/);
    }
  });

  it('exports both: the image and the map text', async () => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    const { rows } = await generateAndExport(dir, 'test-corridor', ['--plugin', './corridor.mjs', '--modality', 'both'], 'both');
    for (const row of rows) {
      expect(row.image).not.toBeNull();
      expect(row.text).toMatch(/^S[.*]+E\n(.*\n)*\nHow/);
    }
  });

  it('runs from the built bin', async () => {
    const dir = await tempDir();
    expect((await runBin(['generate', 'maze', '--count', '2', '--size', '96', '--out', 'data'], dir)).code).toBe(0);
    const result = await runBin(['export', '--format', 'mmsi', '--data', 'data', '--out', 'bench'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^mmsi: \d+ rows, 2 images -> bench\/maze\.jsonl\n$/);
  });
});

describe('absynth export: bad input exits 2 and writes nothing', () => {
  const cases: { name: string; args: string[]; message: RegExp }[] = [
    {
      name: 'an unknown format, listing the allowed ones',
      args: ['export', '--format', 'parquet', '--data', 'data', '--out', 'out'],
      message: /^absynth: unknown --format "parquet"; allowed: mmsi, llava, hf, webdataset\n$/,
    },
    {
      name: 'a missing --format',
      args: ['export', '--data', 'data', '--out', 'out'],
      message: /required option '--format <name>' not specified/,
    },
    {
      name: 'a missing --data',
      args: ['export', '--format', 'mmsi', '--out', 'out'],
      message: /required option '--data <dir>' not specified/,
    },
    {
      name: 'a missing --out',
      args: ['export', '--format', 'mmsi', '--data', 'data'],
      message: /required option '--out <dir>' not specified/,
    },
    {
      name: 'a dataset folder that does not exist',
      args: ['export', '--format', 'mmsi', '--data', 'nope', '--out', 'out'],
      message: /^absynth: .*\/nope: no such dataset folder\n$/,
    },
    {
      name: 'a folder that is not a dataset',
      args: ['export', '--format', 'mmsi', '--data', 'full', '--out', 'out'],
      message: /^absynth: .*\/full: not a dataset: it has no manifest\.json/,
    },
    {
      name: 'a non-empty output folder without --force',
      args: ['export', '--format', 'mmsi', '--data', 'data', '--out', 'full'],
      message: /output folder ".*\/full" is not empty; choose an empty folder or pass --force/,
    },
    {
      name: 'the dataset folder as output',
      args: ['export', '--format', 'mmsi', '--data', 'data', '--out', 'data', '--force'],
      message: /output folder ".*data" is the dataset folder or inside it/,
    },
    {
      name: 'a malformed record, naming the file, line and field',
      args: ['export', '--format', 'mmsi', '--data', 'broken', '--out', 'out'],
      message: /^absynth: .*\/broken\/samples\.jsonl line 2: malformed record: qa\[0\]\.kind: /,
    },
  ];

  it.each(cases)('$name', async ({ args, message }) => {
    const dir = await tempDir();
    expect((await cli(['generate', 'maze', '--count', '2', '--size', '64', '--out', 'data'], dir)).code).toBe(0);
    expect((await cli(['generate', 'maze', '--count', '3', '--size', '64', '--out', 'broken'], dir)).code).toBe(0);
    const samples = join(dir, 'broken', 'samples.jsonl');
    const records = (await lines(samples)).map((line) => JSON.parse(line));
    records[1].qa[0].kind = 'guessing';
    await writeFile(samples, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    await mkdir(join(dir, 'full'));
    await writeFile(join(dir, 'full', 'keep.txt'), 'keep');
    const before = await readTree(dir);

    const result = await cli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(await readTree(dir)).toEqual(before);
  });
});

/** A LLaVA entry and an imagefolder metadata row, checked independently of core's types. */
const llavaSchema = z.array(
  z.strictObject({
    id: z.string().min(1),
    image: z.string().regex(/^images\/[^/]+\.png$/).optional(),
    conversations: z.array(z.strictObject({ from: z.enum(['human', 'gpt']), value: z.string().min(1) })).min(2),
  }),
);
const hfRowSchema = z.looseObject({
  file_name: z.string().regex(/^images\/[^/]+\.png$/).optional(),
  id: z.string().min(1),
  scenario: z.string().min(1),
  level: z.number().int(),
  qa: z.array(z.looseObject({ question: z.string(), answer: z.string(), rationale: z.string(), kind: z.string(), task: z.string() })).min(1),
});

describe('absynth export: training formats', () => {
  async function generate(dir: string, extra: string[] = []): Promise<SampleRecord[]> {
    const generated = await cli(['generate', 'maze', '--count', '5', '--seed', '3', '--size', '96', '--out', 'data', ...extra], dir);
    expect(generated.code, generated.stderr).toBe(0);
    return (await lines(join(dir, 'data', 'samples.jsonl'))).map((line) => JSON.parse(line) as SampleRecord);
  }

  it('llava: single-turn by default; --turns multi --rationale', async () => {
    const dir = await tempDir();
    const records = await generate(dir);
    const questions = records.flatMap((record) => record.qa);
    const single = await cli(['export', '--format', 'llava', '--data', 'data', '--out', 'single'], dir);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stdout).toBe(`llava: ${questions.length} rows, 5 images -> single/llava.json\n`);
    const entries = llavaSchema.parse(JSON.parse(await readFile(join(dir, 'single', 'llava.json'), 'utf8')));
    expect(entries.map((e) => e.id)).toEqual(questions.map((qa) => qa.id));
    for (const entry of entries) {
      expect(existsSync(join(dir, 'single', entry.image!))).toBe(true);
      expect(entry.conversations[0]!.value.startsWith('<image>\n')).toBe(true);
    }

    const multi = await cli(['export', '--format', 'llava', '--turns', 'multi', '--rationale', '--data', 'data', '--out', 'multi'], dir);
    expect(multi.code, multi.stderr).toBe(0);
    expect(multi.stdout).toBe('llava: 5 rows, 5 images -> multi/llava.json\n');
    const conversations = llavaSchema.parse(JSON.parse(await readFile(join(dir, 'multi', 'llava.json'), 'utf8')));
    for (const [i, entry] of conversations.entries()) {
      const record = records[i]!;
      expect(entry.id).toBe(record.id);
      expect(entry.conversations.filter((turn) => turn.from === 'gpt').map((turn) => turn.value)).toEqual(
        record.qa.map((qa) => (qa.rationale.trim() === '' ? qa.answerText : `${qa.answerText}\n\n${qa.rationale.trim()}`)),
      );
    }
  });

  it('hf: metadata.jsonl beside images/, one row per image; text-only without file_name', async () => {
    const dir = await tempDir();
    const records = await generate(dir);
    const result = await cli(['export', '--format', 'hf', '--data', 'data', '--out', 'hf'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('hf: 5 rows, 5 images -> hf/metadata.jsonl\n');
    const rows = (await lines(join(dir, 'hf', 'metadata.jsonl'))).map((line) => hfRowSchema.parse(JSON.parse(line)));
    expect(rows.map((row) => row.id)).toEqual(records.map((r) => r.id));
    for (const row of rows) expect(existsSync(join(dir, 'hf', row.file_name!))).toBe(true);

    const text = await tempDir();
    await generate(text, ['--modality', 'text']);
    expect((await cli(['export', '--format', 'hf', '--data', 'data', '--out', 'hf'], text)).code).toBe(0);
    expect([...(await readTree(join(text, 'hf'))).keys()]).toEqual(['metadata.jsonl']);
    for (const line of await lines(join(text, 'hf', 'metadata.jsonl'))) expect(hfRowSchema.parse(JSON.parse(line)).file_name).toBeUndefined();
  });

  it('webdataset: --shard-size samples a shard, read back by the system tar', async () => {
    const dir = await tempDir();
    const records = await generate(dir);
    const result = await cli(['export', '--format', 'webdataset', '--shard-size', '2', '--data', 'data', '--out', 'wds'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('webdataset: 5 rows, 5 images -> wds/shard-000000.tar, wds/shard-000001.tar, wds/shard-000002.tar\n');
    const extracted = join(dir, 'extracted');
    await mkdir(extracted);
    const listed: string[] = [];
    for (const shard of ['shard-000000.tar', 'shard-000001.tar', 'shard-000002.tar']) {
      listed.push(...execFileSync('tar', ['-tf', join(dir, 'wds', shard)], { encoding: 'utf8' }).trim().split('\n'));
      execFileSync('tar', ['-xf', join(dir, 'wds', shard), '-C', extracted]);
    }
    expect(listed).toEqual(records.flatMap((r) => [`${r.id}.png`, `${r.id}.json`]));
    for (const record of records) {
      expect((await readFile(join(extracted, `${record.id}.png`))).equals(await readFile(join(dir, 'data', record.image!)))).toBe(true);
      const sample = JSON.parse(await readFile(join(extracted, `${record.id}.json`), 'utf8'));
      expect(sample.qa.map((qa: { answerText: string }) => qa.answerText)).toEqual(record.qa.map((qa) => qa.answerText));
    }
  });

  const badFlags: { name: string; args: string[]; message: string }[] = [
    { name: 'an unknown --turns', args: ['--format', 'llava', '--turns', 'three'], message: 'invalid --turns "three"; allowed: single, multi' },
    { name: '--turns for another format', args: ['--format', 'hf', '--turns', 'multi'], message: '--turns applies only to --format llava, not hf' },
    { name: '--rationale for another format', args: ['--format', 'mmsi', '--rationale'], message: '--rationale applies only to --format llava, not mmsi' },
    { name: 'a zero --shard-size', args: ['--format', 'webdataset', '--shard-size', '0'], message: 'invalid --shard-size "0": must be a positive integer' },
    { name: 'a non-numeric --shard-size', args: ['--format', 'webdataset', '--shard-size', '1e3'], message: 'invalid --shard-size "1e3"' },
    { name: '--shard-size for another format', args: ['--format', 'llava', '--shard-size', '10'], message: '--shard-size applies only to --format webdataset, not llava' },
  ];

  it.each(badFlags)('$name exits 2, names the flag and writes nothing', async ({ args, message }) => {
    const dir = await tempDir();
    await generate(dir);
    const result = await cli(['export', ...args, '--data', 'data', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`absynth: ${message}`);
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it.each(['llava', 'hf', 'webdataset'])('%s: a missing image exits 2 and leaves no output folder', async (format) => {
    const dir = await tempDir();
    const records = await generate(dir);
    await rm(join(dir, 'data', records[3]!.image!));
    const result = await cli(['export', '--format', format, '--data', 'data', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`missing, though sample "${records[3]!.id}" names it`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
