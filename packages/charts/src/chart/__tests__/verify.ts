import type { Answer } from '@absynth/core';
import type { SampleRecord } from '@absynth/engine';
import { colourDifference, namedColour, namedColours } from '@absynth/render';
import { expect } from 'vitest';
import { charts } from '../scenario.js';
import type { ChartScene } from '../scene.js';
import {
  cellNumber,
  chartOf,
  correlation,
  exactSum,
  markOf,
  ordinalIn,
  type ParsedChart,
  parseChartsText,
  printedDecimals,
  roundsTo,
} from './reference.js';

/** Task ids the verifier has checked, for tests that make sure no task is skipped. */
export const verifiedTasks = new Map<string, number>();

const colourNames = namedColours.map((c) => c.name);
/** Colour names a reader could take for one another, as `a|b` in alphabetical order. */
const nearNames = new Set(['cyan|teal', 'green|olive green', 'magenta|purple', 'blue|purple', 'brown|olive green']);
const isScatter = (c: ParsedChart) => c.type === 'scatter plot';
const isRoundChart = (c: ParsedChart) => c.slices;
const seriesLabels = (c: ParsedChart) => (isScatter(c) ? c.colours.map((e) => e.label) : c.headers);
const seriesCount = (c: ParsedChart) => (isScatter(c) ? 1 : c.headers.length);
const column = (c: ParsedChart, s: number) => (isScatter(c) ? (c.cells[1] ?? []) : (c.cells[s] ?? []));

function num(a: Answer): number {
  return a.type === 'number' || a.type === 'integer' ? a.value : Number.NaN;
}

function text(a: Answer): string | undefined {
  return a.type === 'text' ? a.value : undefined;
}

/** The mark ids of every category of series `s` of chart `k`. */
const seriesIds = (chart: ParsedChart, k: number, s: number) => chart.categories.map((_, i) => `c${k + 1}-s${s + 1}-${i + 1}`);

/** The axis spans a reader compares gaps against: the value axis, or 75 points for slices. */
function valueSpan(chart: ParsedChart): number {
  const axis = [chart.vertical, chart.horizontal].find((a) => a?.range != null)?.range;
  return axis === undefined || axis === null ? 75 : axis.max - axis.min;
}

/** A label that is the unique extreme of `values`, led by at least `gap`. */
function uniqueExtreme(values: readonly number[], which: 'highest' | 'lowest', gap: number): { index: number; lead: number } {
  const sign = which === 'highest' ? 1 : -1;
  let index = 0;
  for (let i = 1; i < values.length; i++) if (sign * (values[i] as number) > sign * (values[index] as number)) index = i;
  const others = values.filter((_, i) => i !== index).map((v) => sign * (values[index] as number) - sign * v);
  const lead = Math.min(...others);
  expect(lead, `lead of ${which} ${values.join(',')}`).toBeGreaterThanOrEqual(gap - 1e-9);
  return { index, lead };
}

/** Where a bar's (or a stacked bar's) end is drawn: its value, or the sum of its segments. */
function barEnds(chart: ParsedChart): number[] {
  if (chart.type === 'stacked bar chart') return chart.categories.map((_, i) => exactSum(chart.headers.map((_, j) => chart.cells[j]?.[i] ?? '0')));
  return chart.headers.flatMap((_, j) => column(chart, j).map(cellNumber));
}

/**
 * Every number a caption states is printed in the image (a value label, a number of a title or
 * label, a count of charts or categories, a sum of printed values), or is a reading marked
 * "about" that lies within the reading error of a value and is no finer than that error's digit.
 */
