// Hand-worked examples of what a reader of the picture sees, each pinning a defect found by eye:
// counts of the marks drawn, numbers only as printed or as readable, no unique extreme without a
// visible lead, wording that states values rightly, headroom above the bars, and colours no
// reader would confuse.
import type { DraftQuestion as Question, Level, Rng } from '@absynth/core';
import { formatNumber, resolveParams, rngFromKey } from '@absynth/core';
import { generate } from '@absynth/engine';
import { colourDifference, getTheme, namedColour, pixelHex } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { type ChartParams, chartSize } from '../params.js';
import { renderChart } from '../render.js';
import { charts } from '../scenario.js';
import { type Chart, type ChartKind, type ChartScene, chartKinds } from '../scene.js';
import { captionTask, colourTask, countTask, differenceTask, gridlinesTask, legendPositionTask, linesCrossTask, medianTask, orientationTask, ratioTask, totalTask, valueCategoryTask } from '../tasks.js';
import { confusableNames, minColourDifference } from '../palettes.js';

const colour = (name: string) => ({ name, hex: namedColour(name).hex });

/** A chart of `kind` with these series values, no value labels, gridlines every `step`. */
function chartOf(kind: ChartKind, values: number[][], extra: Partial<Chart> = {}): Chart {
  const categories = (values[0] ?? []).map((_, i) => `C${i + 1}`);
  const names = ['blue', 'orange', 'green', 'red'];
  return {
    kind,
    title: 'Test chart',
    topic: 'test',
    measure: 'Amount',
    unit: '',
    unitName: 'units',
    decimals: 0,
    categoryNoun: 'region',
    categories,
    series: values.map((v, s) => ({ label: values.length > 1 ? `S${s + 1}` : 'Amount', colour: colour(names[s] ?? 'blue'), values: v })),
    sliceColours: [],
    valueAxis: { title: 'Amount', min: 0, max: 100, step: 10, decimals: 0 },
    categoryTitle: 'Region',
    scatter: null,
    style: { font: 'sans', palette: 'classic', legend: values.length > 1 ? 'top' : 'none', gridlines: true, valueLabels: false },
    ...extra,
  };
}

const sceneOf = (...list: Chart[]): ChartScene => ({ charts: list, columns: list.length, rows: 1 });

/** Every question a task asks of a scene over many rngs. */
function asked(task: { ask(scene: ChartScene, rng: Rng): Question | undefined }, scene: ChartScene, tries = 200): Question[] {
  const out: Question[] = [];
  for (let n = 0; n < tries; n++) {
    const q = task.ask(scene, rngFromKey(`golden\u0000${n}`));
    if (q !== undefined) out.push(q);
  }
  return out;
}

const phrasings = (q: Question) => (Array.isArray(q.question) ? q.question : [q.question]);
const answerValue = (q: Question) => (q.answer as { value: unknown }).value;

