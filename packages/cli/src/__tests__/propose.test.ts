import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ideaFileSchema } from '@absynth/topics';
import { type LoopbackModel, type LoopbackReply, startLoopbackModel } from '@absynth/testkit/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const bar = {
  title: 'Library loans in Leeds by month, 2023',
  kind: 'bar',
  measure: 'Library loans',
  unit: { symbol: 'k', name: 'thousand loans', decimals: 1 },
  categoryNoun: 'month',
  categories: ['Jan', 'Feb', 'Mar', 'Apr', 'May'],
  series: [{ label: 'Library loans', values: [41.5, 39.2, 44.8, 47.1, 52.3] }],
};
const pie = {
  title: 'How commuters travel to work in Porto',
  kind: 'pie',
  measure: 'Share of commuters',
  unit: { symbol: '%', name: 'percent', decimals: 0 },
  categoryNoun: 'mode',
  categories: ['Car', 'Bus', 'Metro', 'Bicycle', 'Walking'],
  series: [{ label: 'Share of commuters', values: [38, 22, 25, 5, 10] }],
};
const grouped = {
  title: 'Solar and wind output, 2019–2022',
  kind: 'grouped-bar',
  measure: 'Electricity output',
  unit: { symbol: 'TWh', name: 'terawatt hours', decimals: 0 },
  categoryNoun: 'year',
  categories: ['2019', '2020', '2021', '2022'],
  series: [
    { label: 'Solar', values: [12, 15, 19, 24] },
    { label: 'Wind', values: [30, 33, 31, 36] },
  ],
};
const badPie = { ...pie, title: 'Breakfast drinks in Oslo', series: [{ label: 'Share', values: [40, 20, 20, 10, 9] }] };
const shortLine = { ...bar, title: 'Ferry trips in Bergen', kind: 'line', categories: ['Jan', 'Feb', 'Mar'], series: [{ label: 'Trips', values: [3, 4, 5] }] };
const repeat = { ...bar, title: 'Library loans in Leeds by month, 2024' };

/** A chat endpoint that proposes the same six ideas to every request: three valid, two invalid and a near-duplicate. */
const proposing = (): LoopbackReply => ({ kind: 'content', content: JSON.stringify({ ideas: [bar, badPie, pie, shortLine, repeat, grouped] }) });

describe('absynth propose', () => {
  let endpoint: LoopbackModel;
  beforeAll(async () => {
    endpoint = await startLoopbackModel(proposing);
  });
  afterAll(async () => {
    await endpoint.close();
  });

  it('keeps valid, distinct ideas, and charts and tables draw them with answers from their values', async () => {
    const cwd = await tempDir();
    const result = await cli(['propose', '--count', '3', '--out', 'ideas.json', '--base-url', endpoint.baseURL, '--model', 'm', '--cache', 'none'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 ideas (of 3 asked) -> ideas.json');
    expect(result.stdout).toContain('invalid "Breakfast drinks in Oslo": series.0.values: slices add up to 99, not 100');
    expect(result.stdout).toContain('invalid "Ferry trips in Bergen": categories: a line chart needs at least 4 categories');
    expect(result.stdout).toContain('near-duplicate "Library loans in Leeds by month, 2024" of "Library loans in Leeds by month, 2023"');
    const file = ideaFileSchema.parse(JSON.parse(await readFile(join(cwd, 'ideas.json'), 'utf8')));
    expect(file.ideas.map((i) => i.title)).toEqual([bar.title, pie.title, grouped.title]);

    const charts = await cli(['generate', 'charts', '--count', '6', '--ideas', 'ideas.json', '--out', 'charts', '--modality', 'both'], cwd);
    expect(charts.code, charts.stderr).toBe(0);
    const records = (await readFile(join(cwd, 'charts', 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    for (const record of records) {
      for (const chart of record.scene.charts) {
        const idea = file.ideas.find((i) => i.title === chart.title);
        expect(idea, chart.title).toBeDefined();
        expect(chart.kind).toBe(idea?.kind);
        expect(chart.series.map((s: { values: number[] }) => s.values)).toEqual(idea?.series.map((s) => s.values));
      }
    }
    const manifest = JSON.parse(await readFile(join(cwd, 'charts', 'manifest.json'), 'utf8'));
    expect(manifest.resources.ideas).toMatchObject({ name: 'proposed ideas', version: '1.0.0' });

    const tables = await cli(['generate', 'tables', '--count', '3', '--ideas', 'ideas.json', '--out', 'tables'], cwd);
    expect(tables.code, tables.stderr).toBe(0);
    const first = JSON.parse((await readFile(join(cwd, 'tables', 'samples.jsonl'), 'utf8')).split('\n')[0] ?? '{}');
    for (const table of first.scene.tables) expect(file.ideas.map((i) => i.title)).toContain(table.title);
  });

  it('rejects a bad ideas file naming the idea and the field', async () => {
    const cwd = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(cwd, 'bad.json'), JSON.stringify({ name: 'x', version: '1.0.0', ideas: [badPie] }));
    const result = await cli(['generate', 'charts', '--ideas', 'bad.json', '--out', 'o'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--ideas bad.json: ideas.0.series.0.values: slices add up to 99, not 100');
  });
});
