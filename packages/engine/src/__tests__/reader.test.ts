import { UsageError } from '@absynth/core';
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.js';
import { modalities } from '../records.js';
import type { SampleRecord } from '../records.js';
import { readDataset } from '../reader.js';
import { corridor, tempDir, writeDataset } from './datasets.js';

const collect = async (records: AsyncIterable<SampleRecord>) => {
  const out: SampleRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
};

/** A small finished dataset and its lines, to break in each test. */
async function dataset(modality: (typeof modalities)[number] = 'image', count = 3) {
  const dir = join(await tempDir(), 'data');
  const manifest = await writeDataset(dir, { scenario: corridor, count, seed: 4, modality });
  const samples = join(dir, 'samples.jsonl');
  const lines = (await readFile(samples, 'utf8')).trim().split('\n');
  return { dir, manifest, samples, lines };
}

describe('readDataset', () => {
  it.each(modalities)('reads back exactly what the writer wrote (%s)', async (modality) => {
    const { dir, manifest, lines } = await dataset(modality);
    const read = await readDataset(dir);
    expect(read.manifest).toEqual(manifest);
    const records = await collect(read.samples);
    expect(records.map((r) => JSON.stringify(r))).toEqual(lines);
    // Every iteration reads the file afresh.
    expect(await collect(read.samples)).toEqual(records);
  });

  it('names a missing folder, a file, and a folder without a manifest', async () => {
    const dir = await tempDir();
    await expect(readDataset(join(dir, 'nope'))).rejects.toThrow(`${join(dir, 'nope')}: no such dataset folder`);
    await writeFile(join(dir, 'file'), 'x');
    await expect(readDataset(join(dir, 'file'))).rejects.toThrow('not a folder, so not a dataset');
    await expect(readDataset(dir)).rejects.toThrow(DatasetError);
    await expect(readDataset(dir)).rejects.toThrow(`${dir}: not a dataset: it has no manifest.json`);
    await expect(readDataset(dir)).rejects.toThrow(UsageError);
  });

  it('names a malformed manifest and its fields', async () => {
    const { dir, manifest } = await dataset();
    const path = join(dir, 'manifest.json');
    await writeFile(path, '{"tool":');
    await expect(readDataset(dir)).rejects.toThrow(`${path}: not valid JSON`);
    await writeFile(path, JSON.stringify({ ...manifest, seed: -1, scenario: { id: '../x', version: 1 } }));
    await expect(readDataset(dir)).rejects.toThrow(
      `${path}: malformed manifest: scenario.id: must be lowercase letters, digits and dashes; seed: `,
    );
  });

  it('names a missing samples.jsonl', async () => {
    const { dir, samples } = await dataset();
    await rm(samples);
    await expect(readDataset(dir)).rejects.toThrow(`${samples}: missing, though manifest.json is there`);
  });

  it('names the line and field of a malformed record', async () => {
    const { dir, samples, lines } = await dataset();
    const rewrite = async (line: number, text: string) => {
      const copy = [...lines];
      copy[line - 1] = text;
      await writeFile(samples, `${copy.join('\n')}\n`);
      return collect((await readDataset(dir)).samples);
    };
    await expect(rewrite(2, '{"id": ')).rejects.toThrow(`${samples} line 2: not valid JSON`);
    const record = JSON.parse(lines[2]!);
    record.qa[0].kind = 'guessing';
    record.level = 9;
    await expect(rewrite(3, JSON.stringify(record))).rejects.toThrow(
      new RegExp(`${samples} line 3: malformed record: level: .*; qa\\[0\\]\\.kind: `),
    );
    await expect(rewrite(1, JSON.stringify({ ...JSON.parse(lines[0]!), image: '../../etc/passwd' }))).rejects.toThrow(
      'line 1: malformed record: image: must be a relative path inside the dataset folder',
    );
    await expect(rewrite(1, JSON.stringify({ ...JSON.parse(lines[0]!), image: null }))).rejects.toThrow(
      'line 1: malformed record: image: is required in an image record',
    );
    await expect(rewrite(1, JSON.stringify({ ...JSON.parse(lines[0]!), text: 'S..E' }))).rejects.toThrow(
      'line 1: malformed record: text: must be null in an image record',
    );
    await expect(rewrite(2, JSON.stringify({ ...JSON.parse(lines[1]!), scenario: 'other' }))).rejects.toThrow(
      'line 2: scenario: "other", but the manifest is for "test-corridor"',
    );
    await expect(rewrite(2, JSON.stringify({ ...JSON.parse(lines[1]!), modality: 'both', text: 'x' }))).rejects.toThrow(
      'line 2: modality: both, but the manifest says image',
    );
  });

  it('yields the records before a bad line, then names it', async () => {
    const { dir, samples } = await dataset();
    await appendFile(samples, 'garbage\n');
    const seen: string[] = [];
    const reading = (async () => {
      for await (const record of (await readDataset(dir)).samples) seen.push(record.id);
    })();
    await expect(reading).rejects.toThrow(`${samples} line 4: not valid JSON`);
    expect(seen).toHaveLength(3);
  });

  it('names a file with fewer records than the manifest counts', async () => {
    const { dir, samples, lines } = await dataset();
    await writeFile(samples, `${lines.slice(0, 2).join('\n')}\n\n`);
    await expect(collect((await readDataset(dir)).samples)).rejects.toThrow(
      `${samples}: 2 records, but the manifest counts 3; the file is incomplete or altered`,
    );
  });

  it('reads records and manifests written before modalities as image', async () => {
    const { dir, samples, lines } = await dataset();
    const manifestPath = join(dir, 'manifest.json');
    const { modality: _m, ...oldManifest } = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify(oldManifest));
    await writeFile(samples, lines.map((line) => {
      const { modality: _mod, text: _text, ...old } = JSON.parse(line);
      return JSON.stringify(old);
    }).join('\n'));
    const read = await readDataset(dir);
    expect(read.manifest.modality).toBe('image');
    const records = await collect(read.samples);
    expect(records.map((r) => [r.modality, r.text])).toEqual([['image', null], ['image', null], ['image', null]]);
  });

  it('stops reading when the consumer stops', async () => {
    const { dir } = await dataset('text', 20);
    const read = await readDataset(dir);
    for await (const record of read.samples) {
      expect(record.index).toBe(0);
      break;
    }
  });
});

