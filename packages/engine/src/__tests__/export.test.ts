import { answerSchema, UsageError } from '@absynth/core';
import { questionKinds } from '@absynth/core';
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DatasetError } from '../errors.js';
import { exportDataset, exporters } from '../exporters/export.js';
import { mmsiTypeOfKind, mmsiTypes } from '../exporters/mmsi.js';
import { modalities } from '../records.js';
import type { SampleRecord } from '../records.js';
import { bars } from './fixtures.js';
import { corridor, tempDir, writeDataset } from './datasets.js';

/** A row of the paper's benchmark format, as an independent reader would check it. */
const rowSchema = z.strictObject({
  question_id: z.string().min(1),
  text: z.string().min(1),
  image: z.string().regex(/^images\/[^/]+\.png$/).nullable(),
  answer: z.string().min(1),
  type: z.enum(['STRUCTURAL', 'DATA_EXTRACTION', 'MATH_REASONING', 'COLOR', 'REASONING', 'CAPTION', 'SUMMARY']),
  markers: z.array(z.string().min(1)),
  absynth_answer: answerSchema,
});
type Row = z.infer<typeof rowSchema>;

async function readRows(file: string): Promise<Row[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  expect(lines.pop()).toBe('');
  return lines.map((line) => rowSchema.parse(JSON.parse(line)));
}

async function readRecords(dir: string): Promise<SampleRecord[]> {
  return (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
}

/** Every path under `dir`, files and folders, sorted. */
async function tree(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

// A second file system, to see the copy fallback; /dev/shm is one on most Linux machines.
const otherDevice = '/dev/shm';
const canCross = existsSync(otherDevice) && (await stat(otherDevice)).dev !== (await stat(await tempDir())).dev;

describe('mmsi export', () => {
  it('types every question kind, with the paper types only', () => {
    expect(Object.keys(mmsiTypeOfKind).sort()).toEqual([...questionKinds].sort());
    for (const type of Object.values(mmsiTypeOfKind)) expect(mmsiTypes).toContain(type);
    expect(exporters.mmsi?.format).toBe('mmsi');
  });

  it.each(modalities)('writes one complete row per question (%s)', async (modality) => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: corridor, count: 12, seed: 5, modality });
    const out = join(root, 'out');
    const summary = await exportDataset({ format: 'mmsi', data, out });
    const records = await readRecords(data);
    const questions = records.flatMap((record) => record.qa.map((qa) => ({ record, qa })));
    expect(summary).toEqual({
      format: 'mmsi',
      files: ['test-corridor.jsonl'],
      rows: questions.length,
      images: modality === 'text' ? 0 : 12,
    });
    expect(await tree(out)).toEqual(
      modality === 'text'
        ? ['test-corridor.jsonl']
        : ['images', ...records.map((r) => `images/${r.id}.png`), 'test-corridor.jsonl'].sort(),
    );

    const rows = await readRows(join(out, 'test-corridor.jsonl'));
    expect(rows).toHaveLength(questions.length);
    let withMarkers = 0;
    for (const [i, row] of rows.entries()) {
      const { record, qa } = questions[i]!;
      // Every key on every row: the release's loader stops at the first row without markers.
      expect(Object.keys(row)).toEqual(['question_id', 'text', 'image', 'answer', 'type', 'markers', 'absynth_answer']);
      expect(row.absynth_answer).toEqual(qa.answer);
      expect(row.question_id).toBe(qa.id);
      expect(row.answer).toBe(qa.answerText);
      expect(row.type).toBe(qa.kind === 'route-planning' ? 'REASONING' : 'STRUCTURAL');
      expect(row.text).toBe(modality === 'image' ? qa.question : `${record.text}\n\n${qa.question}`);
      if (modality === 'text') {
        expect(row.image).toBeNull();
      } else {
        // The image resolves from the export folder, to the dataset's own bytes.
        expect(row.image).toBe(`images/${record.id}.png`);
        expect((await readFile(join(out, row.image!))).equals(await readFile(join(data, record.image!)))).toBe(true);
      }
      const markers = qa.answer.type === 'route' ? (qa.answer.markers ?? []) : [];
      expect(row.markers).toEqual(markers);
      if (row.markers.length > 0) withMarkers++;
    }
    // The fixture's routes have zero, one or two markers: both cases occur.
    expect(withMarkers).toBeGreaterThan(0);
    expect(withMarkers).toBeLessThan(records.length);
  });

  it('hard-links images rather than copying them', async () => {
    const root = await tempDir();
    await writeDataset(join(root, 'data'), { scenario: bars, count: 2, modality: 'image' });
    await exportDataset({ format: 'mmsi', data: join(root, 'data'), out: join(root, 'out') });
    const source = await stat(join(root, 'data', 'images', 'test-bars-s1-l3-000000.png'));
    const linked = await stat(join(root, 'out', 'images', 'test-bars-s1-l3-000000.png'));
    expect(linked.ino).toBe(source.ino);
  });

  it.skipIf(!canCross)('copies images where it cannot link (another file system)', async () => {
    const root = await tempDir();
    await writeDataset(join(root, 'data'), { scenario: bars, count: 2, modality: 'image' });
    const out = join(otherDevice, `absynth-export-${process.pid}`);
    try {
      await exportDataset({ format: 'mmsi', data: join(root, 'data'), out });
      const copied = await stat(join(out, 'images', 'test-bars-s1-l3-000001.png'));
      expect(copied.nlink).toBe(1);
      expect(await readRows(join(out, 'test-bars.jsonl'))).toHaveLength(4);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses bad input before writing anything', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 1, modality: 'image' });
    const out = join(root, 'out');
    await expect(exportDataset({ format: 'csv', data, out })).rejects.toThrow('unknown export format "csv"; formats: mmsi, llava, hf, webdataset');
    await expect(exportDataset({ format: 'constructor', data, out })).rejects.toThrow(UsageError);
    await expect(exportDataset({ format: 'mmsi', data: join(root, 'nope'), out })).rejects.toThrow(DatasetError);
    await mkdir(join(root, 'empty'));
    await expect(exportDataset({ format: 'mmsi', data: join(root, 'empty'), out })).rejects.toThrow(
      /empty: not a dataset: it has no manifest\.json/,
    );
    await expect(exportDataset({ format: 'mmsi', data, out: data })).rejects.toThrow(/is the dataset folder or inside it/);
    await expect(exportDataset({ format: 'mmsi', data, out: join(data, 'x') })).rejects.toThrow(/is the dataset folder or inside it/);
    expect(existsSync(out)).toBe(false);
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'keep');
    await expect(exportDataset({ format: 'mmsi', data, out })).rejects.toThrow(/not empty; choose an empty folder or pass --force/);
    expect(await tree(out)).toEqual(['keep.txt']);
  });

  it('leaves nothing behind when a record turns out malformed or an image is missing', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    await writeDataset(data, { scenario: bars, count: 5, modality: 'image' });
    const samples = join(data, 'samples.jsonl');
    const lines = (await readFile(samples, 'utf8')).trim().split('\n');

    await writeFile(samples, `${[...lines.slice(0, 4), '{"id": 1}'].join('\n')}\n`);
    await expect(exportDataset({ format: 'mmsi', data, out: join(root, 'out') })).rejects.toThrow(
      `${samples} line 5: malformed record: id: `,
    );
    expect(existsSync(join(root, 'out'))).toBe(false);

    await writeFile(samples, `${lines.join('\n')}\n`);
    await rm(join(data, 'images', 'test-bars-s1-l3-000003.png'));
    await mkdir(join(root, 'kept'));
    await writeFile(join(root, 'kept', 'other.jsonl'), '{}\n');
    await expect(exportDataset({ format: 'mmsi', data, out: join(root, 'kept'), force: true })).rejects.toThrow(
      `${join(data, 'images', 'test-bars-s1-l3-000003.png')}: missing, though sample "test-bars-s1-l3-000003" names it`,
    );
    expect(await tree(join(root, 'kept'))).toEqual(['other.jsonl']);
  });

  it('with force, adds a second scenario beside the first and replaces a re-export', async () => {
    const root = await tempDir();
    await writeDataset(join(root, 'bars'), { scenario: bars, count: 3, modality: 'image' });
    await writeDataset(join(root, 'corridor'), { scenario: corridor, count: 2, modality: 'image' });
    const out = join(root, 'bench');
    await exportDataset({ format: 'mmsi', data: join(root, 'bars'), out });
    await exportDataset({ format: 'mmsi', data: join(root, 'corridor'), out, force: true });
    await exportDataset({ format: 'mmsi', data: join(root, 'corridor'), out, force: true });
    expect((await tree(out)).filter((path) => !path.startsWith('images/'))).toEqual(['images', 'test-bars.jsonl', 'test-corridor.jsonl']);
    expect((await readdir(join(out, 'images'))).length).toBe(5);
    for (const file of ['test-bars.jsonl', 'test-corridor.jsonl']) {
      for (const row of await readRows(join(out, file))) expect(existsSync(join(out, row.image!))).toBe(true);
    }
  });
});

