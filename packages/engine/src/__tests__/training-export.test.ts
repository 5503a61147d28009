import { UsageError } from '@absynth/core';
import { questionKinds } from '@absynth/core';
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportDataset, exporters } from '../exporters/export.js';
import { hfExporter } from '../exporters/hf.js';
import { llavaExporter } from '../exporters/llava.js';
import { webdatasetExporter } from '../exporters/webdataset.js';
import { modalities } from '../records.js';
import type { SampleRecord } from '../records.js';
import { corridor, tempDir, writeDataset } from './datasets.js';
import { bars } from './fixtures.js';

// Independent readers: the formats as their consumers define them, not the exporters' types.

/** A LLaVA conversation entry (LLaVA's `LazySupervisedDataset` reads `id`, `image`, `conversations`). */
const llavaEntrySchema = z.strictObject({
  id: z.string().min(1),
  image: z.string().regex(/^images\/[^/]+\.png$/).optional(),
  conversations: z
    .array(z.strictObject({ from: z.enum(['human', 'gpt']), value: z.string().min(1) }))
    .min(2)
    .refine((turns) => turns.every((turn, i) => turn.from === (i % 2 === 0 ? 'human' : 'gpt')), 'turns must alternate, human first'),
});
type LlavaEntry = z.infer<typeof llavaEntrySchema>;

/** A line of an imagefolder `metadata.jsonl`: `file_name` relative to it, and flat columns. */
const hfRowSchema = z.strictObject({
  file_name: z.string().regex(/^images\/[^/]+\.png$/).optional(),
  id: z.string().min(1),
  scenario: z.string().min(1),
  level: z.number().int().min(1).max(5),
  modality: z.enum(['image', 'text', 'both']),
  theme: z.string(),
  style: z.string(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  text: z.string().nullable(),
  qa: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        task: z.string().min(1),
        kind: z.enum(questionKinds),
        question: z.string().min(1),
        prompt: z.string().min(1),
        answer: z.string().min(1),
        rationale: z.string(),
      }),
    )
    .min(1),
});

