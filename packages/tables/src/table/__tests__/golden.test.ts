import { type Answer, answerText, type Rng, scoreAnswer } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { formatNumber, headerOfMeasure } from '../format.js';
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

function ask(id: string, flag = true, on: TableScene = scene): { question: string | readonly string[]; answer: Answer; rationale: readonly string[] } {
  const task = tableTasks.find((t) => t.id === id);
  const q = task?.ask(on, firstChoice(flag));
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
    expect(ask('difference').rationale.at(-1)).toBe('12.5% − 10.0% = 2.5 percentage points.');
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

/** A one-table scene of `values` in the first (only) column, rows Oslo, Lima, Rome, Kyiv… */
function oneColumn(fields: Partial<Table> & Pick<Table, 'measure' | 'unit' | 'unitName' | 'decimals'>, values: number[], header = fields.measure): TableScene {
  const rows = ['Oslo', 'Lima', 'Rome', 'Kyiv', 'Doha'].slice(0, values.length);
  return {
    tables: [{ title: fields.measure, topic: 'hand-worked', labelHeader: 'City', rows, columns: [{ header, values }], group: null, style: 'rules', ...fields }],
  };
}

// A second table worked by hand, for the tasks that find a value by position, rank or lookup:
//   City | 2020 | 2021      sorted 2020: 10.0, 12.5, 15.5, 20.0 (median (12.5 + 15.5) ÷ 2 = 14.00)
//   Oslo | 12.5 | 11.0      largest anywhere 20.0 (Rome, 2020); second largest 2020 is Kyiv
//   Lima | 10.0 | 13.5
//   Rome | 20.0 | 19.0
//   Kyiv | 15.5 | 14.0
const years: Table = {
  ...table,
  labelHeader: 'City',
  rows: ['Oslo', 'Lima', 'Rome', 'Kyiv'],
  columns: [
    { header: '2020', values: [12.5, 10, 20, 15.5] },
    { header: '2021', values: [11, 13.5, 19, 14] },
  ],
  group: 'Share of cycling trips (%)',
};
const yearsScene: TableScene = { tables: [years] };

describe('a hand-worked table of two years: positions, lookups, ranks and the median', () => {
  it('reads the cell at a position, counting the label column as column 1', () => {
    const q = ask('ordinal-cell', true, yearsScene);
    expect(q.answer).toEqual({ type: 'number', value: 12.5, tolerance: 0, precision: 1, unit: '%' });
    expect(q.question[0]).toContain('the first data row (below the header) and the second column from the left');
  });
  it('lists the column names from left to right, the label column first, and scores a reply of them', () => {
    const q = ask('column-names', true, yearsScene);
    expect(q.answer).toEqual({ type: 'list', value: ['City', '2020', '2021'], ordered: true });
    expect(scoreAnswer(q.answer, 'The column names are: City, 2020 and 2021.')).toBe(1);
    expect(scoreAnswer(q.answer, 'City, 2020, 2021')).toBe(1);
    expect(scoreAnswer(q.answer, '2020, City, 2021')).toBe(0);
  });
  it('finds the row, or the column, that shows a value', () => {
    expect(value(ask('value-lookup', true, yearsScene).answer)).toBe('Oslo'); // 12.5 under 2020
    expect(value(ask('value-lookup', false, yearsScene).answer)).toBe('2020'); // Oslo reads 12.5 under 2020
  });
  it('ranks: the second largest of a column, the largest anywhere', () => {
    expect(value(ask('second-extreme', true, yearsScene).answer)).toBe('Kyiv'); // 20.0 Rome, 15.5 Kyiv
    expect(value(ask('table-extreme', true, yearsScene).answer)).toBe(20);
  });
  it('takes the median as the mean of the two middle values, exact at one more decimal', () => {
    const q = ask('column-median', true, yearsScene);
    expect(q.answer).toEqual({ type: 'number', value: 14, tolerance: 0, precision: 2, unit: '%' });
    expect(q.rationale.at(-1)).toBe('With 4 values the median is the mean of the second and the third: (12.5 + 15.5) ÷ 2 = 14.00.');
    // Three rows: the middle value.
    expect(value(ask('column-median', true).answer)).toBe(12.5);
  });
  it('does not ask where a printed tie would make two answers', () => {
    const tied: TableScene = { tables: [{ ...years, columns: [{ header: '2020', values: [20, 20, 10, 5] }, { header: '2021', values: [20, 1, 2, 3] }] }] };
    expect(() => ask('second-extreme', true, tied)).toThrow('skipped');
    expect(() => ask('table-extreme', true, tied)).toThrow('skipped');
    expect(() => ask('value-lookup', true, tied)).toThrow('skipped');
    expect(() => ask('value-lookup', false, tied)).toThrow('skipped');
  });
});

describe('wording that states values rightly', () => {
  it('gives a difference of percentages in percentage points, not percent', () => {
    const difference = ask('difference');
    expect(difference.answer).toEqual({ type: 'number', value: 2.5, tolerance: 0, precision: 1, unit: 'percentage points' });
    expect(answerText(difference.answer)).toBe('2.5 percentage points');
    for (const question of [difference.question].flat()) expect(question).toMatch(/ in percentage points\?$/);
    const range = ask('column-range');
    expect(answerText(range.answer)).toBe('10.0 percentage points');
    expect(range.rationale.at(-1)).toBe('20.0% − 10.0% = 10.0 percentage points.');
    // A reply in "%" still scores: the unit is not compared.
    expect(scoreAnswer(range.answer, 'The answer is 10.0%.')).toBe(1);
    const ofGdp = oneColumn({ measure: 'Public debt', unit: '% of GDP', unitName: 'percent of GDP', decimals: 1 }, [60.5, 40.2, 80]);
    for (const question of [ask('difference', true, ofGdp).question].flat()) expect(question).toMatch(/ in percentage points of GDP\?$/);
  });

  it('rounds ratios, changes and means exactly, half away from zero, and says ≈ when it rounds', () => {
    // 255 ÷ 200 = 1.275, which is 1.27499… in binary floating point.
    const frost = oneColumn({ measure: 'Frost days', unit: 'days', unitName: 'days', decimals: 0 }, [200, 255, 80]);
    const ratio = ask('ratio-change', true, frost);
    expect(value(ratio.answer)).toBe(1.28);
    expect(ratio.rationale.at(-1)).toBe('255 ÷ 200 ≈ 1.28.');
    // (103 − 80) ÷ 80 × 100 = 28.75, which is 28.749999… in floating point.
    const change = ask('ratio-change', false, oneColumn({ measure: 'Frost days', unit: 'days', unitName: 'days', decimals: 0 }, [80, 103, 90]));
    expect(value(change.answer)).toBe(28.8);
    expect(change.rationale.at(-1)).toBe('(103 − 80) ÷ 80 × 100 ≈ 28.8%.');
    expect(ask('ratio-change', false, frost).rationale.at(-1)).toBe('(255 − 200) ÷ 200 × 100 = 27.5%.');
    // 187.1 ÷ 4 = 46.775, which is 46.77499… in floating point.
    const speed = oneColumn({ measure: 'Average stage speed', unit: 'km/h', unitName: 'kilometres per hour', decimals: 1 }, [46.8, 46.4, 46.8, 47.1]);
    const mean = ask('sum-average', false, speed);
    expect(value(mean.answer)).toBe(46.78);
    expect(mean.rationale.at(-1)).toBe('187.1 ÷ 4 ≈ 46.78.');
    const cold = oneColumn({ measure: 'Average temperature', unit: '°C', unitName: 'degrees Celsius', decimals: 1 }, [-0.1, -0.2, 0.2, -0.1]);
    expect(value(ask('sum-average', false, cold).answer)).toBe(-0.05); // −0.2 ÷ 4, half away from zero
    expect(ask('sum-average', false).rationale.at(-1)).toBe('42.5 ÷ 3 ≈ 14.17.');
  });

  it('names a unit once: not after a measure that says it, not for counts, and in words for scales', () => {
    const frost = oneColumn({ measure: 'Frost days', unit: 'days', unitName: 'days', decimals: 0 }, [200, 255, 80]);
    expect(value(ask('caption', true, frost).answer)).toContain('lists frost days for 3 rows by city');
    const wins = oneColumn({ measure: 'Wins', unit: '', unitName: 'wins', decimals: 0 }, [20, 25, 8]);
    expect(value(ask('caption', true, wins).answer)).toContain('lists wins for 3 rows');
    const quakes = oneColumn({ measure: 'Earthquakes above magnitude 4', unit: '', unitName: 'count', decimals: 0 }, [3, 5, 8]);
    expect(value(ask('caption', true, quakes).answer)).toContain('lists earthquakes above magnitude 4 for 3 rows');
    const visitors = oneColumn({ measure: 'Museum visitors', unit: 'k', unitName: 'thousand', decimals: 1 }, [10.5, 12, 8], 'Museum visitors (k)');
    expect(value(ask('caption', true, visitors).answer)).toContain('lists museum visitors in thousands for 3 rows');
    for (const question of [ask('cell-value', true, visitors).question].flat()) expect(question).toMatch(/ in thousands\?$/);
    const births = oneColumn({ measure: 'Infant mortality', unit: 'per 1,000 births', unitName: 'deaths per 1,000 live births', decimals: 1 }, [3.5, 2, 8]);
    for (const question of [ask('cell-value', true, births).question].flat()) expect(question).toMatch(/[^n] per 1,000 births\?$/);
    const doctors = oneColumn({ measure: 'Doctors per 1,000 people', unit: 'per 1,000', unitName: 'per 1,000 people', decimals: 1 }, [3.5, 2, 8]);
    expect(value(ask('caption', true, doctors).answer)).toContain('lists doctors per 1,000 people for 3 rows');
    expect(headerOfMeasure('Frost days', 'days')).toBe('Frost days');
    expect(headerOfMeasure('Doctors per 1,000 people', 'per 1,000')).toBe('Doctors per 1,000 people');
    expect(headerOfMeasure('Exports', 'USD bn')).toBe('Exports (USD bn)');
    expect(headerOfMeasure('Glacier mass balance', 'm w.e.')).toBe('Glacier mass balance (m w.e.)');
  });

  it('states no number of a unit in words that the table does not print', () => {
    const injuries = { measure: 'Sports injuries treated', unit: 'per 100k', unitName: 'per 100,000 people', decimals: 0 };
    const header = 'Sports injuries treated (per 100k)';
    // The header prints "per 100k", not "100,000": the caption says what is printed.
    expect(value(ask('caption', true, oneColumn(injuries, [300, 250, 80], header)).answer)).toContain('lists sports injuries treated per 100k for 3 rows');
    // A title that prints the words lets the caption say them.
    const titled = oneColumn({ ...injuries, title: 'Sports injuries treated (per 100,000 people)' }, [300, 250, 80], header);
    expect(value(ask('caption', true, titled).answer)).toContain('lists sports injuries treated per 100,000 people for 3 rows');
    // "Out of 10" is printed nowhere, so the caption leaves the scale out.
    const satisfaction = { measure: 'Life satisfaction', unit: '', unitName: 'points out of 10', decimals: 1 };
    expect(value(ask('caption', true, oneColumn(satisfaction, [6.5, 7, 5.1])).answer)).toContain('lists life satisfaction for 3 rows');
    const scaled = oneColumn({ ...satisfaction, title: 'Life satisfaction (points out of 10)' }, [6.5, 7, 5.1]);
    expect(value(ask('caption', true, scaled).answer)).toContain('lists life satisfaction in points out of 10 for 3 rows');
  });

  it('ends a rationale sentence once after a unit that ends with a period', () => {
    const glacier = oneColumn({ measure: 'Glacier mass balance', unit: 'm w.e.', unitName: 'metres of water equivalent', decimals: 2 }, [-0.13, -0.14, -0.2], 'Glacier mass balance (m w.e.)');
    expect(ask('cell-value', true, glacier).rationale).toEqual(['Reading the table: Oslo under "Glacier mass balance (m w.e.)" is -0.13 m w.e.']);
    const lines = [...ask('difference', true, glacier).rationale, ...ask('column-range', true, glacier).rationale, value(ask('caption', true, glacier).answer) as string];
    for (const line of lines) expect(line).not.toMatch(/\.\.$/);
  });
});