function checkCaptionNumbers(caption: string, parsed: readonly ParsedChart[], scene: ChartScene, where: string): void {
  const numbers = (text: string) => [...text.matchAll(/(?<![A-Za-z\d.,])(about |under )?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)/g)];
  const allowed = new Set<string>([String(parsed.length), '0']);
  const readable: { values: number[]; error: number }[] = [];
  parsed.forEach((p, k) => {
    // The unit in words ("per 100,000 people") stands for the drawn one ("per 100k").
    for (const t of [p.title, p.vertical?.title ?? '', p.horizontal?.title ?? '', ...p.categories, ...p.headers, scene.charts[k]?.unitName ?? '']) for (const m of numbers(t)) allowed.add(m[2] ?? '');
    allowed.add(String(p.categories.length));
    const ends = isScatter(p) ? [] : barEnds(p);
    if (p.printed) {
      for (const column of p.cells) for (const cell of column) allowed.add(cell.replace(/%$/, ''));
      // A stacked bar's total is not printed: it is read at the bar's top.
      const step = [p.vertical, p.horizontal].find((a) => a?.range != null)?.range?.step;
      if (p.type === 'stacked bar chart' && step !== undefined) readable.push({ values: ends, error: step * (scene.charts[k]?.style.gridlines ? 0.2 : 1 / 3) });
    } else {
      const step = [p.vertical, p.horizontal].find((a) => a?.range != null)?.range?.step;
      const gridlines = scene.charts[k]?.style.gridlines ?? false;
      readable.push({ values: ends, error: step === undefined ? 2.5 : step * (gridlines ? 0.2 : 1 / 3) });
    }
  });
  for (const m of numbers(caption)) {
    const text = m[2] ?? '';
    if (allowed.has(text)) continue;
    const value = cellNumber(text);
    const readOk =
      m[1] !== undefined &&
      readable.some(({ values, error }) => {
        // "under 5%": a value above 0 that reads as less than one reading step.
        if (m[1] === 'under ') return value <= 2 * error + 1e-9 && values.some((v) => v > 0 && v < value);
        const digit = 10 ** Math.floor(Math.log10(error));
        return Math.abs(value / digit - Math.round(value / digit)) < 1e-6 && values.some((v) => Math.abs(v - value) <= error + 1e-9);
      });
    expect(readOk, `${where}: caption states ${m[0]}, neither printed nor a reading`).toBe(true);
  }
}

/**
 * A caption names one largest (or smallest) mark only where it leads the others by a visible gap:
 * one printed step, else 2% of the axis (1.5 points for slices) and twice the reading error.
 */
function checkCaptionExtremes(caption: string, parsed: readonly ParsedChart[], scene: ChartScene, where: string): void {
  parsed.forEach((p, k) => {
    if (isScatter(p)) return;
    const start = caption.indexOf(`titled "${p.title}"`);
    const next = caption.indexOf(' titled "', start + 1);
    const part = caption.slice(start, next === -1 ? undefined : next);
    const stacked = p.type === 'stacked bar chart';
    const marks = stacked
      ? barEnds(p).map((v, i) => ({ v, name: p.categories[i] ?? '' }))
      : p.headers.flatMap((h, j) => column(p, j).map((cell, i) => ({ v: cellNumber(cell), name: p.headers.length > 1 ? `${h} in ${p.categories[i]}` : (p.categories[i] ?? '') })));
    const step = [p.vertical, p.horizontal].find((a) => a?.range != null)?.range?.step;
    const gridlines = scene.charts[k]?.style.gridlines ?? false;
    const one = step === undefined ? 2.5 : step * (gridlines ? 0.2 : 1 / 3);
    const error = p.printed ? 0 : stacked ? 2 * one : one;
    const gap = p.printed ? 10 ** -printedDecimals(p.cells[0]?.[0] ?? '') : Math.max(isRoundChart(p) ? 1.5 : 0.02 * valueSpan(p), 2 * error);
    for (const [word, which] of [['largest', 'highest'], ['smallest', 'lowest']] as const) {
      const named = new RegExp(`${word} (?:value|total) is [^()]*\\(([^)]*)\\)`).exec(part);
      if (named === null) continue;
      const { index } = uniqueExtreme(marks.map((m) => m.v), which, gap);
      expect(marks[index]?.name, `${where}: caption's ${word} of "${p.title}"`).toBe(named[1]);
    }
  });
}

/** Bars and areas end inside the frame: the value axis runs at least 5% of its span past the largest end (and the most negative). */
function checkHeadroom(chart: ParsedChart, where: string): void {
  if (!/bar|area/.test(chart.type)) return;
  const range = [chart.vertical, chart.horizontal].find((a) => a?.range != null)?.range;
  if (range == null) return;
  const ends = barEnds(chart);
  const room = 0.05 * (range.max - range.min) - 1e-9;
  expect(range.max - Math.max(...ends), `${where}: headroom`).toBeGreaterThanOrEqual(room);
  if (Math.min(...ends) < 0) expect(Math.min(...ends) - range.min, `${where}: room below`).toBeGreaterThanOrEqual(room);
}

