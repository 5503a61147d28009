import type { Answer, Rng } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../format.js';
import type { Table, TableScene } from '../scene.js';
import { tableTasks } from '../tasks.js';
import { tablesText } from '../text.js';

// A table worked by hand: three cities, one column of shares in percent (one decimal).
//   City    | Share       A = 12.5, B = 10.0, C = 20.0
const table: Table = {
  title: 'Share of cycling trips',
  topic: 'cycling-share',
  measure: 'Share of cycling trips',
  unit: '%',
  unitName: 'percent',
  decimals: 1,
  labelHeader: 'City',
  rows: ['Oslo', 'Lima', 'Rome'],
  columns: [{ header: 'Share of cycling trips', values: [12.5, 10, 20] }],
  group: null,
  style: 'rules',
};
const scene: TableScene = { tables: [table] };

/** An rng that always takes the first choice, and answers `bool` with `flag`. */
function firstChoice(flag: boolean): Rng {
  const rng = {
    next: () => 0,
    int: (min: number) => min,
    float: (min: number) => min,
    bool: () => flag,
    pick: <T>(items: readonly T[]) => items[0] as T,
    weighted: <T>(items: readonly T[]) => items[0] as T,
    shuffle: <T>(items: readonly T[]) => [...items],
    sample: <T>(items: readonly T[], n: number) => items.slice(0, n),
    fork: () => rng,
    uint32: () => 0,
  };
  return rng as Rng;
}

function ask(id: string, flag = true): { answer: Answer; rationale: readonly string[] } {
  const task = tableTasks.find((t) => t.id === id);
  const q = task?.ask(scene, firstChoice(flag));
  if (q === undefined) throw new Error(`${id} skipped the scene`);
  return q;
}

const value = (a: Answer) => (a.type === 'number' || a.type === 'integer' ? a.value : a.type === 'text' || a.type === 'caption' ? a.value : undefined);

describe('a hand-worked table: Oslo 12.5%, Lima 10.0%, Rome 20.0%', () => {
  it('reads texts and counts', () => {
    expect(value(ask('table-title').answer)).toBe('Share of cycling trips');
    expect(value(ask('column-header').answer)).toBe('Share of cycling trips');
    expect(value(ask('row-label').answer)).toBe('Oslo');
    expect(value(ask('count').answer)).toBe(3);
  });
  it('reads a cell exactly and finds the unique highest row', () => {
    expect(ask('cell-value').answer).toEqual({ type: 'number', value: 12.5, tolerance: 0, precision: 1, unit: '%' });
    expect(value(ask('extreme-row').answer)).toBe('Rome');
  });
  it('computes the arithmetic by hand', () => {
    expect(value(ask('difference').answer)).toBe(2.5); // 12.5 − 10.0
    expect(ask('difference').rationale.at(-1)).toBe('12.5 − 10.0 = 2.5.');
    expect(value(ask('sum-average', true).answer)).toBe(42.5); // 12.5 + 10.0 + 20.0
    expect(ask('sum-average', false).answer).toEqual({ type: 'number', value: 14.17, tolerance: 0.01, precision: 2, unit: '%' }); // 42.5 ÷ 3
    expect(value(ask('ratio-change', true).answer)).toBe(0.8); // 10.0 ÷ 12.5
    expect(value(ask('ratio-change', false).answer)).toBe(-20); // (10.0 − 12.5) ÷ 12.5 × 100
    expect(value(ask('column-range').answer)).toBe(10); // 20.0 − 10.0
  });
  it('describes the table in a fixed caption', () => {
    expect(value(ask('caption').answer)).toBe(
      'The image shows one table. The table, titled "Share of cycling trips", lists share of cycling trips in percent for 3 rows by city, from Oslo to Rome, in the column Share of cycling trips. The highest value is 20.0% for Rome and the lowest is 10.0% for Lima.',
    );
  });
  it('renders as Markdown-like text and formats thousands', () => {
    expect(tablesText(scene)).toBe(
      'Table 1: Share of cycling trips\n| City | Share of cycling trips |\n| --- | ---: |\n| Oslo | 12.5% |\n| Lima | 10.0% |\n| Rome | 20.0% |',
    );
    expect(formatNumber(-1234567.891, 2)).toBe('-1,234,567.89');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
  });
});
