import { ParamsError, ScenarioError, UsageError } from '@absynth/core';
import { defineScenario, defineTask, Registry } from '@absynth/core';
import type { AnyScenario } from '@absynth/core';
import { mkdtemp, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedSample } from '../records.js';
import { generate } from '../pipeline.js';
import { planRun } from '../plan.js';
import { sampleId } from '../records.js';
import { DatasetWriter } from '../sink.js';
import { bars } from './fixtures.js';

const all = async (options: Parameters<typeof generate>[0]) => {
  const out: GeneratedSample[] = [];
  for await (const s of generate(options)) out.push(s);
  return out;
};

describe('generate', () => {
  it('yields samples in index order with provenance and verified questions', async () => {
    const samples = await all({ scenario: bars, count: 3, seed: 5, start: 10, level: 4, theme: 'light' });
    expect(samples.map((s) => s.index)).toEqual([10, 11, 12]);
    const [first] = samples;
    expect(first).toMatchObject({
      id: 'test-bars-s5-l4-000010',
      scenario: 'test-bars',
      scenarioVersion: 1,
      seed: 5,
      level: 4,
      params: { bars: 6, colour: 'palette' },
      theme: 'light',
      style: 'crisp',
      image: 'images/test-bars-s5-l4-000010.png',
      width: 512,
      height: 512,
    });
    const scene = first!.scene as { heights: number[] };
    expect(scene.heights).toHaveLength(6);
    const tallest = first!.qa.find((q) => q.task === 'tallest')!;
    expect(tallest.answer).toEqual({ type: 'integer', value: scene.heights.indexOf(Math.max(...scene.heights)) + 1 });
    expect(tallest.answerText).toBe(String(tallest.answer.type === 'integer' && tallest.answer.value));
    expect(tallest.rationale.endsWith(`So the answer is ${tallest.answerText}.`)).toBe(true);
    const box = tallest.regions[0]!.box;
    expect(box.height).toBe(Math.max(...scene.heights) * 30);
  });

  it('gives item k the same bytes whatever range it is generated in', async () => {
    const range = await all({ scenario: bars, count: 4, seed: 9 });
    const alone = await all({ scenario: bars, count: 1, seed: 9, start: 2 });
    expect(alone[0]!.png.equals(range[2]!.png)).toBe(true);
    expect(alone[0]!.qa).toEqual(range[2]!.qa);
  });

  it('merges defaults, level preset and user params, user last', () => {
    expect(planRun({ scenario: bars, count: 1, level: 5 }).params).toEqual({ bars: 10, colour: 'palette' });
    expect(planRun({ scenario: bars, count: 1, level: 5, params: { bars: 7 } }).params).toEqual({ bars: 7, colour: 'palette' });
  });

  it('rejects bad options naming the field', () => {
    const reject = (options: object, pattern: RegExp) => {
      expect(() => planRun({ scenario: bars, count: 1, ...options } as never)).toThrow(pattern);
      expect(() => planRun({ scenario: bars, count: 1, ...options } as never)).toThrow(UsageError);
    };
    reject({ params: { bars: 40 } }, /bars: .*<=12 \(got 40\)/);
    reject({ params: { colour: 'red' } }, /colour: .*"accent".* \(got "red"\)/);
    reject({ params: { height: 3 } }, /height: unknown param; the params of "test-bars" are: bars, colour/);
    reject({ level: 6 }, /invalid level 6/);
    reject({ seed: -1 }, /invalid seed/);
    reject({ count: 1.5 }, /invalid count/);
    reject({ theme: 'neon' }, /unknown theme "neon"; allowed: auto, /);
    reject({ style: 'pencil' }, /invalid style "pencil"/);
    expect(() => planRun({ scenario: { ...bars, styles: ['crisp'] }, count: 1, style: 'sketch' })).toThrow(
      /invalid style "sketch": scenario "test-bars" draws only crisp/,
    );
    reject({ size: { width: 10, height: 512 } }, /size width 10/);
    reject({ tasks: ['nope'] }, /unknown task "nope" for scenario "test-bars"; tasks: count, tallest/);
    expect(() => planRun({ scenario: bars, count: 1, params: { bars: 1 } })).toThrow(ParamsError);
  });

  it('looks scenario ids up in a registry and names unknown ones', () => {
    const registry = new Registry().use(bars);
    expect(planRun({ scenario: 'test-bars' as never, count: 1, registry }).scenario).toBe(bars);
    expect(() => planRun({ scenario: 'nope' as never, count: 1, registry })).toThrow(
      'unknown scenario "nope"; known scenarios: test-bars',
    );
  });

  it('reports a scenario whose answer its own scorer rejects, naming seed and index', async () => {
    const broken = defineScenario({
      ...bars,
      id: 'broken',
      tasks: [
        defineTask({
          id: 'nan',
          kind: 'perception',
          summary: 'An answer no scorer accepts.',
          ask: () => ({ question: 'x?', answer: { type: 'number', value: Number.NaN }, rationale: ['x'] }),
        }),
      ],
    });
    await expect(all({ scenario: broken, count: 1, seed: 3, start: 4 })).rejects.toThrow(ScenarioError);
    await expect(all({ scenario: broken, count: 1, seed: 3, start: 4 })).rejects.toThrow(/seed 3, index 4/);
  });

  it('names the item when sample, draw or a task throws', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    const failing: AnyScenario[] = [
      defineScenario({ ...bars, id: 'throws-in-sample', sample: boom }),
      defineScenario({ ...bars, id: 'throws-in-draw', draw: async () => boom() }),
      defineScenario({ ...bars, id: 'throws-in-task', tasks: [defineTask({ ...bars.tasks[0]!, ask: boom })] }),
    ];
    for (const [scenario, what] of failing.map((s, i) => [s, ['sample', 'draw', 'task "count"'][i]] as const)) {
      const run = all({ scenario, count: 1, seed: 4, start: 2 });
      await expect(run).rejects.toThrow(ScenarioError);
      await expect(all({ scenario, count: 1, seed: 4, start: 2 })).rejects.toThrow(`seed 4, index 2: ${what} threw: boom`);
    }
  });

  it('names a region that draw did not draw', async () => {
    const broken = defineScenario({
      ...bars,
      id: 'broken-region',
      tasks: [
        defineTask({
          id: 'ghost',
          kind: 'perception',
          summary: 'Points at a shape that is not there.',
          ask: () => ({ question: 'x?', answer: { type: 'integer', value: 1 }, rationale: ['x'], regions: ['ghost'] }),
        }),
      ],
    });
    await expect(all({ scenario: broken, count: 1 })).rejects.toThrow(/region "ghost"/);
  });

  it('makes ids that sort in index order', () => {
    expect(sampleId('maze', 7, 2, 42)).toBe('maze-s7-l2-000042');
  });
});

