// How a reader reads a chart, for the tasks: which chart a question names, how closely a value can
// be read off it (printed, or against the axis), exact sums on values, and rationale lines that
// state the readings.
import { answer, formatNumber, type NumberAnswer, type Rng } from '@absynth/core';
import { isRound, withUnit } from './format.js';
import type { Chart, ChartScene } from './scene.js';

/** Relative tolerance of a value read off an axis or slice without a printed label. */
export const readTolerance = 0.05;

/** How a question names chart `k`: "the chart" when it is alone, else by place and title. */
export function chartRef(scene: ChartScene, k: number): string {
  const chart = scene.charts[k];
  if (chart === undefined) throw new RangeError(`no chart ${k}`);
  if (scene.charts.length === 1) return 'the chart';
  const places =
    scene.charts.length === 4
      ? ['top left', 'top right', 'bottom left', 'bottom right']
      : scene.charts.length === 3
        ? ['left', 'middle', 'right']
        : ['left', 'right'];
  return `the ${places[k]} chart (titled "${chart.title}")`;
}

/** A chart of the scene picked with the task's rng, with its index. */
export function pickChart(scene: ChartScene, rng: Rng, accept: (chart: Chart) => boolean = () => true): { chart: Chart; k: number } | undefined {
  const candidates = scene.charts.flatMap((chart, k) => (accept(chart) ? [{ chart, k }] : []));
  return candidates.length === 0 ? undefined : rng.pick(candidates);
}

/** Whether the chart prints its values. */
export function printed(chart: Chart): boolean {
  return chart.style.valueLabels;
}

/**
 * How far off a careful reader may be when reading one value without a printed label: a fifth of a
 * gridline interval with gridlines, a third of a tick interval without, 2.5 percentage points for
 * a slice, and 0 when the value is printed. A stacked segment is read at both of its ends.
 */
export function readError(chart: Chart): number {
  if (printed(chart)) return 0;
  if (isRound(chart)) return 2.5;
  const step = chart.valueAxis?.step ?? 0;
  const one = step * (chart.style.gridlines ? 0.2 : 1 / 3);
  return chart.kind === 'stacked-bar' ? 2 * one : one;
}

/** The smallest gap between two values that a reader sees without printed labels: 2% of the axis (1.5 points for slices), and never less than twice the reading error. */
export function visibleGap(chart: Chart): number {
  if (printed(chart)) return 10 ** -chart.decimals;
  const span = isRound(chart) ? 75 : (chart.valueAxis?.max ?? 1) - (chart.valueAxis?.min ?? 0);
  return Math.max(0.02 * span, 2 * readError(chart));
}

/** A value as a whole number of the chart's last printed digit (10^-decimals), so sums and differences are exact. */
export function toUnits(chart: Chart, value: number): number {
  return Math.round(value * 10 ** chart.decimals);
}

/** Back from whole units of the last printed digit to a value. */
export function fromUnits(chart: Chart, count: number): number {
  return count / 10 ** chart.decimals;
}

/** The unit a number answer carries: `%` for percentages (the question names other units). */
export function answerUnit(chart: Chart): { unit?: string } {
  return chart.unit === '%' ? { unit: '%' } : {};
}

/**
 * The answer to a number computed from values read off the chart: exact to the printed precision
 * when the values are printed, else 5% relative tolerance, asked only when reading errors of
 * `readError` on each input cannot move the result by more than that (`undefined` otherwise).
 */
export function readAnswer(
  chart: Chart,
  inputs: readonly number[],
  compute: (values: readonly number[]) => number,
  options: { precision?: number; tolerance?: number; /** `''` for none; default `%` for percentages. */ unit?: string } = {},
): NumberAnswer | undefined {
  const value = compute(inputs);
  const unit = options.unit === undefined ? answerUnit(chart) : options.unit === '' ? {} : { unit: options.unit };
  if (printed(chart)) {
    const precision = options.precision ?? chart.decimals;
    return answer.number(Number(value.toFixed(precision)), { tolerance: options.tolerance ?? 0, precision, ...unit });
  }
  const error = readError(chart);
  if (value === 0 || !Number.isFinite(value)) return undefined;
  // The worst case over every corner of the box of possible readings.
  let worst = 0;
  for (let corner = 0; corner < 2 ** inputs.length; corner++) {
    const read = inputs.map((v, i) => v + ((corner >> i) & 1 ? error : -error));
    worst = Math.max(worst, Math.abs(compute(read) - value));
  }
  if (!(worst <= readTolerance * Math.abs(value))) return undefined;
  const precision = options.precision ?? chart.decimals;
  return answer.number(Number(value.toFixed(precision)), { tolerance: readTolerance, precision, ...unit });
}

/** Where a value of a series sits, in words: `France in 2019` (several series) or `2019`. */
export function pointName(chart: Chart, s: number, i: number): string {
  const category = chart.categories[i] ?? '';
  return chart.series.length > 1 ? `${chart.series[s]?.label} in ${category}` : category;
}

/** A rationale line reading values: `The printed values are 2019: 12.3%; 2020: 10.1%.` */
export function readValues(chart: Chart, points: readonly [number, number][]): string {
  const how = printed(chart) ? 'The printed values are' : 'Read against the axis, the values are about';
  const parts = points.map(([s, i]) => `${pointName(chart, s, i)}: ${withUnit(chart, chart.series[s]?.values[i] ?? 0)}`);
  return `${how} ${parts.join('; ')}.`;
}

/** The single category with the largest (or smallest) value of series `s`, when it leads by a visible gap. */
export function clearExtreme(chart: Chart, values: readonly number[], which: 'highest' | 'lowest'): number | undefined {
  const sign = which === 'highest' ? 1 : -1;
  const order = values.map((v, i) => ({ v: sign * v, i })).sort((a, b) => b.v - a.v);
  const [first, second] = order;
  if (first === undefined || second === undefined) return undefined;
  return first.v - second.v >= visibleGap(chart) - 1e-9 ? first.i : undefined;
}

/** The totals of a stacked chart: the sum of every series per category. */
export function totals(chart: Chart): number[] {
  return chart.categories.map((_, i) => fromUnits(chart, chart.series.reduce((sum, s) => sum + toUnits(chart, s.values[i] ?? 0), 0)));
}

/** `2,310` → `2,310`; a difference written with brackets around a negative subtrahend. */
export function minus(chart: Chart, a: number, b: number): string {
  const right = formatNumber(b, chart.decimals);
  return `${formatNumber(a, chart.decimals)} − ${b < 0 ? `(${right})` : right}`;
}

