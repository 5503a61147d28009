import { describe, expect, it } from 'vitest';
import { embeddedLibrary } from '../library.js';
import { loadLibrary, mergeLibraries, TopicLibraryError } from '../load.js';
import type { Topic } from '../schema.js';
import { drawCategories } from '../categories.js';
import { fillableTitles, fillTitle, runTitleValues } from '../titles.js';
import { sfc32 } from './seeded.js';

const rainfall = (): Topic => structuredClone(embeddedLibrary.topics.find((t) => t.id === 'monthly-rainfall')!);
const grown = (topics: unknown[]): unknown => ({ name: 'grown topics', version: '0.1.0', topics });

function problemsOf(json: unknown): string[] {
  try {
    loadLibrary(json);
  } catch (error) {
    expect(error).toBeInstanceOf(TopicLibraryError);
    return [...(error as TopicLibraryError).problems];
  }
  return [];
}

describe('loadLibrary', () => {
  it('accepts a grown file and types it', () => {
    const topic = { ...rainfall(), id: 'monthly-snowfall', measure: 'Monthly snowfall' };
    expect(loadLibrary(grown([topic])).topics[0]!.id).toBe('monthly-snowfall');
  });

  it('names the topic id and the field of each problem', () => {
    const bad = { ...rainfall(), id: 'bad-rain', unit: { symbol: 'mm', name: 'millimetres', decimals: 7 } };
    expect(problemsOf(grown([rainfall(), bad]))).toEqual([expect.stringMatching(/^topic 'bad-rain' \(topics\[1\]\) unit\.decimals: /)]);
  });

  it('reports range, placeholder, category and shape problems', () => {
    const problems = problemsOf(
      grown([
        { ...rainfall(), id: 'inverted', range: { min: 10, max: 5, negative: false } },
        { ...rainfall(), id: 'odd-title', titles: ['{measure} in {planet}'] },
        { ...rainfall(), id: 'no-such-set', categories: ['planets'] },
        { ...rainfall(), id: 'seasonal-countries', categories: ['countries'] },
        { ...rainfall(), id: 'pie-in-mm', shapes: ['share'] },
        { ...rainfall(), id: 'Not_Kebab' },
      ]),
    ).join('\n');
    expect(problems).toMatch(/topic 'inverted' \(topics\[0\]\) range\.max: max \(5\) must be greater than min \(10\)/);
    expect(problems).toMatch(/topic 'odd-title' \(topics\[1\]\) titles\.0: unknown placeholder \{planet\}/);
    expect(problems).toMatch(/topic 'no-such-set' \(topics\[2\]\) categories\.0: /);
    expect(problems).toMatch(/topic 'seasonal-countries' \(topics\[3\]\) categories\.0: no shape of this topic fits the nominal set 'countries'/);
    expect(problems).toMatch(/topic 'pie-in-mm' \(topics\[4\]\) unit\.symbol: /);
    expect(problems).toMatch(/topic 'Not_Kebab' \(topics\[5\]\) id: id must be kebab-case/);
  });

  it('reports duplicate ids once every topic is valid on its own', () => {
    expect(problemsOf(grown([rainfall(), rainfall()]))).toEqual(["topic 'monthly-rainfall' (topics[1]) id: duplicate id 'monthly-rainfall'"]);
  });

  it('reports file-level problems', () => {
    expect(problemsOf({ name: 'x', version: 'one', topics: [] })).toEqual([expect.stringMatching(/^version: version must be semver/)]);
    expect(problemsOf(null).length).toBeGreaterThan(0);
    expect(problemsOf(grown([{ domain: 'economy' }])).join('\n')).toMatch(/topic \(no id\) \(topics\[0\]\) id: /);
  });
});

describe('mergeLibraries', () => {
  it('adds new topics and keeps the base topic on an id clash', () => {
    const snowfall = { ...rainfall(), id: 'monthly-snowfall', measure: 'Monthly snowfall' };
    const clash = { ...rainfall(), measure: 'Changed' };
    const merged = mergeLibraries(embeddedLibrary, loadLibrary(grown([snowfall, clash])));
    expect(merged.topics).toHaveLength(embeddedLibrary.topics.length + 1);
    expect(merged.topics.find((t) => t.id === 'monthly-rainfall')!.measure).toBe('Monthly rainfall');
    expect(merged.version).toBe(embeddedLibrary.version);
    expect(() => loadLibrary(merged)).not.toThrow();
  });
});

describe('titles', () => {
  it('fill only when every placeholder has a value', () => {
    expect(fillTitle('{measure} in {place}, {from}–{to}', { measure: 'Rainfall', place: 'Oslo', from: 'Jan', to: 'Jun' })).toBe('Rainfall in Oslo, Jan–Jun');
    expect(fillTitle('{measure} in {place}', { measure: 'Rainfall' })).toBeUndefined();
    expect(fillableTitles(rainfall(), { year: '2021' })).toEqual(['Monthly rainfall', 'Monthly rainfall (millimetres)', 'Monthly rainfall, 2021']);
    const doctors = embeddedLibrary.topics.find((t) => t.measure.includes(t.unit.name));
    expect(doctors, 'a topic whose measure names its unit').toBeDefined();
    if (doctors !== undefined) {
      const titles = fillableTitles(doctors, { year: '2021', place: 'Chile', from: '2001', to: '2009' });
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(title.split(doctors.unit.name).length, title).toBeLessThanOrEqual(2);
    }
    // The unit repeated in another case ("Wins (wins)") is a repeat too.
    const wins = { ...rainfall(), measure: 'Wins', unit: { ...rainfall().unit, name: 'wins' }, titles: ['{measure} ({unit})', '{measure}, {year}'] };
    expect(fillableTitles(wins, { year: '2021' })).toEqual(['Wins, 2021']);
  });

  it('offer {from} and {to} only for runs of ordered sets', () => {
    const rng = sfc32(3);
    const months = drawCategories(rng, 'months', 3);
    expect(runTitleValues(months)).toEqual({ from: months.labels[0], to: months.labels[2] });
    expect(runTitleValues(drawCategories(rng, 'countries', 3))).toEqual({});
    expect(runTitleValues(drawCategories(rng, 'age-groups', 3))).toEqual({});
    expect(runTitleValues(drawCategories(rng, 'income-groups', 3))).toEqual({});
  });
});