async function readRecords(dir: string): Promise<SampleRecord[]> {
  return (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
}

async function tree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

async function readLlava(out: string): Promise<LlavaEntry[]> {
  const text = await readFile(join(out, 'llava.json'), 'utf8');
  const entries = z.array(llavaEntrySchema).parse(JSON.parse(text));
  for (const entry of entries) if (entry.image !== undefined) expect(existsSync(join(out, entry.image)), entry.image).toBe(true);
  return entries;
}

/** Every file of every folder under `dir`, with its bytes, for comparing exports. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const path of await tree(dir)) {
    const bytes = await readFile(join(dir, path)).catch(() => undefined);
    if (bytes !== undefined) files.set(path, bytes);
  }
  return files;
}

const hasTar = (() => {
  try {
    execFileSync('tar', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the exporters registry', () => {
  it('has every format, with defaults', () => {
    expect(Object.keys(exporters).sort()).toEqual(['hf', 'llava', 'mmsi', 'webdataset']);
    for (const [name, exporter] of Object.entries(exporters)) expect(exporter.format).toBe(name);
  });

  it('rejects bad options', () => {
    expect(() => llavaExporter({ turns: 'three' as 'single' })).toThrow(UsageError);
    expect(() => llavaExporter({ rationale: 'yes' as unknown as boolean })).toThrow(UsageError);
    for (const shardSize of [0, -1, 1.5, Number.NaN]) expect(() => webdatasetExporter({ shardSize })).toThrow(UsageError);
  });
});

describe('llava export', () => {
  it.each(modalities)('single-turn: one conversation per question (%s)', async (modality) => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: corridor, count: 6, seed: 3, modality });
    const out = join(root, 'out');
    const summary = await exportDataset({ format: 'llava', data, out });
    const records = await readRecords(data);
    const questions = records.flatMap((record) => record.qa.map((qa) => ({ record, qa })));
    expect(summary).toEqual({ format: 'llava', files: ['llava.json'], rows: questions.length, images: modality === 'text' ? 0 : 6 });
    expect(await tree(out)).toEqual(
      modality === 'text' ? ['llava.json'] : ['images', ...records.map((r) => `images/${r.id}.png`), 'llava.json'].sort(),
    );
    const entries = await readLlava(out);
    expect(entries).toHaveLength(questions.length);
    for (const [i, entry] of entries.entries()) {
      const { record, qa } = questions[i]!;
      expect(entry.id).toBe(qa.id);
      expect(entry.conversations).toHaveLength(2);
      const prompt = modality === 'image' ? qa.question : `${record.text}\n\n${qa.question}`;
      if (modality === 'text') {
        expect(entry.image).toBeUndefined();
        expect('image' in entry).toBe(false);
        expect(entry.conversations[0]!.value).toBe(prompt);
      } else {
        expect(entry.image).toBe(`images/${record.id}.png`);
        expect((await readFile(join(out, entry.image!))).equals(await readFile(join(data, record.image!)))).toBe(true);
        expect(entry.conversations[0]!.value).toBe(`<image>\n${prompt}`);
      }
      expect(entry.conversations[1]!.value).toBe(qa.answerText);
    }
  });

  it('multi-turn: one conversation per image, the image and text in the first turn only', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: corridor, count: 5, modality: 'both' });
    const out = join(root, 'out');
    const summary = await exportDataset({ format: llavaExporter({ turns: 'multi' }), data, out });
    const records = await readRecords(data);
    expect(summary.rows).toBe(5);
    const entries = await readLlava(out);
    expect(entries.map((e) => e.id)).toEqual(records.map((r) => r.id));
    for (const [i, entry] of entries.entries()) {
      const record = records[i]!;
      expect(entry.conversations).toEqual(
        record.qa.flatMap((qa, j) => [
          { from: 'human', value: j === 0 ? `<image>\n${record.text}\n\n${qa.question}` : qa.question },
          { from: 'gpt', value: qa.answerText },
        ]),
      );
      expect(entry.conversations.filter((turn) => turn.value.includes('<image>'))).toHaveLength(1);
    }
  });

  it('with rationale: the answer, a blank line, then the rationale', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 3, modality: 'image' });
    const out = join(root, 'out');
    await exportDataset({ format: llavaExporter({ rationale: true }), data, out });
    const questions = (await readRecords(data)).flatMap((record) => record.qa);
    const entries = await readLlava(out);
    for (const [i, entry] of entries.entries()) {
      const qa = questions[i]!;
      expect(qa.rationale).not.toBe('');
      expect(entry.conversations[1]!.value).toBe(`${qa.answerText}\n\n${qa.rationale}`);
    }
  });

  it('is the same bytes twice, and valid JSON for an empty dataset', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: corridor, count: 4, modality: 'image' });
    await exportDataset({ format: 'llava', data, out: join(root, 'a') });
    await exportDataset({ format: 'llava', data, out: join(root, 'b') });
    expect(await snapshot(join(root, 'b'))).toEqual(await snapshot(join(root, 'a')));

    await writeDataset(join(root, 'empty'), { scenario: corridor, count: 0, modality: 'image' });
    expect((await exportDataset({ format: 'llava', data: join(root, 'empty'), out: join(root, 'e') })).rows).toBe(0);
    expect(JSON.parse(await readFile(join(root, 'e', 'llava.json'), 'utf8'))).toEqual([]);
  });
});

describe('hf export', () => {
  it.each(modalities)('writes one imagefolder row per image, its questions in qa (%s)', async (modality) => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: corridor, count: 6, seed: 4, modality });
    const out = join(root, 'out');
    const summary = await exportDataset({ format: 'hf', data, out });
    const records = await readRecords(data);
    expect(summary).toEqual({ format: 'hf', files: ['metadata.jsonl'], rows: 6, images: modality === 'text' ? 0 : 6 });
    const text = await readFile(join(out, 'metadata.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rows = text.slice(0, -1).split('\n').map((line) => hfRowSchema.parse(JSON.parse(line)));
    expect(rows).toHaveLength(records.length);
    // imagefolder keys rows by file_name: each must be unique and resolve from the metadata file.
    const names = rows.flatMap((row) => (row.file_name === undefined ? [] : [row.file_name]));
    expect(new Set(names).size).toBe(names.length);
    for (const [i, row] of rows.entries()) {
      const record = records[i]!;
      expect(row.id).toBe(record.id);
      expect(row.level).toBe(record.level);
      expect(row.text).toBe(record.text);
      if (modality === 'text') {
        expect('file_name' in row).toBe(false);
      } else {
        expect(Object.keys(row)[0]).toBe('file_name');
        expect((await readFile(join(out, row.file_name!))).equals(await readFile(join(data, record.image!)))).toBe(true);
      }
      expect(row.qa).toEqual(
        record.qa.map((qa) => ({
          id: qa.id,
          task: qa.task,
          kind: qa.kind,
          question: qa.question,
          prompt: modality === 'image' ? qa.question : `${record.text}\n\n${qa.question}`,
          answer: qa.answerText,
          rationale: qa.rationale,
        })),
      );
    }
  });

  it('is the same bytes twice', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 3, modality: 'image' });
    await exportDataset({ format: hfExporter, data, out: join(root, 'a') });
    await exportDataset({ format: hfExporter, data, out: join(root, 'b') });
    expect(await snapshot(join(root, 'b'))).toEqual(await snapshot(join(root, 'a')));
  });
});

describe.skipIf(!hasTar)('webdataset export, read back by the system tar', () => {
  it.each(modalities)('writes shards of at most shardSize samples, <key>.png and <key>.json (%s)', async (modality) => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: corridor, count: 7, seed: 6, modality });
    const out = join(root, 'out');
    const summary = await exportDataset({ format: webdatasetExporter({ shardSize: 3 }), data, out });
    const records = await readRecords(data);
    const shards = ['shard-000000.tar', 'shard-000001.tar', 'shard-000002.tar'];
    expect(summary).toEqual({ format: 'webdataset', files: shards, rows: 7, images: modality === 'text' ? 0 : 7 });
    expect(await tree(out)).toEqual(shards);

    const members = (ids: string[]) => ids.flatMap((id) => (modality === 'text' ? [`${id}.json`] : [`${id}.png`, `${id}.json`]));
    for (const [s, shard] of shards.entries()) {
      const listed = execFileSync('tar', ['-tf', join(out, shard)], { encoding: 'utf8' }).trim().split('\n');
      expect(listed).toEqual(members(records.slice(s * 3, s * 3 + 3).map((r) => r.id)));
      const dir = join(root, `x${s}`);
      await mkdir(dir);
      execFileSync('tar', ['-xf', join(out, shard), '-C', dir]);
      for (const record of records.slice(s * 3, s * 3 + 3)) {
        const sample = JSON.parse(await readFile(join(dir, `${record.id}.json`), 'utf8'));
        if (modality === 'text') {
          expect(sample.image).toBeNull();
        } else {
          expect(sample.image).toBe(`${record.id}.png`);
          expect((await readFile(join(dir, `${record.id}.png`))).equals(await readFile(join(data, record.image!)))).toBe(true);
        }
        const { image: _, qa, ...rest } = sample;
        const { image: __, qa: recordQa, ...recordRest } = record;
        expect(rest).toEqual(recordRest);
        expect(qa).toEqual(
          recordQa.map((q) => ({ ...q, prompt: modality === 'image' ? q.question : `${record.text}\n\n${q.question}` })),
        );
      }
    }
  });

  it('defaults to 1000 samples a shard, gives the same bytes twice, and replaces dots in keys', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 4, modality: 'image' });
    // A record id with dots: WebDataset splits a member name at its first dot.
    const samples = join(data, 'samples.jsonl');
    const lines = (await readFile(samples, 'utf8')).trim().split('\n');
    const first = JSON.parse(lines[0]!);
    first.id = 'test.bars.v2';
    lines[0] = JSON.stringify(first);
    await writeFile(samples, `${lines.join('\n')}\n`);

    await exportDataset({ format: 'webdataset', data, out: join(root, 'a') });
    await exportDataset({ format: 'webdataset', data, out: join(root, 'b') });
    expect(await tree(join(root, 'a'))).toEqual(['shard-000000.tar']);
    const a = await readFile(join(root, 'a', 'shard-000000.tar'));
    expect(a.equals(await readFile(join(root, 'b', 'shard-000000.tar')))).toBe(true);
    expect(a.length % 512).toBe(0);
    const listed = execFileSync('tar', ['-tvf', join(root, 'a', 'shard-000000.tar')], { encoding: 'utf8' }).trim().split('\n');
    expect(listed[0]).toMatch(/^-rw-r--r-- 0\/0 .* 1970-01-01 00:00 test_bars_v2\.png$/);
    expect(listed).toHaveLength(8);
  });

  it('writes names over 100 bytes with a pax header the system tar reads', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 2, modality: 'image' });
    const samples = join(data, 'samples.jsonl');
    const lines = (await readFile(samples, 'utf8')).trim().split('\n');
    const first = JSON.parse(lines[0]!);
    first.id = `long-${'é'.repeat(60)}`;
    lines[0] = JSON.stringify(first);
    await writeFile(samples, `${lines.join('\n')}\n`);
    await exportDataset({ format: 'webdataset', data, out: join(root, 'out') });
    const listed = execFileSync('tar', ['-tf', join(root, 'out', 'shard-000000.tar')], { encoding: 'utf8' }).trim().split('\n');
    expect(listed.slice(0, 2)).toEqual([`${first.id}.png`, `${first.id}.json`]);
  });
});

describe('training exports leave nothing behind on failure', () => {
  it.each(['llava', 'hf', 'webdataset'])('%s: a missing image fails the export and leaves no folder', async (format) => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 5, modality: 'image' });
    await rm(join(data, 'images', 'test-bars-s1-l3-000003.png'));
    const out = join(root, 'out');
    const exporter = format === 'webdataset' ? webdatasetExporter({ shardSize: 2 }) : format;
    await expect(exportDataset({ format: exporter, data, out })).rejects.toThrow(
      `${join(data, 'images', 'test-bars-s1-l3-000003.png')}: missing, though sample "test-bars-s1-l3-000003" names it`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('training exports stream', () => {
  it.each([
    ['llava', 'llava.json'],
    ['hf', 'metadata.jsonl'],
    ['webdataset', 'shard-000000.tar'],
  ])('%s writes while samples.jsonl is still being read', async (format, file) => {
    const root = await tempDir();
    const data = join(root, 'data');
    const count = 300;
    await writeDataset(data, { scenario: corridor, count, modality: 'text' });
    const samples = join(data, 'samples.jsonl');
    const lines = (await readFile(samples, 'utf8')).trim().split('\n');
    await rm(samples);
    execFileSync('mkfifo', [samples]);
    const out = join(root, 'out');
    const exporting = exportDataset({ format, data, out });
    exporting.catch(() => {});

    // Feed the first half, then wait until the staged file holds every one of its ids: an exporter
    // that read the whole file first would never get there.
    const feed = createWriteStream(samples);
    feed.write(`${lines.slice(0, count / 2).join('\n')}\n`);
    const staged = join(out, '.absynth-export.tmp', 'files', file);
    const lastId = JSON.parse(lines[count / 2 - 1]!).id as string;
    for (let waited = 0; ; waited += 10) {
      if (existsSync(staged) && (await readFile(staged, 'latin1')).includes(lastId)) break;
      if (waited > 5000) throw new Error(`the export wrote nothing of ${lastId} before the file was complete`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(existsSync(join(out, file))).toBe(false);
    feed.end(`${lines.slice(count / 2).join('\n')}\n`);
    expect((await exporting).rows).toBe(format === 'llava' ? count * 2 : count);
  });
});
