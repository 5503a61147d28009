import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The built package, as worker threads load it: they cannot run the TypeScript sources.
import type { AnyScenario } from '@absynth/core';
import type { GeneratedSample, GenerateOptions, Modality } from '@absynth/engine';
import { ScenarioError, UsageError } from '@absynth/core';
import { DatasetWriter, generate, modalities, planRun, promptFor } from '@absynth/engine';

const fixture = fileURLToPath(new URL('./fixtures/corridor.mjs', import.meta.url));
const { corridor } = (await import(fixture)) as { corridor: AnyScenario };
const { stripes } = (await import(fileURLToPath(new URL('./fixtures/stripes.mjs', import.meta.url)))) as {
  stripes: AnyScenario;
};

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'absynth-modality-'));
  dirs.push(dir);
  return dir;
};

type Options = GenerateOptions & { modality: Modality };

const all = async (options: Options) => {
  const out: GeneratedSample<unknown, Modality>[] = [];
  for await (const s of generate(options)) out.push(s);
  return out;
};

/** Writes a dataset and returns every file under it, by relative path. */
async function datasetFiles(options: Options): Promise<Map<string, Buffer>> {
  const dir = join(await tempDir(), 'data');
  const writer = await DatasetWriter.open(dir);
  for await (const sample of generate(options)) await writer.write(sample);
  await writer.close(planRun(options));
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('modality', () => {
  it('defaults to image and is validated, naming the field and the allowed values', () => {
    expect(planRun({ scenario: corridor, count: 1 }).modality).toBe('image');
    expect(() => planRun({ scenario: corridor, count: 1, modality: 'audio' as never })).toThrow(UsageError);
    expect(() => planRun({ scenario: corridor, count: 1, modality: 'audio' as never })).toThrow(
      'invalid modality "audio"; allowed: image, text, both',
    );
  });

  it('refuses text and both for a scenario without a text rendering, naming it', () => {
    expect(planRun({ scenario: stripes, count: 1, modality: 'image' }).modality).toBe('image');
    for (const modality of ['text', 'both'] as const) {
      expect(() => planRun({ scenario: stripes, count: 1, modality })).toThrow(UsageError);
      expect(() => planRun({ scenario: stripes, count: 1, modality })).toThrow(
        `modality ${modality}: scenario "test-stripes" has no text rendering, so it can only be written as images (modality image)`,
      );
    }
  });

  it.each(modalities)('%s: one thread and three write byte-identical datasets', async (modality) => {
    const options = { scenario: corridor, count: 7, seed: 3, start: 2, modality };
    const one = await datasetFiles(options);
    const three = await datasetFiles({ ...options, workers: 3, modules: [fixture] });
    const images = modality === 'text' ? 0 : 7;
    expect(one.size).toBe(2 + images);
    expect([...three.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [path, bytes] of one) expect(three.get(path)?.equals(bytes), path).toBe(true);

    const manifest = JSON.parse(one.get('manifest.json')!.toString('utf8'));
    expect(manifest.modality).toBe(modality);
    expect(manifest.files).toEqual({ samples: 'samples.jsonl', images: modality === 'text' ? null : 'images' });
    expect(manifest.counts.images).toBe(images);
    const records = one.get('samples.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
    for (const record of records) {
      expect(record.modality).toBe(modality);
      expect(record.image === null).toBe(modality === 'text');
      expect(record.text === null).toBe(modality === 'image');
      expect([record.width, record.height]).toEqual([256, 64]);
    }
  });

  it('text writes no image file and rasterizes nothing, but still checks regions', async () => {
    const files = await datasetFiles({ scenario: corridor, count: 3, modality: 'text' });
    expect([...files.keys()].sort()).toEqual(['manifest.json', 'samples.jsonl']);
    const [sample] = await all({ scenario: corridor, count: 1, modality: 'text' });
    expect(sample?.png).toBeNull();
    expect(sample?.svg).toBeNull();
    expect(sample?.qa.find((q) => q.task === 'route')?.regions[0]?.id).toMatch(/^cell-\d+$/);
  });

  it('changes only what is shown: scenes, questions and images are the same in every modality', async () => {
    const options = { scenario: corridor, count: 5, seed: 9 };
    const [image, text, both] = await Promise.all(modalities.map((modality) => all({ ...options, modality })));
    for (let i = 0; i < 5; i++) {
      const [a, t, b] = [image![i]!, text![i]!, both![i]!];
      expect(t.scene).toEqual(a.scene);
      expect(b.qa).toEqual(a.qa);
      expect(t.qa).toEqual(a.qa);
      expect(b.png?.equals(a.png!)).toBe(true);
      expect(b.text).toBe(t.text);
      expect(t.text).toBe(corridor.text?.(t.scene));
      expect(a.text).toBeNull();
    }
  });

  it('types samples by modality', async () => {
    for await (const sample of generate({ scenario: corridor, count: 1 })) {
      const png: Buffer = sample.png;
      const image: string = sample.image;
      expect([png.length > 0, image]).toEqual([true, sample.image]);
    }
    for await (const sample of generate({ scenario: corridor, count: 1, modality: 'text' })) {
      const text: string = sample.text;
      const png: null = sample.png;
      expect([text.length > 0, png]).toEqual([true, null]);
    }
  });

  it('reports a text rendering that throws or returns no text, with seed and index', async () => {
    const throwing = { ...corridor, id: 'text-throws', text: () => { throw new Error('no words'); } };
    await expect(all({ scenario: throwing, count: 1, seed: 2, start: 3, modality: 'text' })).rejects.toThrow(ScenarioError);
    await expect(all({ scenario: throwing, count: 1, seed: 2, start: 3, modality: 'both' })).rejects.toThrow(
      'scenario "text-throws" failed at seed 2, index 3: text threw: no words',
    );
    const empty = { ...corridor, id: 'text-empty', text: () => '  ' };
    await expect(all({ scenario: empty, count: 1, modality: 'text' })).rejects.toThrow('text returned "  ", not a non-empty string');
  });
});

describe('promptFor', () => {
  const qa = { question: 'How do you walk from S to E?' };
  it('is the question alone for image records', () => {
    expect(promptFor({ id: 'x', modality: 'image', text: null }, qa)).toBe(qa.question);
  });
  it('puts the text rendering, a blank line, then the question for text and both', () => {
    for (const modality of ['text', 'both'] as const) {
      expect(promptFor({ id: 'x', modality, text: 'S..E\nMarkers: none.' }, qa)).toBe(`S..E\nMarkers: none.\n\n${qa.question}`);
      expect(promptFor({ id: 'x', modality, text: 'S..E\n' }, qa)).toBe(`S..E\n\n${qa.question}`);
    }
  });
  it('refuses a text record without text', () => {
    expect(() => promptFor({ id: 'x', modality: 'text', text: null as never }, qa)).toThrow('sample "x" is a text record but has no text rendering');
  });
});

it('leaves no images folder for a text-only dataset', async () => {
  const dir = join(await tempDir(), 'text');
  const options = { scenario: corridor, count: 2, modality: 'text' as const };
  const writer = await DatasetWriter.open(dir);
  for await (const sample of generate(options)) await writer.write(sample);
  await writer.close(planRun(options));
  expect(existsSync(join(dir, 'images'))).toBe(false);
});