/** Rechecks every answer of a generated sample from the parsed text rendering of its scene. */
export function verifyCharts(sample: SampleRecord<ChartScene>): void {
  const { scene } = sample;
  const parsed = parseChartsText(charts.text?.(scene) ?? '', colourNames);
  expect(parsed.length, sample.id).toBe(scene.charts.length);
  for (const p of parsed) checkHeadroom(p, `${sample.id} "${p.title}"`);
  for (const qa of sample.qa) {
    const where = `${sample.id} ${qa.task}: ${qa.question} -> ${JSON.stringify(qa.answer)} ${JSON.stringify(qa.regions.map((r) => r.id))}`;
    const ids = qa.regions.map((r) => r.id);
    const marks = ids.map(markOf).filter((m) => m !== undefined);
    const chartIndexes = new Set(ids.map(chartOf));
    const k = ids.length > 0 ? (chartOf(ids[0] ?? '') ?? -1) : -1;
    const chart = parsed[k] as ParsedChart;
    // Every question but the caption and the chart count points into one chart.
    if (qa.task !== 'caption' && !(qa.task === 'count' && qa.question.includes('charts'))) {
      expect(chartIndexes.size, where).toBe(1);
      expect(chart, where).toBeDefined();
      if (parsed.length > 1) expect(qa.question.includes(`"${chart.title}"`) || qa.task === 'chart-title', where).toBe(true);
    }
    const mark = marks[0];
    const s = mark?.s ?? 0;
    const values = chart === undefined ? [] : column(chart, s).map(cellNumber);
    const texts = chart === undefined ? [] : column(chart, s);
    const decimals = printedDecimals(texts[0] ?? '');
    const percent = (texts[0] ?? '').endsWith('%');
    // The unit an answer carries: % for percentages, else the one the value axis' title shows in brackets (or as the whole title), unless it holds a digit.
    const valueAxis = chart === undefined ? undefined : [chart.vertical, chart.horizontal].find((a) => a?.range != null);
    const axisUnit = /\(([^()]*)\)$/.exec(valueAxis?.title ?? '')?.[1];
    const stated = qa.answer.type === 'number' ? qa.answer.unit : undefined;
    const unit = percent ? '%' : axisUnit !== undefined && !/\d/.test(axisUnit) ? axisUnit : stated !== undefined && stated === valueAxis?.title ? stated : undefined;
    // The series a question names, when the chart has several.
    const namesSeries = () => {
      if (chart !== undefined && seriesCount(chart) > 1) expect(qa.question.includes(seriesLabels(chart)[s] ?? '\u0000'), `${where}: names series`).toBe(true);
    };
    const namesCategory = (i: number) => expect(qa.question.includes(chart.categories[i] ?? '\u0000'), `${where}: names ${chart.categories[i]}`).toBe(true);
    const numberAnswer = (opts: { exact: number; precision: number; printedTolerance: number; unit: string | undefined }) => {
      expect(qa.answer.type, where).toBe('number');
      if (qa.answer.type !== 'number') return;
      expect(qa.answer.tolerance, where).toBe(chart.printed ? opts.printedTolerance : 0.05);
      expect(qa.answer.unit, where).toBe(opts.unit);
      if (chart.printed) {
        expect(qa.answer.precision, where).toBe(opts.precision);
        expect(roundsTo(qa.answer.value, opts.exact, opts.precision), `${where}: expected ${opts.exact}`).toBe(true);
      } else {
        // Unprinted: the answer is worked from the values as read, so the exact result must score right against it.
        expect(qa.answer.precision ?? 0, where).toBeLessThanOrEqual(opts.precision);
        expect(Math.abs(qa.answer.value - opts.exact), `${where}: expected ${opts.exact} within 5%`).toBeLessThanOrEqual(0.05 * Math.abs(qa.answer.value) + 1e-9);
      }
    };
    verifiedTasks.set(qa.task, (verifiedTasks.get(qa.task) ?? 0) + 1);
    switch (qa.task) {
      case 'chart-title':
        expect(ids, where).toEqual([`c${k + 1}-title`]);
        expect(text(qa.answer), where).toBe(chart.title);
        break;
      case 'axis-title': {
        const vertical = qa.question.includes('vertical axis');
        expect(vertical || qa.question.includes('horizontal axis'), where).toBe(true);
        const axis = vertical ? chart.vertical : chart.horizontal;
        expect(axis, where).not.toBeNull();
        expect(text(qa.answer), where).toBe(axis?.title);
        // The numeric axis (the line with a range) is the value axis; the other is the category axis (scatter: x).
        expect(ids, where).toEqual([axis?.range != null ? `c${k + 1}-value-axis` : `c${k + 1}-category-axis`]);
        break;
      }
      case 'legend-entry': {
        const n = ordinalIn(qa.question);
        expect(n, where).toBeDefined();
        const entries = isRoundChart(chart) ? chart.categories : chart.headers;
        expect(isRoundChart(chart) || (!isScatter(chart) && entries.length > 1), `${where}: chart has a legend`).toBe(true);
        expect(text(qa.answer), where).toBe(entries[(n ?? 0) - 1]);
        expect(ids, where).toEqual([`c${k + 1}-legend-${n}`]);
        break;
      }
      case 'caption': {
        expect(qa.answer.type, where).toBe('caption');
        const caption = qa.answer.type === 'caption' ? qa.answer.value : '';
        for (const p of parsed) expect(caption.includes(`"${p.title}"`), where).toBe(true);
        for (const p of parsed) expect(caption.includes(p.type), where).toBe(true);
        expect(ids, where).toEqual([]);
        checkCaptionNumbers(caption, parsed, scene, where);
        checkCaptionExtremes(caption, parsed, scene, where);
        break;
      }
      case 'count': {
        expect(qa.answer.type, where).toBe('integer');
        if (qa.question.includes('charts')) {
          expect(num(qa.answer), where).toBe(parsed.length);
          expect(ids, where).toEqual(parsed.map((_, j) => `c${j + 1}`));
        } else if (/\b(lines|series)\b/.test(qa.question)) {
          expect(num(qa.answer), where).toBe(seriesCount(chart));
          expect(num(qa.answer), where).toBeGreaterThan(1);
          expect(ids, where).toEqual([`c${k + 1}-legend`]);
        } else {
          // What a reader counts: a stacked bar is one bar (its segments only when asked for), and a bar or slice of zero length is not drawn.
          const segments = qa.question.includes('segments');
          const stacked = chart.type === 'stacked bar chart';
          if (segments) expect(stacked, where).toBe(true);
          const points = !isRoundChart(chart) && /line|area|scatter/.test(chart.type);
          const noun = isRoundChart(chart) ? 'slices' : points ? 'points' : 'bars';
          expect(qa.question.includes(noun) || segments, where).toBe(true);
          const all = Array.from({ length: seriesCount(chart) }, (_, j) => column(chart, j).map((cell, i) => ({ j, i, v: cellNumber(cell) }))).flat();
          const bars = stacked && !segments ? chart.categories.map((_, i) => ({ j: 0, i, v: exactSum(chart.headers.map((_, j) => chart.cells[j]?.[i] ?? '0')) })) : all;
          const span = valueSpan(chart) === 75 ? 100 : valueSpan(chart);
          const drawn = points ? bars : bars.filter((m) => m.v !== 0);
          // No mark so short that a reader might miss it.
          if (!points) for (const m of drawn) expect(Math.abs(m.v), `${where}: mark ${m.j},${m.i} too short to count`).toBeGreaterThanOrEqual(0.01 * span);
          expect(num(qa.answer), where).toBe(drawn.length);
          const expected = stacked && !segments ? drawn.flatMap((m) => chart.headers.map((_, j) => `c${k + 1}-s${j + 1}-${m.i + 1}`)) : drawn.map((m) => `c${k + 1}-s${m.j + 1}-${m.i + 1}`);
          expect([...ids].sort(), where).toEqual([...expected].sort());
        }
        break;
      }
      case 'colour': {
        expect(mark, where).toBeDefined();
        const entryIndex = isRoundChart(chart) ? (mark?.i ?? -1) : (mark?.s ?? -1);
        if (isRoundChart(chart)) expect(mark?.s, where).toBe(0);
        const entry = chart.colours[entryIndex];
        expect(entry, where).toBeDefined();
        expect(chart.colours.length, where).toBe(isRoundChart(chart) ? chart.categories.length : seriesCount(chart));
        if (isRoundChart(chart)) expect(entry?.label, where).toBe(chart.categories[entryIndex]);
        else if (!isScatter(chart)) expect(entry?.label, where).toBe(chart.headers[entryIndex]);
        // A colour names one entry only, far from every other colour of the chart and with a name no reader would take for another's.
        expect(chart.colours.filter((e) => e.colour === entry?.colour), `${where}: colour unique`).toHaveLength(1);
        for (const other of chart.colours) {
          if (other === entry) continue;
          expect(colourDifference(namedColour(other.colour).hex, namedColour(entry?.colour ?? '').hex), `${where}: ${other.colour} near ${entry?.colour}`).toBeGreaterThanOrEqual(40);
          expect(nearNames.has([other.colour, entry?.colour].sort().join('|')), `${where}: ${other.colour} beside ${entry?.colour}`).toBe(false);
        }
        // A series' colour is shown at its longest bar; among the points of several lines, at the
        // one farthest from the other lines' points of its category (the first of equals).
        if (!isRoundChart(chart)) {
          const values = column(chart, entryIndex).map(cellNumber);
          const points = /line|area|scatter/.test(chart.type) && seriesCount(chart) > 1;
          const score = points
            ? values.map((v, i) => Math.min(...chart.headers.flatMap((_, o) => (o === entryIndex ? [] : [Math.abs(v - cellNumber(column(chart, o)[i] ?? ''))]))))
            : values.map(Math.abs);
          expect(mark?.i, `${where}: the mark that shows the colour`).toBe(score.indexOf(Math.max(...score)));
        }
        const asksColour = /what colour|which colour|in which colour/i.test(qa.question);
        if (chart.colours.length === 1) {
          expect(asksColour, where).toBe(true);
          expect(ids, where).toEqual([`c${k + 1}-s1-${(mark?.i ?? 0) + 1}`]);
        } else {
          expect(ids[1], where).toBe(`c${k + 1}-legend`);
        }
        if (asksColour) {
          expect(text(qa.answer), where).toBe(entry?.colour);
          if (chart.colours.length > 1) expect(qa.question.includes(entry?.label ?? '\u0000'), where).toBe(true);
        } else {
          expect(text(qa.answer), where).toBe(entry?.label);
          expect(qa.question.includes(entry?.colour ?? '\u0000'), where).toBe(true);
        }
        break;
      }
      case 'value': {
        expect(marks, where).toHaveLength(1);
        expect(ids, where).toHaveLength(1);
        expect(isScatter(chart), where).toBe(false);
        const i = mark?.i ?? -1;
        namesCategory(i);
        namesSeries();
        const cell = texts[i] ?? '';
        expect(cell, where).not.toBe('');
        numberAnswer({ exact: cellNumber(cell), precision: printedDecimals(cell), printedTolerance: 0, unit });
        break;
      }
      case 'extreme': {
        const which = qa.question.includes('highest') ? 'highest' : 'lowest';
        expect(qa.question.includes(which), where).toBe(true);
        expect(isScatter(chart), where).toBe(false);
        const stacked = qa.question.includes('in total');
        const gap = chart.printed ? 10 ** -decimals : isRoundChart(chart) ? 1.5 : 0.02 * valueSpan(chart);
        if (stacked) {
          expect(chart.type, where).toBe('stacked bar chart');
          const sums = chart.categories.map((_, i) => exactSum(chart.headers.map((_, j) => chart.cells[j]?.[i] ?? '0')));
          const { index } = uniqueExtreme(sums, which, gap);
          expect(text(qa.answer), where).toBe(chart.categories[index]);
          expect([...ids].sort(), where).toEqual(chart.headers.map((_, j) => `c${k + 1}-s${j + 1}-${index + 1}`).sort());
        } else {
          namesSeries();
          const { index } = uniqueExtreme(values, which, gap);
          expect(text(qa.answer), where).toBe(chart.categories[index]);
          expect(ids, where).toEqual([`c${k + 1}-s${s + 1}-${index + 1}`]);
        }
        break;
      }
      case 'difference': {
        expect(marks, where).toHaveLength(2);
        const [hi, lo] = marks;
        expect(hi?.s, where).toBe(lo?.s);
        const a = texts[hi?.i ?? -1] ?? '';
        const b = texts[lo?.i ?? -1] ?? '';
        namesCategory(hi?.i ?? -1);
        namesCategory(lo?.i ?? -1);
        namesSeries();
        const diff = exactSum([a, `${b.startsWith('-') ? b.slice(1) : `-${b}`}`]);
        expect(diff, where).toBeGreaterThan(0);
        // A difference of percentages is in percentage points.
        numberAnswer({ exact: diff, precision: decimals, printedTolerance: 0, unit: percent ? 'percentage points' : unit });
        if (percent) expect(qa.rationale.trimEnd().split('\n').some((line) => line.endsWith(' percentage points.')), where).toBe(true);
        break;
      }
      case 'sum-average': {
        const average = /average|mean/.test(qa.question);
        expect(average || /sum|Add up/.test(qa.question), where).toBe(true);
        expect([...ids].sort(), where).toEqual(seriesIds(chart, k, s).sort());
        namesSeries();
        const total = exactSum(texts);
        if (average) {
          expect(qa.question.includes(`${decimals + 1} decimal place`), where).toBe(true);
          numberAnswer({ exact: total / texts.length, precision: decimals + 1, printedTolerance: 0.01, unit });
        } else {
          numberAnswer({ exact: total, precision: decimals, printedTolerance: 0, unit });
        }
        break;
      }
      case 'ratio-change': {
        expect(marks, where).toHaveLength(2);
        const [from, to] = marks;
        expect(from?.s, where).toBe(to?.s);
        expect(from?.i ?? 0, where).toBeLessThan(to?.i ?? 0);
        namesCategory(from?.i ?? -1);
        namesCategory(to?.i ?? -1);
        namesSeries();
        const a = values[from?.i ?? -1] ?? Number.NaN;
        const b = values[to?.i ?? -1] ?? Number.NaN;
        expect(a, where).toBeGreaterThan(0);
        expect(b, where).toBeGreaterThan(0);
        if (qa.question.includes('percentage')) {
          expect(qa.question.indexOf(chart.categories[from?.i ?? 0] ?? ''), where).toBeLessThan(qa.question.lastIndexOf(chart.categories[to?.i ?? 0] ?? ''));
          numberAnswer({ exact: (100 * (b - a)) / a, precision: 1, printedTolerance: 0.01, unit: '%' });
        } else {
          numberAnswer({ exact: b / a, precision: 2, printedTolerance: 0.01, unit: undefined });
        }
        break;
      }
      case 'largest-rise': {
        expect(marks, where).toHaveLength(2);
        namesSeries();
        const rises = texts.slice(1).map((t, j) => exactSum([t, (texts[j] ?? '').startsWith('-') ? (texts[j] ?? '').slice(1) : `-${texts[j]}`]));
        const gap = chart.printed ? 10 ** -decimals : 2 * 0.02 * valueSpan(chart);
        const { index } = uniqueExtreme(rises, 'highest', gap);
        expect(rises[index], where).toBeGreaterThan(0);
        expect(text(qa.answer), where).toBe(chart.categories[index + 1]);
        expect(ids, where).toEqual([`c${k + 1}-s${s + 1}-${index + 1}`, `c${k + 1}-s${s + 1}-${index + 2}`]);
        break;
      }
      case 'correlation': {
        expect(isScatter(chart), where).toBe(true);
        const xs = (chart.cells[0] ?? []).map(cellNumber);
        const ys = (chart.cells[1] ?? []).map(cellNumber);
        const r = correlation(xs, ys);
        expect(Math.abs(r), where).toBeGreaterThanOrEqual(0.6);
        expect(qa.answer, where).toEqual({ type: 'boolean', value: r > 0 });
        expect([...ids].sort(), where).toEqual(seriesIds(chart, k, 0).sort());
        break;
      }
      case 'bar-orientation': {
        expect(chart.type.endsWith('bar chart'), where).toBe(true);
        // The numeric axis runs along the bars.
        const horizontal = chart.horizontal?.range != null;
        expect(text(qa.answer), where).toBe(horizontal ? 'horizontal' : 'vertical');
        expect(ids, where).toEqual([`c${k + 1}-value-axis`, `c${k + 1}-category-axis`]);
        break;
      }
      case 'gridlines': {
        expect(chart.gridlines, where).not.toBeNull();
        expect(qa.answer, where).toEqual({ type: 'boolean', value: chart.gridlines });
        expect(ids, where).toEqual([`c${k + 1}-value-axis`]);
        break;
      }
      case 'legend-position': {
        expect(chart.legend, where).not.toBeNull();
        expect(text(qa.answer), where).toBe(chart.legend);
        expect(ids, where).toEqual([`c${k + 1}-legend`, `c${k + 1}`]);
        // The drawn legend lies on that side of its chart: its centre is farthest from the chart's centre that way.
        const [legend, cell] = qa.regions.map((r) => r.box);
        if (legend !== undefined && cell !== undefined) {
          const dx = (legend.x + legend.width / 2 - (cell.x + cell.width / 2)) / cell.width;
          const dy = (legend.y + legend.height / 2 - (cell.y + cell.height / 2)) / cell.height;
          const side = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'bottom' : 'top';
          expect(side, `${where}: drawn side`).toBe(chart.legend);
        }
        break;
      }
      case 'median': {
        expect(isScatter(chart) || isRoundChart(chart), where).toBe(false);
        expect([...ids].sort(), where).toEqual(seriesIds(chart, k, s).sort());
        namesSeries();
        // Sorted as printed; the middle one, or half the exact sum of the two middle ones.
        const sorted = [...texts].sort((a, b) => cellNumber(a) - cellNumber(b));
        const half = Math.floor(sorted.length / 2);
        const even = sorted.length % 2 === 0;
        const exact = even ? exactSum([sorted[half - 1] ?? '0', sorted[half] ?? '0']) / 2 : cellNumber(sorted[half] ?? '');
        numberAnswer({ exact, precision: even && chart.printed ? decimals + 1 : decimals, printedTolerance: 0, unit });
        break;
      }
      case 'value-category': {
        expect(chart.printed, where).toBe(true);
        const value = /(?:has the value|is labelled) (.+?)(?:\?| in the)/.exec(qa.question)?.[1] ?? '';
        const found = chart.cells.flatMap((cells, j) => cells.flatMap((cell, i) => (cell === value ? [{ j, i }] : [])));
        expect(found, `${where}: printed once`).toHaveLength(1);
        const [{ j, i } = { j: -1, i: -1 }] = found;
        const several = seriesCount(chart) > 1;
        expect(text(qa.answer), where).toBe(several ? `${chart.categories[i]}, ${chart.headers[j]}` : chart.categories[i]);
        expect(ids, where).toEqual([`c${k + 1}-s${j + 1}-${i + 1}`]);
        break;
      }
      case 'lines-cross': {
        expect(chart.type, where).toBe('line chart with several lines');
        const n = chart.categories.length;
        expect(ids, where).toHaveLength(2 * n);
        const [p, q] = [marks[0]?.s ?? -1, marks[n]?.s ?? -1];
        expect([...ids].sort(), where).toEqual([...seriesIds(chart, k, p), ...seriesIds(chart, k, q)].sort());
        for (const label of [chart.headers[p], chart.headers[q]]) expect(qa.question.includes(label ?? '\u0000'), where).toBe(true);
        // Which line is above at each category, by a gap a reader sees: one printed step, or 2% of the axis and twice the reading error.
        const step = valueAxis?.range?.step ?? 0;
        const gap = chart.printed ? 10 ** -decimals : Math.max(0.02 * valueSpan(chart), 2 * step * (chart.gridlines ? 0.2 : 1 / 3));
        const diffs = chart.categories.map((_, i) => {
          const b = chart.cells[q]?.[i] ?? '0';
          return exactSum([chart.cells[p]?.[i] ?? '0', b.startsWith('-') ? b.slice(1) : `-${b}`]);
        });
        for (const d of diffs) expect(Math.abs(d), `${where}: a visible gap at every category`).toBeGreaterThanOrEqual(gap - 1e-9);
        const crossings: number[] = [];
        for (let i = 1; i < n; i++) if (Math.sign(diffs[i] ?? 0) !== Math.sign(diffs[i - 1] ?? 0)) crossings.push(i - 1);
        if (qa.answer.type === 'boolean') expect(qa.answer.value, where).toBe(crossings.length > 0);
        else if (qa.answer.type === 'integer') expect(qa.answer.value, where).toBe(crossings.length);
        else if (qa.answer.type === 'choice') {
          expect(crossings, where).toHaveLength(1);
          const at = crossings[0] ?? 0;
          expect(qa.answer.options[qa.answer.value], where).toBe(`${chart.categories[at]} and ${chart.categories[at + 1]}`);
        } else throw new Error(`${where}: unexpected answer type`);
        break;
      }
      default:
        throw new Error(`unexpected task ${qa.task}`);
    }
  }
}