describe('counts are of the marks a reader sees', () => {
  it('counts a stacked bar as one bar, and its segments only when asked for segments', () => {
    const scene = sceneOf(chartOf('stacked-bar', [[10, 20, 15, 30, 25, 12], [5, 8, 10, 6, 9, 11]], { valueAxis: { title: 'Amount', min: 0, max: 50, step: 10, decimals: 0 } }));
    const marks = asked(countTask, scene).filter((q) => !/series|lines/.test(phrasings(q)[0] ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    for (const q of marks) {
      const text = phrasings(q)[0] ?? '';
      if (/segments/.test(text)) expect(answerValue(q), text).toBe(12);
      else {
        expect(text).toMatch(/\bbars\b/);
        expect(answerValue(q), text).toBe(6);
      }
    }
  });

  it('does not count bars of zero length, which are not drawn', () => {
    const scene = sceneOf(chartOf('grouped-bar', [[10, 0, 15, 30], [5, 8, 10, 6]]));
    for (const q of asked(countTask, scene).filter((q) => /\bbars\b/.test(phrasings(q)[0] ?? ''))) {
      expect(answerValue(q), phrasings(q)[0]).toBe(7);
    }
  });
});

/** The numbers a text states, as written. */
const numbersIn = (text: string) => [...text.matchAll(/(?<![A-Za-z\d.,])(about |under )?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)/g)].map((m) => ({ about: m[1] !== undefined, under: m[1] === 'under ', text: m[2] ?? '' }));

describe('captions state only numbers the image gives', () => {
  it('rounds unprinted readings to the drawn scale and says "about"', () => {
    const chart = chartOf('line', [[24, 31, 45, 59.5, 52]], { decimals: 1, unit: '%', unitName: 'percent', measure: 'Urban population' });
    const caption = String(answerValue(asked(captionTask, sceneOf(chart), 1)[0] as Question));
    expect(caption).not.toContain('59.5');
    expect(caption).toContain('about 60%');
    for (const n of numbersIn(caption)) expect(n.about, `${n.text} in ${caption}`).toBe(true);
  });

  it('states printed values as printed', () => {
    const chart = chartOf('bar', [[24, 31, 45, 59, 52]], { style: { font: 'sans', palette: 'classic', legend: 'none', gridlines: true, valueLabels: true } });
    const caption = String(answerValue(asked(captionTask, sceneOf(chart), 1)[0] as Question));
    expect(caption).toContain('59 (C4)');
    expect(caption).toContain('24 (C1)');
  });

  it('in 210 sampled images, states unprinted values only as readings within the reading error, no finer than it', async () => {
    const problems: string[] = [];
    let captions = 0;
    let numbers = 0;
    for (const level of [1, 3, 5] as const) {
      for await (const sample of generate({ scenario: charts, level, seed: 21, count: 70, modality: 'text' } as never)) {
        const scene = sample.scene as ChartScene;
        const qa = sample.qa.find((q) => q.task === 'caption');
        if (qa === undefined) continue;
        captions++;
        const caption = String((qa.answer as { value: string }).value);
        // Numbers of the texts drawn (titles, labels, units), of counts, and printed values and their sums.
        const allowed = new Set<string>([String(scene.charts.length), '0']);
        const readable: { values: number[]; error: number }[] = [];
        for (const chart of scene.charts) {
          for (const t of [chart.title, chart.measure, chart.unit, chart.unitName, ...chart.categories, ...chart.series.map((s) => s.label)]) for (const n of numbersIn(t)) allowed.add(n.text);
          allowed.add(String(chart.categories.length));
          const ends = chart.kind === 'stacked-bar' ? chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)) : chart.series.flatMap((s) => s.values);
          if (chart.style.valueLabels) {
            for (const v of chart.series.flatMap((s) => s.values)) allowed.add(formatNumber(v, chart.decimals));
            // Totals of stacked bars are not printed, only read at the top of the bar.
            if (chart.kind === 'stacked-bar') readable.push({ values: ends, error: (chart.valueAxis?.step ?? 0) * (chart.style.gridlines ? 0.2 : 1 / 3) });
          } else {
            const axis = chart.valueAxis;
            const round = chart.kind === 'pie' || chart.kind === 'doughnut';
            readable.push({ values: ends, error: round ? 2.5 : (axis?.step ?? 0) * (chart.style.gridlines ? 0.2 : 1 / 3) });
          }
        }
        for (const n of numbersIn(caption)) {
          numbers++;
          if (allowed.has(n.text)) continue;
          const value = Number(n.text.replaceAll(',', ''));
          // A reading is no finer than the error allows (a digit of 10^floor(log10(error)) at most) and within the error of a value.
          const ok =
            n.about &&
            readable.some(({ values, error }) => {
              if (n.under) return value <= 2 * error + 1e-9 && values.some((v) => v > 0 && v < value);
              const digit = 10 ** Math.floor(Math.log10(error));
              return Math.abs(value / digit - Math.round(value / digit)) < 1e-6 && values.some((v) => Math.abs(v - value) <= error + 1e-9);
            });
          if (!ok) problems.push(`${sample.id}: "${n.about ? 'about ' : ''}${n.text}" in ${caption}`);
        }
      }
    }
    expect(captions).toBeGreaterThan(200);
    expect(numbers).toBeGreaterThan(400);
    expect(problems.slice(0, 12)).toEqual([]);
  });
});

describe('a unique extreme only with a visible lead', () => {
  it('names no single largest value where two tie', () => {
    const caption = String(answerValue(asked(captionTask, sceneOf(chartOf('bar', [[10, 30, 30, 5, 20]])), 1)[0] as Question));
    expect(caption).not.toMatch(/largest[^.]*\((C2|C3)\)/);
    expect(caption).toMatch(/smallest[^.]*\(C4\)/);
  });
});