describe('DatasetWriter', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'absynth-sink-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const writeDataset = async (out: string, force = false) => {
    const plan = planRun({ scenario: bars, count: 3, seed: 2 });
    const writer = await DatasetWriter.open(out, { force });
    for await (const s of generate({ scenario: bars, count: 3, seed: 2 })) await writer.write(s);
    return writer.close(plan);
  };

  it('writes the canonical layout with no temporary files left', async () => {
    const out = join(dir, 'data');
    const manifest = await writeDataset(out);
    expect((await readdir(out)).sort()).toEqual(['images', 'manifest.json', 'samples.jsonl']);
    expect((await readdir(join(out, 'images'))).sort()).toEqual([
      'test-bars-s2-l3-000000.png',
      'test-bars-s2-l3-000001.png',
      'test-bars-s2-l3-000002.png',
    ]);
    const lines = (await readFile(join(out, 'samples.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    const record = JSON.parse(lines[0]!);
    expect(record).not.toHaveProperty('png');
    expect(record).not.toHaveProperty('svg');
    expect(Object.keys(record)).toEqual([
      'id', 'scenario', 'scenarioVersion', 'seed', 'index', 'level', 'params', 'theme', 'style', 'modality', 'image', 'width', 'height', 'text', 'scene', 'qa',
    ]);
    expect(record).toMatchObject({ modality: 'image', image: 'images/test-bars-s2-l3-000000.png', text: null });
    expect(manifest).toMatchObject({ modality: 'image', files: { samples: 'samples.jsonl', images: 'images' } });
    expect(manifest.counts).toEqual({ images: 3, questions: 6, byTask: { count: 3, tallest: 3 } });
    const text = await readFile(join(out, 'manifest.json'), 'utf8');
    expect(JSON.parse(text)).toEqual(manifest);
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d|\/tmp\//);
  });

  it('writes identical bytes on a rerun', async () => {
    await writeDataset(join(dir, 'a'));
    await writeDataset(join(dir, 'b'));
    for (const file of ['manifest.json', 'samples.jsonl', 'images/test-bars-s2-l3-000001.png']) {
      expect((await readFile(join(dir, 'a', file))).equals(await readFile(join(dir, 'b', file)))).toBe(true);
    }
  });

  it('refuses a non-empty folder without force, and replaces the dataset with it', async () => {
    const out = join(dir, 'data');
    await writeDataset(out);
    await expect(DatasetWriter.open(out)).rejects.toThrow(/not empty; choose an empty folder or pass --force/);
    await writeDataset(out, true);
    expect((await readdir(out)).sort()).toEqual(['images', 'manifest.json', 'samples.jsonl']);
  });

  it('refuses an output that is a file or under a file, creating nothing', async () => {
    const file = join(dir, 'file');
    await writeFile(file, 'x');
    await expect(DatasetWriter.open(file)).rejects.toThrow(/exists and is not a folder/);
    await expect(DatasetWriter.open(join(file, 'sub'))).rejects.toThrow(/is not a folder/);
    expect(await readdir(dir)).toEqual(['file']);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unwritable folder', async () => {
    const locked = join(dir, 'locked');
    await writeDataset(locked);
    await chmod(locked, 0o500);
    await expect(DatasetWriter.open(locked, { force: true })).rejects.toThrow(/not writable/);
    await chmod(locked, 0o700);
  });

  it('leaves the folder as it was when a run is abandoned: absent, or holding the old dataset', async () => {
    const out = join(dir, 'deep', 'data');
    const writer = await DatasetWriter.open(out);
    for await (const s of generate({ scenario: bars, count: 1 })) await writer.write(s);
    expect(await readdir(join(dir, 'deep'))).toEqual([basename(writer.staging)]);
    await writer.abort();
    // The folders open created for it are gone too.
    expect(await readdir(dir)).toEqual([]);

    await writeDataset(out);
    const before = await readFile(join(out, 'samples.jsonl'));
    const again = await DatasetWriter.open(out, { force: true });
    for await (const s of generate({ scenario: bars, count: 2, seed: 5 })) await again.write(s);
    await again.abort();
    expect((await readdir(join(dir, 'deep'))).sort()).toEqual(['data']);
    expect((await readFile(join(out, 'samples.jsonl'))).equals(before)).toBe(true);
  });

  it('with force, swaps the dataset in only when it is complete and keeps files that are not the dataset', async () => {
    const out = join(dir, 'data');
    await writeDataset(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const writer = await DatasetWriter.open(out, { force: true });
    for await (const s of generate({ scenario: bars, count: 1, seed: 8 })) await writer.write(s);
    // While the run goes on, the old dataset is whole.
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ seed: 2, count: 3 });
    await writer.close(planRun({ scenario: bars, count: 1, seed: 8 }));
    expect((await readdir(out)).sort()).toEqual(['images', 'manifest.json', 'notes.txt', 'samples.jsonl']);
    expect(await readdir(join(out, 'images'))).toEqual(['test-bars-s8-l3-000000.png']);
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ seed: 8, count: 1 });
    expect(await readdir(dir)).toEqual(['data']);
  });

  it('records the package a scenario came from beside its id and version', async () => {
    const out = join(dir, 'data');
    const options = { scenario: bars, count: 1, origin: { name: '@acme/bars', version: '2.1.0' } };
    const writer = await DatasetWriter.open(out);
    for await (const s of generate(options)) await writer.write(s);
    const manifest = await writer.close(planRun(options));
    expect(manifest.scenario).toEqual({ id: 'test-bars', version: 1, package: { name: '@acme/bars', version: '2.1.0' } });
  });

  it('stops before the next item when its signal aborts', async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const s of generate({ scenario: bars, count: 50, signal: stop.signal })) {
          seen.push(s.index);
          if (seen.length === 2) stop.abort(new Error('stopped by the test'));
        }
      })(),
    ).rejects.toThrow('stopped by the test');
    expect(seen).toEqual([0, 1]);
  });
});
