import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest, SampleRecord } from '@absynth/engine';
import { describe, expect, it } from 'vitest';
import { cli, corridorPluginSource, dotsPluginSource, readTree, runBin, tempDir, writeFiles } from './helpers.js';

const plugins = { 'corridor.mjs': corridorPluginSource(), 'dots.mjs': dotsPluginSource() };
const corridor = ['--plugin', './corridor.mjs'];

async function records(dir: string): Promise<SampleRecord[]> {
  return (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
}

describe('absynth generate --modality', () => {
  it('text writes records with the text rendering and no images', async () => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    const result = await cli(['generate', 'test-corridor', ...corridor, '--count', '4', '--modality', 'text', '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^4 text samples, 8 questions in \d+\.\d\d s \(\d+\.\d samples\/s\) -> out\n$/);
    expect([...(await readTree(join(dir, 'out'))).keys()].sort()).toEqual(['manifest.json', 'samples.jsonl']);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ modality: 'text', counts: { images: 0, questions: 8 }, files: { images: null } });
    for (const record of await records(join(dir, 'out'))) {
      expect(record).toMatchObject({ modality: 'text', image: null });
      expect(record.text).toMatch(/^S[.*]+E(\n[ab][12] at column \d+)*$/);
    }
  });

  it('both writes images and the text rendering, and the manifest records it', async () => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    const result = await cli(['generate', 'test-corridor', ...corridor, '--count', '3', '--modality', 'both', '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^3 images with text, 6 questions in /);
    const files = await readTree(join(dir, 'out'));
    expect(files.size).toBe(3 + 2);
    expect(JSON.parse(files.get('manifest.json')!.toString()).modality).toBe('both');
    for (const record of await records(join(dir, 'out'))) {
      expect(files.has(record.image!)).toBe(true);
      expect(typeof record.text).toBe('string');
    }
  });

  it.each(['image', 'text', 'both'])('%s: the built bin writes the same bytes on one thread and on two', async (modality) => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    const args = ['generate', 'test-corridor', ...corridor, '--count', '6', '--seed', '3', '--modality', modality];
    const [one, two] = await Promise.all([
      runBin([...args, '--workers', '1', '--out', 'one'], dir),
      runBin([...args, '--workers', '2', '--out', 'two'], dir),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const a = await readTree(join(dir, 'one'));
    const b = await readTree(join(dir, 'two'));
    expect(a.size).toBe(modality === 'text' ? 2 : 8);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  });

  it('refuses text for a scenario without a text rendering, writing nothing', async () => {
    const dir = await tempDir();
    await writeFiles(dir, plugins);
    for (const modality of ['text', 'both']) {
      const result = await cli(['generate', 'test-dots', '--plugin', './dots.mjs', '--modality', modality, '--out', 'out'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `absynth: modality ${modality}: scenario "test-dots" has no text rendering, so it can only be written as images (modality image)\n`,
      );
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