describe('wording states values rightly', () => {
  it('gives differences of percentages in percentage points', () => {
    const chart = chartOf('bar', [[20.5, 14.4, 30.2, 25]], {
      unit: '%',
      unitName: 'percent',
      decimals: 1,
      style: { font: 'sans', palette: 'classic', legend: 'none', gridlines: true, valueLabels: true },
    });
    const qs = asked(differenceTask, sceneOf(chart));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      expect((q.answer as { unit?: string }).unit).toBe('percentage points');
      expect(q.rationale.at(-1)).toMatch(/ percentage points\.$/);
    }
  });

  it('rounds 255 ÷ 200 = 1.275 to 1.28, in the answer and the rationale', () => {
    const chart = chartOf('bar', [[200, 255, 100, 300]], { style: { font: 'sans', palette: 'classic', legend: 'none', gridlines: true, valueLabels: true } });
    const qs = asked(ratioTask, sceneOf(chart), 400).filter((q) => (q.regions ?? []).join() === 'c1-s1-1,c1-s1-2' && /divided|ratio/.test(phrasings(q)[0] ?? ''));
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      expect(answerValue(q)).toBe(1.28);
      expect(q.rationale.at(-1)).toContain('= 1.28.');
    }
  });

  it('rounds a mean half away from zero, as the answer is rounded', () => {
    // 1 + 2 + 2 + 2.5 … : 10.5 ÷ 4 = 2.625 → 2.63 (2.625 is exact in binary, 0.125 steps).
    const chart = chartOf('bar', [[1.5, 2.5, 3.5, 3]], { decimals: 1, style: { font: 'sans', palette: 'classic', legend: 'none', gridlines: true, valueLabels: true } });
    for (const q of asked(totalTask, sceneOf(chart)).filter((q) => /average|mean/.test(phrasings(q)[0] ?? ''))) {
      expect(answerValue(q)).toBe(2.63);
      expect(q.rationale.at(-1)).toContain('= 2.63.');
    }
  });

  it('names no unit twice ("wins in wins", "Wins (wins)") and ends no rationale with ".."', async () => {
    const chart = chartOf('bar', [[3, 12, 7, 9]], { measure: 'Wins', unitName: 'wins' });
    const caption = String(answerValue(asked(captionTask, sceneOf(chart), 1)[0] as Question));
    expect(caption).not.toMatch(/wins in wins/i);
    const problems: string[] = [];
    for (const level of [1, 3, 5] as const) {
      for await (const sample of generate({ scenario: charts, level, seed: 4, count: 60, modality: 'text' } as never)) {
        for (const qa of sample.qa) {
          const texts = [qa.question, qa.rationale, qa.answerText];
          for (const t of texts) {
            if (/\.\.(\s|$)/.test(t)) problems.push(`${sample.id} ${qa.task}: ".." in ${t}`);
            if (/\b(\w+) \(\1\)/i.test(t)) problems.push(`${sample.id} ${qa.task}: unit twice in ${t}`);
            if (/\b(\w+) in \1\b/i.test(t)) problems.push(`${sample.id} ${qa.task}: unit twice in ${t}`);
            if (/ in per /.test(t)) problems.push(`${sample.id} ${qa.task}: "in per" in ${t}`);
          }
        }
      }
    }
    expect(problems.slice(0, 12)).toEqual([]);
  });
});

/** Sampled scenes of every kind at every level. */
function sampledCharts(perKind: number): { key: string; chart: Chart }[] {
  const out: { key: string; chart: Chart }[] = [];
  for (const level of [1, 2, 3, 4, 5] as Level[]) {
    for (const type of chartKinds) {
      const params = resolveParams(charts, level, { type }) as ChartParams;
      for (let index = 0; index < perKind; index++) {
        const scene = charts.sample(rngFromKey(`charts-golden\u0000${level}\u0000${type}\u0000${index}`), params, { size: chartSize(params), resources: {} });
        scene.charts.forEach((chart, k) => {
          out.push({ key: `level ${level} ${type} #${index} chart ${k + 1}`, chart });
        });
      }
    }
  }
  return out;
}

describe('bars and areas leave headroom', () => {
  it('draws the value axis past the largest (and below the most negative) value', () => {
    const problems: string[] = [];
    for (const { key, chart } of sampledCharts(20)) {
      const axis = chart.valueAxis;
      if (axis === null || !/bar|area/.test(chart.kind)) continue;
      const ends =
        chart.kind === 'stacked-bar'
          ? chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))
          : chart.series.flatMap((s) => s.values);
      const room = 0.05 * (axis.max - axis.min) - 1e-9;
      if (axis.max - Math.max(...ends) < room) problems.push(`${key}: top ${Math.max(...ends)} against axis max ${axis.max}`);
      if (Math.min(...ends) < 0 && Math.min(...ends) - axis.min < room) problems.push(`${key}: bottom ${Math.min(...ends)} against axis min ${axis.min}`);
    }
    expect(problems.slice(0, 12)).toEqual([]);
  });
});