describe.skipIf(process.platform === 'win32')('mmsi export streams', () => {
  it('writes rows while samples.jsonl is still being read', async () => {
    const root = await tempDir();
    const data = join(root, 'data');
    const count = 300;
    await writeDataset(data, { scenario: corridor, count, modality: 'text' });
    const samples = join(data, 'samples.jsonl');
    const lines = (await readFile(samples, 'utf8')).trim().split('\n');
    await rm(samples);
    execFileSync('mkfifo', [samples]);
    const out = join(root, 'out');
    const exporting = exportDataset({ format: 'mmsi', data, out });
    exporting.catch(() => {}); // awaited below; a failure while feeding must not go unhandled

    // Feed the first half, then wait until the export has written rows for it: an exporter
    // that read the whole file first would never get there.
    const feed = createWriteStream(samples);
    feed.write(`${lines.slice(0, count / 2).join('\n')}\n`);
    const staged = join(out, '.absynth-export.tmp', 'files', 'test-corridor.jsonl');
    const rowsOfHalf = lines.slice(0, count / 2).reduce((n, line) => n + JSON.parse(line).qa.length, 0);
    for (let waited = 0; ; waited += 10) {
      const size = existsSync(staged) ? (await readFile(staged, 'utf8')).split('\n').length - 1 : 0;
      if (size === rowsOfHalf) break;
      if (waited > 5000) throw new Error(`only ${size} of ${rowsOfHalf} rows written before the file was complete`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(existsSync(join(out, 'test-corridor.jsonl'))).toBe(false);
    feed.end(`${lines.slice(count / 2).join('\n')}\n`);
    expect((await exporting).rows).toBe(count * 2);
    expect(await readRows(join(out, 'test-corridor.jsonl'))).toHaveLength(count * 2);
  });
});
