import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest, SampleRecord } from '@absynth/engine';
import { DEFAULT_SEED } from '@absynth/engine';
import { maze } from '@absynth/maps';
import { describe, expect, it } from 'vitest';
import { cli, dotsPluginSource, readTree, runBin, tempDir, writeFiles } from './helpers.js';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const summaryLine = /^(\d+) images, (\d+) questions in \d+\.\d\d s \(\d+\.\d images\/s\) -> (.+)\n$/;

async function readDataset(dir: string): Promise<{ manifest: Manifest; samples: SampleRecord[] }> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const lines = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).split('\n');
  expect(lines.pop()).toBe('');
  return { manifest, samples: lines.map((line) => JSON.parse(line) as SampleRecord) };
}

describe('absynth generate', () => {
  it('writes a small maze dataset and prints one summary line', async () => {
    const dir = await tempDir();
    const result = await cli(
      ['generate', 'maze', '--count', '3', '--seed', '7', '--size', '128', '--out', 'data'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const { manifest, samples } = await readDataset(join(dir, 'data'));
    expect(manifest).toMatchObject({
      tool: { name: 'absynth' },
      scenario: { id: 'maze', version: maze.version },
      level: 3,
      seed: 7,
      start: 0,
      count: 3,
      size: { width: 128, height: 128 },
      theme: 'auto',
      style: 'crisp',
      tasks: maze.tasks.map((t) => t.id),
    });
    expect(manifest.counts.images).toBe(3);
    expect(samples.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(manifest.counts.questions).toBe(samples.reduce((n, s) => n + s.qa.length, 0));
    expect(manifest.counts.questions).toBeGreaterThan(0);

    const [, images, questions, out] = summaryLine.exec(result.stdout) ?? [];
    expect([images, questions, out]).toEqual(['3', String(manifest.counts.questions), 'data']);

    const files = await readTree(join(dir, 'data'));
    expect([...files.keys()].sort()).toEqual(
      [
        'images/' + samples[0]?.id + '.png',
        'images/' + samples[1]?.id + '.png',
        'images/' + samples[2]?.id + '.png',
        'manifest.json',
        'samples.jsonl',
      ].sort(),
    );
    for (const sample of samples) {
      expect(sample).toMatchObject({ scenario: 'maze', seed: 7, level: 3, width: 128, height: 128 });
      const png = files.get(sample.image ?? '');
      expect(png?.subarray(0, 8)).toEqual(pngSignature);
      expect(png?.readUInt32BE(16)).toBe(128);
      for (const qa of sample.qa) {
        expect(qa.question).not.toBe('');
        expect(qa.answerText).not.toBe('');
      }
    }
  });

  it('gives byte-identical files when run twice with the same seed', async () => {
    const dir = await tempDir();
    const args = ['generate', 'maze', '--count', '4', '--seed', '11', '--size', '160'];
    const [first, second] = await Promise.all([
      runBin([...args, '--out', 'a'], dir),
      runBin([...args, '--out', 'b'], dir),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const a = await readTree(join(dir, 'a'));
    const b = await readTree(join(dir, 'b'));
    expect(a.size).toBe(4 + 2);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  });

  it('uses the defaults: seed, level 3, 10 images, out/<scenario>', async () => {
    const dir = await tempDir();
    const result = await cli(['generate', 'maze', '--size', '64', '--tasks', maze.tasks[0]?.id ?? ''], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^10 images, .* -> out\/maze\n$/);
    const { manifest } = await readDataset(join(dir, 'out', 'maze'));
    expect(manifest).toMatchObject({ seed: DEFAULT_SEED, level: 3, count: 10, theme: 'auto', style: 'crisp' });
  });

  it('records every flag in the manifest and samples', async () => {
    const dir = await tempDir();
    const [firstTask, secondTask] = maze.tasks;
    await writeFiles(dir, { 'params.json': JSON.stringify({ rows: 9, cols: 7, style: 'walls' }) });
    const result = await cli(
      [
        'generate',
        'maze',
        '--count',
        '2',
        '--start',
        '5',
        '--seed',
        '3',
        '--level',
        '1',
        '--size',
        '96x80',
        '--theme',
        'auto',
        '--style',
        'sketch',
        '--tasks',
        `${firstTask?.id},${secondTask?.id}`,
        '--params',
        'params.json',
        '--param',
        'rows=6',
        '--param',
        'style=blocks',
        '--param',
        'braid=0.5',
        '--out',
        'run',
      ],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    const { manifest, samples } = await readDataset(join(dir, 'run'));
    expect(manifest).toMatchObject({
      start: 5,
      count: 2,
      seed: 3,
      level: 1,
      style: 'sketch',
      size: { width: 96, height: 80 },
    });
    expect(manifest.tasks).toEqual([firstTask?.id, secondTask?.id]);
    // --param overrides the same field from --params; a value that is not JSON is a string.
    expect(manifest.params).toMatchObject({ rows: 6, cols: 7, style: 'blocks', braid: 0.5 });
    expect(samples.map((s) => [s.index, s.width, s.height, s.style])).toEqual([
      [5, 96, 80, 'sketch'],
      [6, 96, 80, 'sketch'],
    ]);
    for (const qa of samples.flatMap((s) => s.qa)) expect([firstTask?.id, secondTask?.id]).toContain(qa.task);
  });

  it('generates item k the same whatever range it is in', async () => {
    const dir = await tempDir();
    const common = ['generate', 'maze', '--seed', '5', '--size', '64'];
    expect((await cli([...common, '--count', '3', '--out', 'all'], dir)).code).toBe(0);
    expect((await cli([...common, '--count', '1', '--start', '2', '--out', 'last'], dir)).code).toBe(0);
    const all = await readDataset(join(dir, 'all'));
    const last = await readDataset(join(dir, 'last'));
    expect(last.samples[0]).toEqual(all.samples[2]);
  });

  it('replaces a dataset with --force', async () => {
    const dir = await tempDir();
    expect((await cli(['generate', 'maze', '--count', '2', '--size', '64', '--out', 'out'], dir)).code).toBe(0);
    const result = await cli(['generate', 'maze', '--count', '1', '--size', '64', '--out', 'out', '--force'], dir);
    expect(result.code, result.stderr).toBe(0);
    const { manifest, samples } = await readDataset(join(dir, 'out'));
    expect(manifest.count).toBe(1);
    expect(samples).toHaveLength(1);
  });

  it('writes an empty dataset for --count 0', async () => {
    const dir = await tempDir();
    const result = await cli(['generate', 'maze', '--count', '0', '--out', 'empty'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^0 images, 0 questions in .* -> empty\n$/);
    expect((await readDataset(join(dir, 'empty'))).manifest.counts.images).toBe(0);
  });

  it('exits 1 and leaves no finished-looking files when a scenario fails while generating', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'broken.mjs'), dotsPluginSource('broken-dots', 'return null;'));
    const result = await cli(
      ['generate', 'broken-dots', '--plugin', './broken.mjs', '--size', '64', '--out', 'out'],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `absynth: scenario "broken-dots" failed at seed ${DEFAULT_SEED}, index 0: sample returned no scene; nothing was kept: "out" is as it was before the run\n`,
    );
    expect(result.stdout).toBe('');
    // Nothing at all: not the output folder, nor the staging folder beside it.
    expect((await readdir(dir)).sort()).toEqual(['broken.mjs']);
  });
});