describe('colours a question may name are unmistakable', () => {
  it('keeps every colour of a chart far from the others, with names no reader would confuse', () => {
    const problems: string[] = [];
    for (const { key, chart } of sampledCharts(12)) {
      const colours = chart.kind === 'pie' || chart.kind === 'doughnut' ? chart.sliceColours : chart.series.map((s) => s.colour);
      colours.forEach((a, i) => {
        for (const b of colours.slice(i + 1)) {
          const d = colourDifference(a.hex, b.hex);
          if (d < minColourDifference) problems.push(`${key}: ${a.name} and ${b.name} differ by ${d.toFixed(1)}`);
          if (confusableNames.some(([x, y]) => (x === a.name && y === b.name) || (x === b.name && y === a.name))) problems.push(`${key}: ${a.name} beside ${b.name}`);
        }
      });
    }
    expect(problems.slice(0, 12)).toEqual([]);
  });

  it('names the colour the pixels of the region have, nearer to it than to any other colour of the chart', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { key, chart } of sampledCharts(2)) {
      const scene = sceneOf(chart);
      const size = { width: 640, height: 480 };
      const { pixels, regions } = renderChart(chart, 0, size.width, size.height, getTheme('light'));
      const named = chart.kind === 'pie' || chart.kind === 'doughnut' ? chart.sliceColours : chart.series.map((s) => s.colour);
      for (const q of asked(colourTask, scene, 20)) {
        const name = String(answerValue(q));
        const asked = named.find((c) => c.name === name) ?? [...named].sort((a, b) => b.name.length - a.name.length).find((c) => new RegExp(`\\b${c.name}\\b`).test(phrasings(q)[0] ?? ''));
        if (asked === undefined) {
          problems.push(`${key}: no named colour in ${phrasings(q)[0]} -> ${name}`);
          continue;
        }
        // The region's pixels closest to a named colour of the chart are closest to the one asked about.
        // A slice's box holds its neighbours too: a slice's colour is checked at its legend entry's swatch.
        const mark = /^c1-s1-(\d+)$/.exec((q.regions ?? [])[0] ?? '');
        const round = chart.kind === 'pie' || chart.kind === 'doughnut';
        const id = round && mark !== null ? `c1-legend-${mark[1]}` : ((q.regions ?? [])[0] ?? '');
        const box = regions.get(id);
        if (box === undefined) continue;
        const seen = new Map<string, number>();
        for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height); y++) {
          for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width); x++) {
            const hex = pixelHex(pixels, x, y);
            seen.set(hex, (seen.get(hex) ?? 0) + 1);
          }
        }
        const near = new Map<string, number>();
        for (const [hex, n] of seen) {
          const best = named.map((c) => ({ c, d: colourDifference(c.hex, hex) })).sort((a, b) => a.d - b.d)[0];
          if (best !== undefined && best.d < 10) near.set(best.c.name, (near.get(best.c.name) ?? 0) + n);
        }
        const top = [...near].sort((a, b) => b[1] - a[1])[0]?.[0];
        if (top !== asked.name) problems.push(`${key} ${id}: pixels read ${top}, question names ${asked.name}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems.slice(0, 12)).toEqual([]);
  });
});

// The question kinds of the paper's chart questions, worked by hand.
describe('the paper\'s other chart questions, worked by hand', () => {
  it('tells vertical bars from horizontal ones', () => {
    const vertical = asked(orientationTask, sceneOf(chartOf('bar', [[10, 20, 30]])));
    const horizontal = asked(orientationTask, sceneOf(chartOf('horizontal-bar', [[10, 20, 30]])));
    expect(new Set(vertical.map(answerValue))).toEqual(new Set(['vertical']));
    expect(new Set(horizontal.map(answerValue))).toEqual(new Set(['horizontal']));
    expect(asked(orientationTask, sceneOf(chartOf('line', [[10, 20, 30]])))).toEqual([]);
  });

  it('says whether gridlines are drawn, and states as many as the ticks from 0 to 100 by 10', () => {
    const on = asked(gridlinesTask, sceneOf(chartOf('bar', [[10, 20, 30]])));
    const off = asked(gridlinesTask, sceneOf(chartOf('bar', [[10, 20, 30]], { style: { font: 'sans', palette: 'classic', legend: 'none', gridlines: false, valueLabels: false } })));
    expect(new Set(on.map(answerValue))).toEqual(new Set([true]));
    expect(on[0]?.needs?.tallies).toEqual([{ class: 'c1-gridline', count: 11 }]);
    expect(new Set(off.map(answerValue))).toEqual(new Set([false]));
    expect(off[0]?.needs?.tallies).toEqual([{ class: 'c1-gridline', count: 0 }]);
  });

  it('names the side of the legend, and accepts the words a reader uses for it', () => {
    const style = { font: 'sans', palette: 'classic', legend: 'right', gridlines: true, valueLabels: false } as const;
    const [q] = asked(legendPositionTask, sceneOf(chartOf('grouped-bar', [[10, 20], [30, 40]], { style })));
    expect(q?.answer).toMatchObject({ type: 'text', value: 'right' });
    expect((q?.answer as { aliases?: string[] } | undefined)?.aliases).toContain('on the right');
    expect(asked(legendPositionTask, sceneOf(chartOf('bar', [[10, 20, 30]])))).toEqual([]);
  });

  it('gives the median of printed values: the middle one, or the mean of the two middle ones to one more place', () => {
    const style = { font: 'sans', palette: 'classic', legend: 'none', gridlines: true, valueLabels: true } as const;
    const odd = asked(medianTask, sceneOf(chartOf('bar', [[40, 10, 30, 20, 50]], { style })));
    const even = asked(medianTask, sceneOf(chartOf('bar', [[40, 10, 31, 20]], { style })));
    expect(new Set(odd.map(answerValue))).toEqual(new Set([30]));
    // Sorted 10, 20, 31, 40: (20 + 31) ÷ 2 = 25.5.
    expect(new Set(even.map(answerValue))).toEqual(new Set([25.5]));
    expect(even[0]?.answer).toMatchObject({ precision: 1, tolerance: 0 });
  });

  it('reads a median off the axis within 5%, from values read to the drawn scale', () => {
    // Gridlines every 10: a reading is good to 2, so 62 reads as 62 and the median of 38, 62, 71 is about 62.
    const [q] = asked(medianTask, sceneOf(chartOf('bar', [[38, 71, 62]])));
    expect(q?.answer).toMatchObject({ type: 'number', value: 62, tolerance: 0.05 });
  });

  it('finds the category of a value printed once, and asks nothing of a value printed twice', () => {
    const style = { font: 'sans', palette: 'classic', legend: 'none', gridlines: true, valueLabels: true } as const;
    const qs = asked(valueCategoryTask, sceneOf(chartOf('bar', [[12, 40, 12, 7]], { style })));
    const pairs = new Set(qs.map((q) => `${/(?:value|labelled) (\d+)/.exec(phrasings(q)[0] ?? '')?.[1]}=${answerValue(q)}`));
    expect(pairs).toEqual(new Set(['40=C2', '7=C4']));
    expect(asked(valueCategoryTask, sceneOf(chartOf('bar', [[12, 40, 7]])))).toEqual([]);
  });

  it('counts where two lines change places, and asks nothing where they come too close to tell', () => {
    const axis = { title: 'Amount', min: 0, max: 100, step: 10, decimals: 0 };
    // S1 − S2 is +20, +10, −10, −20, +15: they cross twice (C2–C3, C4–C5). The visible gap is 4 (2% of 100, twice the reading error of 2).
    const crossing = sceneOf(chartOf('multi-line', [[50, 50, 40, 30, 60], [30, 40, 50, 50, 45]], { valueAxis: axis }));
    const qs = asked(linesCrossTask, crossing);
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      if (q.answer.type === 'boolean') expect(q.answer.value).toBe(true);
      else if (q.answer.type === 'integer') expect(q.answer.value).toBe(2);
      else throw new Error(`two crossings give no "where" question: ${phrasings(q)[0]}`);
    }
    const once = asked(linesCrossTask, sceneOf(chartOf('multi-line', [[50, 50, 40, 30, 20], [30, 40, 50, 50, 45]], { valueAxis: axis })));
    const where = once.filter((q) => q.answer.type === 'choice');
    expect(where.length).toBeGreaterThan(0);
    for (const q of where) if (q.answer.type === 'choice') expect(q.answer.options[q.answer.value]).toBe('C2 and C3');
    // At C3 the lines are 2 apart, under the visible gap: no question.
    expect(asked(linesCrossTask, sceneOf(chartOf('multi-line', [[50, 50, 42, 30, 20], [30, 40, 40, 50, 45]], { valueAxis: axis })))).toEqual([]);
  });
});
