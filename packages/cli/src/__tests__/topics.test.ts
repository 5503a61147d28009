import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embeddedLibrary, loadLibrary } from '@absynth/topics';
import { type LoopbackModel, type LoopbackScript, messageText, startLoopbackModel } from '@absynth/testkit/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const fresh = (id: string, measure: string) => ({
  id,
  domain: 'society',
  measure,
  titles: ['{measure}', '{measure} in {place}, {from}–{to}'],
  unit: { symbol: 'visits', name: 'visits per year', decimals: 0 },
  range: { min: 100, max: 9000, negative: false },
  categories: ['years', 'cities'],
  series: { sets: ['cities'], max: 3 },
  shapes: ['trend-up', 'spread'],
});

/** A chat endpoint that proposes two new topics, one invalid one and a near-duplicate of an embedded topic per request. */
const proposing: LoopbackScript = (_body, request) => {
  const round = request.n + 1;
  const gdp = embeddedLibrary.topics.find((t) => t.id === 'gdp-growth');
  const news = [
    ['zoo-visits', 'Zoo visits'],
    ['aquarium-tickets', 'Aquarium tickets sold'],
    ['theatre-seats', 'Theatre seats filled'],
    ['marathon-runners', 'Marathon runners registered'],
  ];
  const [a, b] = [news[(2 * round - 2) % news.length], news[(2 * round - 1) % news.length]] as [string[], string[]];
  const topics = [
    fresh(a[0] as string, a[1] as string),
    { ...fresh(`broken-${round}`, `Broken measure ${round}`), unit: { symbol: '%', name: 'percent', decimals: 7 } },
    { ...gdp, id: `gdp-growth-again-${round}`, measure: 'GDP growth rate' },
    fresh(b[0] as string, b[1] as string),
  ];
  return { kind: 'content', content: JSON.stringify({ topics }) };
};

describe('absynth topics grow', () => {
  let endpoint: LoopbackModel;
  beforeAll(async () => {
    endpoint = await startLoopbackModel(proposing);
  });
  afterAll(async () => {
    await endpoint.close();
  });

  it('keeps valid new topics, drops invalid ones and near-duplicates, and writes a library generate --topics uses', async () => {
    const cwd = await tempDir();
    const result = await cli(['topics', 'grow', '--count', '3', '--out', 'grown.json', '--base-url', endpoint.baseURL, '--model', 'm', '--cache', 'none'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 new topics (of 3 asked) -> grown.json');
    expect(result.stdout).toMatch(/invalid broken-1: unit\.decimals/);
    expect(result.stdout).toMatch(/near-duplicate gdp-growth-again-1 of gdp-growth/);
    const library = loadLibrary(JSON.parse(await readFile(join(cwd, 'grown.json'), 'utf8')));
    expect(library.topics.map((t) => t.id)).toEqual(['zoo-visits', 'aquarium-tickets', 'theatre-seats']);
    expect(library.version).toBe('1.0.0');
    // The request shows example topics and the schema, never the key.
    const first = endpoint.requests[0]?.body;
    expect(messageText(first?.messages[0])).toContain('"measure"');
    expect(JSON.parse(messageText(first?.messages[1]) || '{}').examples).toHaveLength(4);

    const generated = await cli(['generate', 'tables', '--count', '3', '--topics', 'grown.json', '--out', 'tables'], cwd);
    expect(generated.code, generated.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(cwd, 'tables', 'manifest.json'), 'utf8'));
    expect(manifest.resources.topics.name).toBe(`${embeddedLibrary.name} ${embeddedLibrary.version} + grown topics`);
    expect(manifest.resources.topics.version).toBe('1.0.0');
    expect(manifest.resources.topics.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a bad library file for --topics naming the file, the topic and the field', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'bad.json'), JSON.stringify({ name: 'x', version: '1.0.0', topics: [{ ...fresh('zoo', 'Zoo'), range: { min: 5, max: 1, negative: false } }] }));
    const result = await cli(['generate', 'charts', '--count', '2', '--topics', 'bad.json', '--out', 'o'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--topics bad.json: invalid topic library:\n  topic 'zoo' (topics[0]) range.max");
    const missing = await cli(['generate', 'charts', '--topics', 'nope.json', '--out', 'o'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read --topics nope.json: ENOENT');
  });
});