describe.skipIf(process.platform === 'win32')('readDataset streams', () => {
  /** A dataset whose samples.jsonl is a named pipe, fed by the test line by line. */
  async function piped(count: number) {
    const { dir, lines, samples } = await dataset('text', 1);
    const line = lines[0]!;
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, count }));
    await rm(samples);
    execFileSync('mkfifo', [samples]);
    return { dir, samples, line };
  }

  it('yields the first record while the file is still being written', async () => {
    const { dir, samples, line } = await piped(2);
    const read = await readDataset(dir);
    const iterator = read.samples[Symbol.asyncIterator]();
    const feed = createWriteStream(samples);
    feed.write(`${line}\n`);
    // The writer has not finished (nor closed the pipe), yet the first record is there.
    const first = await iterator.next();
    expect(first.done).toBe(false);
    feed.end(`${line}\n`);
    expect((await iterator.next()).done).toBe(false);
    expect((await iterator.next()).done).toBe(true);
  });

  it('reads ahead only a bounded amount while the consumer waits', async () => {
    const total = 20_000;
    const { dir, samples, line } = await piped(total);
    const read = await readDataset(dir);
    const iterator = read.samples[Symbol.asyncIterator]();
    const feed = createWriteStream(samples);
    // Closing the reader early breaks the pipe; that is the point, not a failure.
    feed.on('error', () => {});
    let written = 0;
    const pump = () => {
      while (written < total) {
        written++;
        if (!feed.write(`${line}\n`)) return feed.once('drain', pump);
      }
      feed.end();
    };
    pump();
    await iterator.next();
    // Give the reader every chance to read ahead; backpressure must stop it well short of the file.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fileSize = total * (line.length + 1);
    const accepted = written * (line.length + 1);
    expect(fileSize).toBeGreaterThan(5_000_000);
    expect(accepted).toBeLessThan(fileSize / 4);
    feed.destroy();
    await iterator.return?.();
  });
});
