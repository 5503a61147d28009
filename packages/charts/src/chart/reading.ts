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

/**
 * The unit a number answer carries: `%` for percentages, else the unit the value axis' title
 * draws (`Trade (USD bn)` or `USD bn` alone), so the canonical answer reads `14.1 USD bn`; none
 * where the axis does not show it, for plain counts, or for a unit with a number in it
 * (`per 100k`), which the answer's text would read back as another number.
 */
export function answerUnit(chart: Chart): { unit?: string } {
  const unit = chart.unit.trim();
  if (unit === '' || /\d/.test(unit)) return {};
  const title = chart.valueAxis?.title ?? '';
  return unit === '%' || title === unit || title.endsWith(`(${unit})`) ? { unit } : {};
}

/**
 * The answer to a number computed from values read off the chart: exact to the printed precision
 * when the values are printed; else computed from the values as read (`shown`, the numbers the
 * rationale gives) with 5% relative tolerance, asked only when every reading within `readError`
 * of each input, and the exact values, score right against it (`undefined` otherwise).
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
    return answer.number(roundTo(value, precision), { tolerance: options.tolerance ?? 0, precision, ...unit });
  }
  const error = readError(chart);
  if (value === 0 || !Number.isFinite(value)) return undefined;
  // The worst case over every corner of the box of possible readings.
  let worst = 0;
  for (let corner = 0; corner < 2 ** inputs.length; corner++) {
    const read = inputs.map((v, i) => v + ((corner >> i) & 1 ? error : -error));
    worst = Math.max(worst, Math.abs(compute(read) - value));
  }
  // The answer is what a reader gets from the values as read (the rationale's numbers); the
  // tolerance takes in the exact values too. A single reading keeps the places it is read to.
  const asRead = compute(inputs.map((v) => shown(chart, v)));
  const places = inputs.length === 1 ? reading(chart, inputs[0] ?? 0).places : chart.decimals;
  const precision = options.precision ?? places;
  // Every reading in the box (and the exact values) must score right against it.
  if (!(worst + Math.abs(asRead - value) <= readTolerance * Math.abs(asRead))) return undefined;
  return answer.number(roundTo(asRead, precision), { tolerance: readTolerance, precision, ...unit });
}

/** Where a value of a series sits, in words: `France in 2019` (several series) or `2019`. */
export function pointName(chart: Chart, s: number, i: number): string {
  const category = chart.categories[i] ?? '';
  return chart.series.length > 1 ? `${chart.series[s]?.label} in ${category}` : category;
}

/**
 * A rationale line reading values, as printed or as read (rounded to what the drawn scale
 * gives): `The printed values are 2019: 12.3%; 2020: 10.1%.`, `Read against the axis, the values
 * are about 2019: 12%; 2020: 10%.` (a slice is read by its angle).
 */
export function readValues(chart: Chart, points: readonly [number, number][]): string {
  const how = printed(chart) ? 'The printed values are' : isRound(chart) ? 'Judged by the angles of the slices, the shares are about' : 'Read against the axis, the values are about';
  const parts = points.map(([s, i]) => {
    const value = chart.series[s]?.values[i] ?? 0;
    const read = reading(chart, value);
    return `${pointName(chart, s, i)}: ${withUnit(chart, read.value, read.places)}`;
  });
  return `${how} ${parts.join('; ')}.`;
}

/** A value as a reader works with it: as printed, else as read (rounded to the drawn scale). */
export function shown(chart: Chart, value: number): number {
  return reading(chart, value).value;
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


/**
 * `value` rounded to `precision` decimals, half away from zero, as the decimal a person writes:
 * 255 ÷ 200 = 1.275 gives 1.28 (`toFixed` gives 1.27, since 1.275 is 1.27499… in binary).
 */
export function roundTo(value: number, precision: number): number {
  const clean = Number(Math.abs(value).toPrecision(15));
  const text = String(clean);
  const shifted = text.includes('e') ? clean * 10 ** precision : Number(`${text}e${precision}`);
  const whole = Math.round(shifted);
  const back = text.includes('e') ? whole / 10 ** precision : Number(`${whole}e-${precision}`);
  return (value < 0 ? -back : back) + 0;
}

/** `roundTo` written with separators and exactly `precision` decimals. */
export function roundedText(value: number, precision: number): string {
  return formatNumber(roundTo(value, precision), precision);
}

/**
 * The step a reading without a printed label is rounded to: the largest 1, 2 or 5 times a power
 * of ten that is at most twice the reading error (so the rounded reading stays within it), and no
 * finer than the chart's last digit. `error` defaults to one reading of one value.
 */
export function readingStep(chart: Chart, error = singleReadError(chart)): number {
  const least = 10 ** -chart.decimals;
  if (!(error > 0)) return least;
  const magnitude = 10 ** Math.floor(Math.log10(2 * error) + 1e-9);
  const step = [5, 2, 1].map((m) => m * magnitude).find((s) => s <= 2 * error + 1e-12) ?? magnitude;
  return Math.max(least, step);
}

/** The reading error of one value read at one end (the top of a stacked bar, a point), without printed labels. */
export function singleReadError(chart: Chart): number {
  const error = readError(chart);
  return chart.kind === 'stacked-bar' ? error / 2 : error;
}

/** The error of reading a value at one end against the axis, printed labels or not: what a stacked bar's total (never printed) is read with. */
export function axisReadError(chart: Chart): number {
  const step = chart.valueAxis?.step ?? 0;
  return step * (chart.style.gridlines ? 0.2 : 1 / 3);
}

/** Decimal places of a reading step (5 → 0, 0.2 → 1). */
function stepPlaces(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * A value as a reader reads it: as printed when values are printed, else rounded to the reading
 * step (`readingStep`), with the decimal places to write it with.
 */
export function reading(chart: Chart, value: number, error = singleReadError(chart), asRead = false): { value: number; places: number } {
  if (printed(chart) && !asRead) return { value, places: chart.decimals };
  const step = readingStep(chart, error);
  const places = Math.min(chart.decimals, stepPlaces(step));
  return { value: roundTo(Math.round(value / step) * step, places), places };
}

/**
 * A value as a reader can state it: as printed when values are printed (`12.3%`), else rounded to
 * what the drawn scale supports and marked as a reading (`about 12%`).
 */
export function stated(chart: Chart, value: number, error = singleReadError(chart), asRead = false): string {
  const read = reading(chart, value, error, asRead);
  const text = withUnit(chart, read.value, read.places);
  if (printed(chart) && !asRead) return text;
  // A thin slice or short bar reads as "under 5%", not "about 0%".
  if (read.value === 0 && value !== 0) return `${value > 0 ? 'under' : 'just below'} ${value > 0 ? withUnit(chart, readingStep(chart, error), read.places) : '0'}`;
  return `about ${text}`;
}
