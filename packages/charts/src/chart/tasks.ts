import { answer, type DraftQuestion, defineTask, formatNumber, lettered, listing, ordinal, type ReaderNeeds, type Rng, type ScaleReading, sentenceCase } from '@absynth/core';
import {
  chartRef,
  clearExtreme,
  fromUnits,
  minus,
  pickChart,
  pointName,
  printed,
  axisReadError,
  readAnswer,
  reading,
  readValues,
  readingStep,
  roundTo,
  roundedText,
  shown,
  singleReadError,
  stated,
  toUnits,
  totals,
  visibleGap,
} from './reading.js';
import { inUnit, isRound, kindName, labelText } from './format.js';
import { regionIds } from './layout.js';
import type { Chart, ChartScene } from './scene.js';

const hasAxes = (chart: Chart) => chart.valueAxis !== null;
const seriesCharts = (chart: Chart) => !isRound(chart) && chart.kind !== 'scatter';

/** `a bar chart`, `an area chart`. */
function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Regions of every mark of series `s`. */
function seriesMarks(chart: Chart, k: number, s: number): string[] {
  return chart.categories.map((_, i) => regionIds.mark(k, s, i));
}

/** What a chart's marks are called: bars, points or slices. */
function markNoun(chart: Chart): string {
  if (isRound(chart)) return 'slices';
  if (chart.kind === 'scatter' || chart.kind.includes('line') || chart.kind === 'area') return 'points';
  return 'bars';
}

/** The category of the longest mark of a series. */
function largestMark(values: readonly number[]): number {
  return values.reduce((best, v, i) => (Math.abs(v) > Math.abs(values[best] ?? 0) ? i : best), 0);
}

/**
 * The mark of series `s` that shows its colour best: its longest bar; among points of several
 * series, the one farthest from the other series' points of its category (so that none covers it),
 * the first of equals.
 */
function showingMark(chart: Chart, s: number): number {
  const values = chart.series[s]?.values ?? [];
  if (markNoun(chart) !== 'points' || chart.series.length === 1) return largestMark(values);
  const others = chart.series.filter((_, o) => o !== s);
  const gaps = values.map((v, i) => Math.min(...others.map((o) => Math.abs(v - (o.values[i] ?? 0)))));
  return gaps.indexOf(Math.max(...gaps));
}

/**
 * How a reader reads value `value` of mark (s, i) off the drawing: a bar at its far end, a point
 * at its centre, against the value axis' tick labels; a slice by its sweep. `tolerance` is the
 * precision a stated reading claims (the reading error it was rounded within).
 */
function scaleReading(chart: Chart, k: number, mark: string, value: number, tolerance = singleReadError(chart)): ScaleReading {
  if (isRound(chart)) return { value, mark, edge: 'sweep', tolerance };
  const edge = chart.kind === 'horizontal-bar' ? (value >= 0 ? 'right' : 'left') : chart.kind.endsWith('bar') ? (value >= 0 ? 'top' : 'bottom') : 'centre';
  return { value, mark, edge, axis: regionIds.valueAxis(k), tolerance };
}

/**
 * What a reader needs to state the values of marks `points` (as `stated` writes them): nothing
 * beyond the printed labels when values are printed; else each read off the drawing, a stacked
 * segment as the difference of readings at its two ends.
 */
function valueNeeds(chart: Chart, k: number, points: readonly (readonly [number, number])[]): ReaderNeeds {
  if (printed(chart)) return {};
  if (chart.kind !== 'stacked-bar') {
    const values = points.map(([s, i]) => chart.series[s]?.values[i] ?? 0);
    // A value that reads as 0 is stated as "under <one reading step>".
    const under = values.some((v) => v !== 0 && reading(chart, v).value === 0) ? [readingStep(chart)] : [];
    return { readings: points.map(([s, i], j) => scaleReading(chart, k, regionIds.mark(k, s, i), values[j] ?? 0)), derived: under };
  }
  const readings: ScaleReading[] = [];
  const derived: number[] = [];
  for (const [s, i] of points) {
    const below = chart.series.slice(0, s).reduce((sum, series) => sum + (series.values[i] ?? 0), 0);
    const value = chart.series[s]?.values[i] ?? 0;
    const mark = regionIds.mark(k, s, i);
    const end = axisReadError(chart);
    readings.push({ value: below + value, mark, edge: 'top', axis: regionIds.valueAxis(k), tolerance: end }, { value: below, mark, edge: 'bottom', axis: regionIds.valueAxis(k), tolerance: end });
    derived.push(reading(chart, value).value);
    // A segment that reads as 0 is stated as "under <one reading step>", as in other charts.
    if (value !== 0 && reading(chart, value).value === 0) derived.push(readingStep(chart));
  }
  return { readings, derived };
}

/** The needs of stacked totals (never printed): each read at the top of its whole bar. */
function totalNeeds(chart: Chart, k: number, categories: readonly number[]): ReaderNeeds {
  const sums = totals(chart);
  const error = axisReadError(chart);
  // A total that reads as 0 is stated as "under <one reading step>".
  const under = categories.some((i) => (sums[i] ?? 0) !== 0 && reading(chart, sums[i] ?? 0, error, true).value === 0) ? [readingStep(chart, error)] : [];
  return {
    derived: [...under, ...(printed(chart) ? categories.map((i) => sums[i] ?? 0) : [])],
    readings: categories.map((i) => ({ value: sums[i] ?? 0, mark: regionIds.stack(k, i), edge: 'top' as const, axis: regionIds.valueAxis(k), tolerance: error })),
  };
}

/** Needs joined: every list concatenated. */
function join(...parts: ReaderNeeds[]): ReaderNeeds {
  const out: { texts?: string[]; tallies?: { class: string; count: number }[]; readings?: ScaleReading[]; derived?: number[]; colours?: NonNullable<ReaderNeeds['colours']>[number][] } = {};
  let counts: string | undefined;
  let extreme: ReaderNeeds['extreme'];
  for (const part of parts) {
    if (part.texts) out.texts = [...(out.texts ?? []), ...part.texts];
    if (part.tallies) out.tallies = [...(out.tallies ?? []), ...part.tallies];
    if (part.readings) out.readings = [...(out.readings ?? []), ...part.readings];
    if (part.derived) out.derived = [...(out.derived ?? []), ...part.derived];
    if (part.colours) out.colours = [...(out.colours ?? []), ...part.colours];
    counts = part.counts ?? counts;
    extreme = part.extreme ?? extreme;
  }
  return { ...out, ...(counts === undefined ? {} : { counts }), ...(extreme === undefined ? {} : { extreme }) };
}

/** The title above a chart. */
export const titleTask = defineTask({
  id: 'chart-title',
  kind: 'ocr',
  summary: 'The title written above a chart.',
  ask(scene: ChartScene, rng) {
    const k = rng.int(0, scene.charts.length - 1);
    const chart = scene.charts[k] as Chart;
    const which = scene.charts.length === 1 ? 'the chart' : chartRef(scene, k).replace(/ \(titled.*\)$/, '');
    return {
      question: [`What is the title of ${which}?`, `Read the title written above ${which}.`],
      answer: answer.text(chart.title),
      rationale: [`The bold line above ${which} reads "${chart.title}".`],
      regions: [regionIds.title(k)],
      needs: { texts: [regionIds.titleText(k)] },
    };
  },
});

/** The title of an axis. */
export const axisTitleTask = defineTask({
  id: 'axis-title',
  kind: 'ocr',
  summary: 'The title of the vertical or horizontal axis of a chart with axes.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, hasAxes);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const horizontalValues = chart.kind === 'horizontal-bar';
    const vertical = rng.bool(0.5);
    const valueAxis = vertical !== horizontalValues;
    const title = valueAxis ? chart.valueAxis?.title : chart.kind === 'scatter' ? chart.scatter?.axis.title : chart.categoryTitle;
    if (title === undefined || title === null) return undefined;
    const axis = vertical ? 'vertical' : 'horizontal';
    return {
      question: [`What is the title of the ${axis} axis of ${chartRef(scene, k)}?`, `Which label is written along the ${axis} axis of ${chartRef(scene, k)}?`],
      answer: answer.text(title),
      rationale: [`The ${axis} axis of ${chartRef(scene, k)} is titled "${title}".`],
      regions: [valueAxis ? regionIds.valueAxis(k) : regionIds.categoryAxis(k)],
      needs: { texts: [regionIds.axisTitle(valueAxis ? regionIds.valueAxis(k) : regionIds.categoryAxis(k))] },
    };
  },
});

/** The text of a legend entry, by position. */
export const legendTask = defineTask({
  id: 'legend-entry',
  kind: 'ocr',
  summary: 'The text of a legend entry given by its position in the legend.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.style.legend !== 'none');
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const entries = isRound(chart) ? chart.categories : chart.series.map((s) => s.label);
    const i = rng.int(0, entries.length - 1);
    const vertical = chart.style.legend === 'left' || chart.style.legend === 'right';
    const order = vertical ? 'from the top' : 'in reading order (left to right, then down)';
    return {
      question: [
        `What does the ${ordinal(i + 1)} entry of the legend of ${chartRef(scene, k)} say, counting ${order}?`,
        `Read the ${ordinal(i + 1)} legend entry of ${chartRef(scene, k)}, counting ${order}.`,
      ],
      answer: answer.text(entries[i] ?? ''),
      rationale: [`The legend of ${chartRef(scene, k)} lists ${listing(entries.map((e) => `"${e}"`))}; entry ${i + 1} is "${entries[i]}".`],
      regions: [regionIds.legendItem(k, i)],
      needs: { texts: [regionIds.legendText(k, i)], derived: [i + 1] },
    };
  },
});

/** `countries`, `cities`, `teams`: the plural of a category noun. */
function plural(noun: string): string {
  if (/(?:[^aeiou])y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

/** A measure inside a sentence: capitalised words lower-cased, acronyms and symbols kept (`CO₂ emissions`, `share of GDP`). */
export function inSentence(measure: string): string {
  return measure
    .split(' ')
    .map((word) => (/^[A-Z][a-z]*$/.test(word) && !/^[A-Z]$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

/** What a chart measures, in words: `urban population in percent`, `influenza cases per 100,000 people`, `wins` (never `wins in wins`). */
export function measurePhrase(chart: Pick<Chart, 'measure' | 'unitName' | 'unit'>): string {
  const measure = inSentence(chart.measure);
  const unit = chart.unitName.trim();
  // Plain counts say nothing by their unit ("asteroids discovered in count", "doctorates in people").
  if (unit === '' || /^(?:count|number|people|persons)$/i.test(unit) || measure.toLowerCase().includes(unit.toLowerCase())) return measure;
  // A bare scale word is plural after "in" ("in thousands", not "in thousand").
  if (/^(?:thousand|million|billion|trillion|hundred)$/i.test(unit)) return `${measure} in ${unit.toLowerCase()}s`;
  // A unit with a number in it is said as the axis prints it ("per 100k", not "per 100,000 people"), or not at all.
  if (/\d/.test(unit) && chart.unit === '') return measure;
  if (/\d/.test(unit)) return /^per\b/i.test(chart.unit) ? `${measure} ${chart.unit}` : `${measure} in ${chart.unit}`;
  return /^per\b/i.test(unit) ? `${measure} ${unit}` : `${measure} in ${unit}`;
}

/**
 * The largest or smallest of `values` as a reader can tell it: the one mark with a visible lead
 * (`clearExtreme`), else every mark within a visible gap of it, named together when they are few.
 */
function extremePhrase(chart: Chart, k: number, marks: readonly CaptionMark[], which: 'highest' | 'lowest', noun: string): { text: string; needs: ReaderNeeds } {
  const word = which === 'highest' ? 'largest' : 'smallest';
  const values = marks.map((m) => m.v);
  const best = clearExtreme(chart, values, which);
  const stacked = chart.kind === 'stacked-bar';
  // A stacked bar's total is not printed (only its segments are): it is read at the bar's top.
  const totalsRead = stacked && printed(chart);
  const say = (v: number) => (totalsRead ? stated(chart, v, axisReadError(chart), true) : stated(chart, v));
  const needsOf = (m: CaptionMark): ReaderNeeds => (stacked ? totalNeeds(chart, k, [m.i]) : valueNeeds(chart, k, [[m.s, m.i]]));
  if (best !== undefined) {
    const mark = marks[best] as CaptionMark;
    return { text: `the ${word} ${noun} is ${say(mark.v)} (${mark.name})`, needs: needsOf(mark) };
  }
  const sign = which === 'highest' ? 1 : -1;
  const top = Math.max(...values.map((v) => sign * v)) * sign;
  // Printed values tie exactly, and the tied marks can be named; read ones only come close.
  const close = marks.filter((m) => m.v === top);
  const needs = needsOf(close[0] as CaptionMark);
  if (printed(chart) && !totalsRead && close.length <= 3) return { text: `the ${word} ${noun}, ${say(top)}, is shared by ${listing(close.map((m) => m.name))}`, needs };
  return { text: `the ${word} ${noun}s are ${say(top)}`, needs };
}

/** A mark a caption may name: its value, its name, its series and category. */
interface CaptionMark {
  v: number;
  name: string;
  s: number;
  i: number;
}

/**
 * A deterministic description of every chart: type, title, what it shows and its extremes, with
 * values as printed or as readings rounded to the drawn scale (`about 60%`), a single largest or
 * smallest named only when it leads visibly.
 */
export function describeCharts(scene: ChartScene): string {
  return captionOf(scene).text;
}

/** The caption of {@link describeCharts}, with what a reader needs to write it. */
function captionOf(scene: ChartScene): { text: string; needs: ReaderNeeds } {
  const count = scene.charts.length;
  const intro = count === 1 ? '' : `The image shows ${count} charts. `;
  const needs: ReaderNeeds[] = count === 1 ? [] : [{ tallies: [{ class: 'chart', count }] }];
  const text =
    intro +
    scene.charts
      .map((chart, k) => {
        const name = count === 1 ? `The image shows ${article(kindName(chart))}` : `The ${ordinal(k + 1)} is ${article(kindName(chart))}`;
        const head = `${name} titled "${chart.title}"`;
        needs.push({ texts: [regionIds.titleText(k)] });
        if (chart.kind === 'scatter') {
          needs.push({ tallies: [{ class: `c${k + 1}-point`, count: chart.categories.length }] });
          return `${head}, plotting ${inSentence(chart.measure)} against ${inSentence(chart.scatter?.measure ?? '')} for ${chart.categories.length} ${plural(chart.categoryNoun)}.`;
        }
        const stackedTotals = chart.kind === 'stacked-bar';
        const marks: CaptionMark[] = stackedTotals
          ? totals(chart).map((v, i) => ({ v, name: chart.categories[i] ?? '', s: 0, i }))
          : chart.series.flatMap((s, si) => s.values.map((v, i) => ({ v, name: pointName(chart, si, i), s: si, i })));
        if (isRound(chart)) needs.push({ tallies: [{ class: chart.style.legend === 'none' ? `c${k + 1}-slice` : `c${k + 1}-legend-item`, count: chart.categories.length }] });
        const what = isRound(chart)
          ? `showing the ${inSentence(chart.measure)} of ${chart.categories.length} ${chart.categoryNoun} categories: ${listing(chart.categories)}`
          : `showing ${measurePhrase(chart)} by ${chart.categoryNoun} from ${chart.categories[0]} to ${chart.categories.at(-1)}` +
            (chart.series.length > 1 ? ` for ${listing(chart.series.map((s) => s.label))}` : '');
        const noun = stackedTotals ? 'total' : 'value';
        const highest = extremePhrase(chart, k, marks, 'highest', noun);
        const lowest = extremePhrase(chart, k, marks, 'lowest', noun);
        needs.push(highest.needs, lowest.needs);
        return `${head}, ${what}. ${sentenceCase(highest.text)} and ${lowest.text}.`;
      })
      .join(' ');
  // A unit that ends in a full stop (`m w.e.`) ends its sentence with it.
  return { text: text.replace(/\.\.( |$)/g, '.$1'), needs: join(...needs) };
}

/** The caption of the image, scored with ROUGE-L. */
export const captionTask = defineTask({
  id: 'caption',
  kind: 'caption',
  summary:
    'A description naming each chart type, title, series and extremes: values as printed, or read off the axis and rounded to what it supports ("about 60%"); a single largest or smallest named only when it leads visibly.',
  ask(scene: ChartScene) {
    const caption = captionOf(scene);
    return {
      question: ['Describe the image in a short paragraph: the chart type, title, what it shows and its extreme values.', 'Write a caption for this image naming each chart, its series and its largest and smallest values.'],
      answer: answer.caption(caption.text),
      rationale: scene.charts.map((chart) => `${sentenceCase(article(kindName(chart)))} titled "${chart.title}", ${chart.series.length === 1 ? 'one series' : `series ${listing(chart.series.map((s) => s.label))}`}.`),
      needs: caption.needs,
    };
  },
});

/** How many bars, points, slices, series or charts. */
export const countTask = defineTask({
  id: 'count',
  kind: 'perception',
  summary:
    'How many bars, points or slices a chart has as drawn (a stacked bar counts once, its segments only when asked for segments; marks of zero length are not drawn, and no mark is too short to see; lines, not points, for multi-line charts), how many series (lines, bar colours) it compares, or how many charts the image holds.',
  ask(scene: ChartScene, rng) {
    const { chart, k } = pickChart(scene, rng) ?? { chart: scene.charts[0] as Chart, k: 0 };
    const what = rng.pick(scene.charts.length > 1 ? (['marks', 'series', 'charts'] as const) : (['marks', 'series'] as const));
    if (what === 'charts') {
      return {
        question: ['How many charts does the image show?', 'Count the charts in the image.'],
        answer: answer.integer(scene.charts.length),
        rationale: [`Each chart has its own title: ${listing(scene.charts.map((c) => `"${c.title}"`))}, so ${scene.charts.length} charts.`],
        regions: scene.charts.map((_, i) => regionIds.chart(i)),
        needs: { counts: 'chart', texts: scene.charts.map((_, i) => regionIds.titleText(i)) },
      };
    }
    // Points of several lines can sit on top of each other, so a multi-line chart is counted by its lines.
    if ((what === 'series' && chart.series.length > 1) || chart.kind === 'multi-line') {
      const noun = chart.kind === 'multi-line' ? 'lines' : 'series (bar colours)';
      return {
        question: [`How many ${noun} does ${chartRef(scene, k)} show?`, `Count the ${noun} in ${chartRef(scene, k)}.`],
        answer: answer.integer(chart.series.length),
        rationale: [`The legend lists ${listing(chart.series.map((s) => `${s.label} (${s.colour.name})`))}: ${chart.series.length} series.`],
        regions: [regionIds.legend(k)],
        needs: { counts: `c${k + 1}-legend-item` },
      };
    }
    const segments = chart.kind === 'stacked-bar' && rng.bool(0.5);
    const counted = drawnMarks(chart, segments);
    if (counted === undefined) return undefined;
    const noun = segments ? 'bar segments' : markNoun(chart);
    const count = counted.length;
    const how = segments
      ? `${chart.categories.length} stacked bars, each split into up to ${chart.series.length} coloured segments: ${count} segments`
      : chart.kind === 'stacked-bar'
        ? `one stacked bar per ${chart.categoryNoun}, whatever its segments: ${count}`
        : chart.series.length > 1
          ? `${chart.categories.length} ${chart.categoryNoun} groups × ${chart.series.length} series${count < chart.categories.length * chart.series.length ? `, less ${chart.categories.length * chart.series.length - count} of zero length` : ''} = ${count}`
          : `${count}`;
    return {
      question: [`How many ${noun} does ${chartRef(scene, k)} have?`, `Count the ${noun} in ${chartRef(scene, k)}.`],
      answer: answer.integer(count),
      rationale: [`Counting the ${noun} of ${chartRef(scene, k)}: ${how}.`],
      needs: {
        counts: `c${k + 1}-${segments ? 'segment' : markNoun(chart).slice(0, -1)}`,
        // The groups and series a count is split into, and what is left out, are counted off the axis and the legend.
        derived: [chart.categories.length, chart.series.length, chart.categories.length * chart.series.length - count],
      },
      regions: counted.flatMap(([s, i]) => (segments || chart.kind !== 'stacked-bar' ? [regionIds.mark(k, s, i)] : chart.series.map((_, si) => regionIds.mark(k, si, i)))),
    };
  },
});

/**
 * The marks a reader counts, as `[series, category]`: every point; every bar, slice or stacked
 * bar (or, with `segments`, every segment) of non-zero length, a stacked bar by its first series.
 * `undefined` when a mark is so short (under 1% of the axis or of the circle) that a reader might
 * miss it.
 */
export function drawnMarks(chart: Chart, segments = false): [number, number][] | undefined {
  const all = chart.series.flatMap((s, si) => s.values.map((v, i): [number, number, number] => [si, i, v]));
  if (markNoun(chart) === 'points') return all.map(([s, i]) => [s, i]);
  const span = isRound(chart) ? 100 : (chart.valueAxis?.max ?? 1) - (chart.valueAxis?.min ?? 0);
  const lengths: [number, number, number][] =
    chart.kind === 'stacked-bar' && !segments ? totals(chart).map((v, i) => [0, i, v]) : all;
  if (lengths.some(([, , v]) => v !== 0 && Math.abs(v) < 0.01 * span)) return undefined;
  return lengths.filter(([, , v]) => v !== 0).map(([s, i]) => [s, i]);
}

/** A series or slice with its colour and the mark that shows it. */
interface ColourEntry {
  label: string;
  colour: string;
  hex: string;
  region: string;
}

/** A named colour, checked at its mark against every other mark of the chart. */
function colourNeed(chart: Chart, k: number, entry: ColourEntry): NonNullable<ReaderNeeds['colours']>[number] {
  // A slice's box holds its neighbours too: its colour is checked at its core, against the other cores.
  if (isRound(chart)) return { name: entry.colour, hex: entry.hex, region: regionIds.core(entry.region), among: `c${k + 1}-core` };
  return { name: entry.colour, hex: entry.hex, region: entry.region, among: `c${k + 1}-mark` };
}

/** Which colour stands for a series or slice, or which series a colour stands for. */
export const colourTask = defineTask({
  id: 'colour',
  kind: 'colour',
  summary:
    'The colour of a series, slice or the bars, or the series or slice drawn in a named colour; the colours of a chart are far apart and never two a reader could confuse (teal and cyan, green and olive green).',
  ask(scene: ChartScene, rng) {
    const { chart, k } = pickChart(scene, rng) ?? { chart: scene.charts[0] as Chart, k: 0 };
    const entries: ColourEntry[] = isRound(chart)
      ? chart.categories.map((label, i) => ({ label, colour: chart.sliceColours[i]?.name ?? '', hex: chart.sliceColours[i]?.hex ?? '', region: regionIds.mark(k, 0, i) }))
      : chart.series.map((s, si) => ({ label: s.label, colour: s.colour.name, hex: s.colour.hex, region: regionIds.mark(k, si, showingMark(chart, si)) }));
    if (entries.length === 1) {
      const noun = markNoun(chart);
      return {
        question: [`What colour are the ${noun} of ${chartRef(scene, k)}?`, `In which colour are the ${noun} of ${chartRef(scene, k)} drawn?`],
        answer: answer.text(entries[0]?.colour ?? ''),
        rationale: [`Every ${noun.slice(0, -1)} of ${chartRef(scene, k)} is ${entries[0]?.colour}.`],
        regions: [entries[0]?.region ?? regionIds.chart(k)],
        needs: { colours: [colourNeed(chart, k, entries[0] as ColourEntry)] },
      };
    }
    const entry = rng.pick(entries);
    const what = isRound(chart) ? 'slice' : 'series';
    const legend = `The legend pairs ${listing(entries.map((e) => `${e.label} with ${e.colour}`))}.`;
    if (rng.bool(0.5)) {
      return {
        question: [`Which colour represents ${entry.label} in ${chartRef(scene, k)}?`, `In ${chartRef(scene, k)}, what colour is used for ${entry.label}?`],
        answer: answer.text(entry.colour),
        rationale: [legend, `So ${entry.label} is ${entry.colour}.`],
        regions: [entry.region, regionIds.legend(k)],
        needs: { colours: [colourNeed(chart, k, entry)] },
      };
    }
    return {
      question: [`Which ${what} of ${chartRef(scene, k)} is drawn in ${entry.colour}?`, `In ${chartRef(scene, k)}, what does the ${entry.colour} ${what} stand for?`],
      answer: answer.text(entry.label),
      rationale: [legend, `So ${entry.colour} stands for ${entry.label}.`],
      regions: [entry.region, regionIds.legend(k)],
      needs: { colours: [colourNeed(chart, k, entry)] },
    };
  },
});

/** The value of one bar, point or slice. */
export const valueTask = defineTask({
  id: 'value',
  kind: 'data-extraction',
  summary: 'The value of a category (in a series): exact to its printed decimals when printed, else within 5% and asked only where the gridlines allow that.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.kind !== 'scatter');
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const s = rng.int(0, chart.series.length - 1);
    const i = rng.int(0, chart.categories.length - 1);
    const value = chart.series[s]?.values[i] ?? 0;
    const result = readAnswer(chart, [value], ([v]) => v ?? 0);
    if (result === undefined) return undefined;
    const subject = isRound(chart) ? `the share of ${chart.categories[i]}` : `the value for ${pointName(chart, s, i)}`;
    return {
      question: [`In ${chartRef(scene, k)}, what is ${subject}${inUnit(chart)}?`, `What does ${chartRef(scene, k)} show for ${pointName(chart, s, i)}${inUnit(chart)}?`],
      answer: result,
      rationale: [readValues(chart, [[s, i]])],
      regions: [regionIds.mark(k, s, i)],
      needs: valueNeeds(chart, k, [[s, i]]),
    };
  },
});

/** Which category has the highest or lowest value, asked only when it leads by a visible gap. */
export const extremeTask = defineTask({
  id: 'extreme',
  kind: 'data-extraction',
  summary: 'Which category has the highest or lowest value (of a series, of the stacked totals, or of the slices), asked only when it leads by a visible gap.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.kind !== 'scatter');
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const which = rng.pick(['highest', 'lowest'] as const);
    const stackedTotal = chart.kind === 'stacked-bar' && rng.bool(0.5);
    const s = rng.int(0, chart.series.length - 1);
    const values = stackedTotal ? totals(chart) : (chart.series[s]?.values ?? []);
    const best = clearExtreme(chart, values, which);
    if (best === undefined) return undefined;
    const of = stackedTotal ? ' in total (all segments of its bar together)' : chart.series.length > 1 ? ` for ${chart.series[s]?.label}` : '';
    const noun = chart.categoryNoun;
    const sorted = values.map((v, i) => ({ v, i })).sort((a, b) => (which === 'highest' ? b.v - a.v : a.v - b.v));
    const runnerUp = sorted[1];
    return {
      question: [`In ${chartRef(scene, k)}, which ${noun} has the ${which} value${of}?`, `Which ${noun} shows the ${which} value${of} in ${chartRef(scene, k)}? Answer with its label.`],
      answer: answer.text(chart.categories[best] ?? ''),
      rationale: [
        `${printed(chart) ? (stackedTotal ? 'Adding the printed segments of each bar gives' : 'The printed values are') : stackedTotal ? 'Read at the top of each bar, the totals are' : 'Read against the axis, the values are'} ${listing(values.map((v, i) => `${chart.categories[i]} ${stated(chart, v)}`))}.`,
        `The ${which} is ${chart.categories[best]} with ${stated(chart, values[best] ?? 0)}, clearly ${which === 'highest' ? 'above' : 'below'} ${chart.categories[runnerUp?.i ?? 0]} with ${stated(chart, runnerUp?.v ?? 0)}.`,
      ],
      regions: stackedTotal ? chart.series.map((_, si) => regionIds.mark(k, si, best)) : [regionIds.mark(k, s, best)],
      needs: join(
        stackedTotal ? totalNeeds(chart, k, values.map((_, i) => i)) : valueNeeds(chart, k, values.map((_, i) => [s, i] as const)),
        // Printed values (and totals added from them) are compared exactly; a stacked segment is not read at one edge.
        printed(chart) || (chart.kind === 'stacked-bar' && !stackedTotal)
          ? {}
          : {
              extreme: {
                which,
                readings: [best, ...values.map((_, i) => i).filter((i) => i !== best)].map((i) =>
                  stackedTotal
                    ? { value: values[i] ?? 0, mark: regionIds.stack(k, i), edge: 'top' as const, axis: regionIds.valueAxis(k), tolerance: axisReadError(chart) }
                    : scaleReading(chart, k, regionIds.mark(k, s, i), values[i] ?? 0),
                ),
              },
            },
      ),
    };
  },
});

/** The difference between two categories of a series. */
export const differenceTask = defineTask({
  id: 'difference',
  kind: 'math-reasoning',
  summary: 'How much larger one category is than another in the same series, in percentage points for percentages (exact when printed, else within 5% when readable).',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, seriesCharts);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const s = rng.int(0, chart.series.length - 1);
    const [x = 0, y = 1] = rng.sample(
      chart.categories.map((_, i) => i),
      2,
    );
    const values = chart.series[s]?.values ?? [];
    const [hi, lo] = (values[x] ?? 0) >= (values[y] ?? 0) ? [x, y] : [y, x];
    const a = values[hi] ?? 0;
    const b = values[lo] ?? 0;
    const diff = fromUnits(chart, toUnits(chart, a) - toUnits(chart, b));
    if (diff === 0) return undefined;
    // A difference of two percentages is in percentage points, not percent.
    const points = chart.unit === '%';
    const result = readAnswer(chart, [a, b], ([p = 0, q = 0]) => (printed(chart) ? diff : p - q), points ? { unit: 'percentage points' } : {});
    if (result === undefined) return undefined;
    const inPoints = points ? ' in percentage points' : inUnit(chart);
    // Unprinted values are worked with as read (rounded to the drawn scale); the answer's tolerance covers the rest.
    const [ra, rb] = [shown(chart, a), shown(chart, b)];
    const rdiff = fromUnits(chart, toUnits(chart, ra) - toUnits(chart, rb));
    return {
      question: [
        `In ${chartRef(scene, k)}, how much higher is the value for ${pointName(chart, s, hi)} than for ${pointName(chart, s, lo)}${inPoints}?`,
        `What is the difference between ${pointName(chart, s, hi)} and ${pointName(chart, s, lo)} in ${chartRef(scene, k)}${inPoints}?`,
      ],
      answer: result,
      rationale: [readValues(chart, [[s, hi], [s, lo]]), `${minus(chart, ra, rb)} ${printed(chart) ? '=' : '≈'} ${formatNumber(rdiff, chart.decimals)}${points ? ' percentage points' : ''}.`],
      regions: [regionIds.mark(k, s, hi), regionIds.mark(k, s, lo)],
      needs: join(valueNeeds(chart, k, [[s, hi], [s, lo]]), { derived: [ra, rb, rdiff] }),
    };
  },
});

/** The sum or average of a series. */
export const totalTask = defineTask({
  id: 'sum-average',
  kind: 'math-reasoning',
  summary: 'The sum or the average of a series (exact, or 1% for averages, when printed; else within 5% when readable).',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, seriesCharts);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const s = rng.int(0, chart.series.length - 1);
    const values = chart.series[s]?.values ?? [];
    const sum = fromUnits(chart, values.reduce((total, v) => total + toUnits(chart, v), 0));
    // Unprinted values are summed as read (rounded to the drawn scale); the answer's tolerance covers the rest.
    const read = values.map((v) => shown(chart, v));
    const readSum = fromUnits(chart, read.reduce((total, v) => total + toUnits(chart, v), 0));
    const terms = `${read.map((v) => formatNumber(v, chart.decimals)).join(' + ')} ${printed(chart) ? '=' : '≈'} ${formatNumber(readSum, chart.decimals)}`;
    const needs = join(
      valueNeeds(
        chart,
        k,
        values.map((_, i) => [s, i] as const),
      ),
      { derived: [...read, readSum, values.length] },
    );
    const of = chart.series.length > 1 ? `${chart.series[s]?.label}'s values` : 'all values';
    const listed = readValues(
      chart,
      values.map((_, i) => [s, i]),
    );
    const regions = seriesMarks(chart, k, s);
    if (rng.bool(0.5)) {
      const result = readAnswer(chart, values, (vs) => (printed(chart) ? sum : vs.reduce((p, q) => p + q, 0)));
      if (result === undefined) return undefined;
      return {
        question: [`What is the sum of ${of} in ${chartRef(scene, k)}${inUnit(chart)}?`, `Add up ${of} shown in ${chartRef(scene, k)}. What is the total${inUnit(chart)}?`],
        answer: result,
        rationale: [listed, `${terms}.`],
        regions,
        needs,
      };
    }
    const precision = chart.decimals + 1;
    const mean = sum / values.length;
    const readMean = readSum / values.length;
    const result = readAnswer(chart, values, (vs) => (printed(chart) ? mean : vs.reduce((p, q) => p + q, 0) / vs.length), { precision, tolerance: 0.01 });
    if (result === undefined) return undefined;
    return {
      question: [
        `What is the average of ${of} in ${chartRef(scene, k)}${inUnit(chart)}? Round to ${precision} decimal place${precision === 1 ? '' : 's'}.`,
        `Compute the mean of ${of} in ${chartRef(scene, k)}${inUnit(chart)}, to ${precision} decimal place${precision === 1 ? '' : 's'}.`,
      ],
      answer: result,
      rationale: [listed, `${terms}.`, `${formatNumber(readSum, chart.decimals)} ÷ ${values.length} ${printed(chart) ? '=' : '≈'} ${roundedText(readMean, precision)}.`],
      regions,
      needs: join(needs, { derived: [precision, readMean] }),
    };
  },
});

/** The ratio of two values or the percentage change from one to another. */
export const ratioTask = defineTask({
  id: 'ratio-change',
  kind: 'math-reasoning',
  summary: 'The ratio of two values (2 decimals) or the percentage change from one category to a later one (1 decimal); 1% when printed, else 5% when readable.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, seriesCharts);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const s = rng.int(0, chart.series.length - 1);
    const [x = 0, y = 1] = rng.sample(
      chart.categories.map((_, i) => i),
      2,
    );
    const [from, to] = x < y ? [x, y] : [y, x];
    const values = chart.series[s]?.values ?? [];
    const a = values[from] ?? 0;
    const b = values[to] ?? 0;
    if (a <= 0 || b <= 0) return undefined;
    const regions = [regionIds.mark(k, s, from), regionIds.mark(k, s, to)];
    // Unprinted values are divided as read (rounded to the drawn scale); the answer's tolerance covers the rest.
    const [ra, rb] = [shown(chart, a), shown(chart, b)];
    const [sa, sb] = [formatNumber(ra, chart.decimals), formatNumber(rb, chart.decimals)];
    const is = printed(chart) ? '=' : '≈';
    if (ra <= 0) return undefined;
    if (rng.bool(0.5)) {
      const result = readAnswer(chart, [a, b], ([p = 1, q = 0]) => q / p, { precision: 2, tolerance: 0.01, unit: '' });
      if (result === undefined) return undefined;
      return {
        question: [
          `In ${chartRef(scene, k)}, what is the value for ${pointName(chart, s, to)} divided by the value for ${pointName(chart, s, from)}? Round to 2 decimal places.`,
          `What is the ratio of ${pointName(chart, s, to)} to ${pointName(chart, s, from)} in ${chartRef(scene, k)}, to 2 decimal places?`,
        ],
        answer: result,
        rationale: [readValues(chart, [[s, to], [s, from]]), `${sb} ÷ ${sa} ${is} ${roundedText(rb / ra, 2)}.`],
        regions,
        needs: join(valueNeeds(chart, k, [[s, to], [s, from]]), { derived: [2, ra, rb, roundTo(rb / ra, 2)] }),
      };
    }
    const result = readAnswer(chart, [a, b], ([p = 1, q = 0]) => ((q - p) / p) * 100, { precision: 1, tolerance: 0.01, unit: '%' });
    if (result === undefined) return undefined;
    const change = ((rb - ra) / ra) * 100;
    return {
      question: [
        `In ${chartRef(scene, k)}, what is the percentage change from ${pointName(chart, s, from)} to ${pointName(chart, s, to)}? Round to 1 decimal place.`,
        `By what percentage does the value change from ${pointName(chart, s, from)} to ${pointName(chart, s, to)} in ${chartRef(scene, k)}? Give a negative number for a fall, to 1 decimal place.`,
      ],
      answer: result,
      rationale: [readValues(chart, [[s, from], [s, to]]), `(${sb} − ${sa}) ÷ ${sa} × 100 ${is} ${roundedText(change, 1)}%.`],
      regions,
      needs: join(valueNeeds(chart, k, [[s, from], [s, to]]), { derived: [1, 100, ra, rb, roundTo(change, 1)] }),
    };
  },
});

/** Multi-step: the category with the largest rise from the one before it. */
export const largestRiseTask = defineTask({
  id: 'largest-rise',
  kind: 'math-reasoning',
  summary: 'Along years, months or another sequence: the category with the largest rise from the one before (each rise computed, then compared), asked only when it leads by a visible gap.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => seriesCharts(chart) && chart.categoryTitle !== null && ['year', 'month', 'quarter', 'day', 'hour', 'week', 'age group'].includes(chart.categoryNoun));
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const s = rng.int(0, chart.series.length - 1);
    const values = chart.series[s]?.values ?? [];
    const rises = values.slice(1).map((v, i) => fromUnits(chart, toUnits(chart, v) - toUnits(chart, values[i] ?? 0)));
    if (Math.max(...rises) <= 0) return undefined;
    // A rise is read at both ends, so it needs twice the usual gap.
    const best = clearExtreme(chart, rises.map((r) => r / 2), 'highest');
    if (best === undefined) return undefined;
    const i = best + 1;
    const of = chart.series.length > 1 ? ` for ${chart.series[s]?.label}` : '';
    const noun = chart.categoryNoun;
    // The rationale works on the values as read (printed, or rounded to the drawn scale); their rises must single out the same winner.
    const read = values.map((v) => reading(chart, v));
    const places = read[0]?.places ?? chart.decimals;
    const readRises = read.slice(1).map((r, j) => roundTo(r.value - (read[j]?.value ?? 0), places));
    if (!((readRises[best] ?? 0) > 0) || readRises.some((r, j) => j !== best && r >= (readRises[best] ?? 0))) return undefined;
    return {
      question: [
        `In ${chartRef(scene, k)}, in which ${noun} did the value${of} rise the most compared with the ${noun} before?`,
        `Which ${noun} shows the largest increase${of} over the previous ${noun} in ${chartRef(scene, k)}?`,
      ],
      answer: answer.text(chart.categories[i] ?? ''),
      rationale: [
        `${printed(chart) ? 'The printed values are' : 'Read against the axis, the values are'} ${listing(values.map((v, j) => `${chart.categories[j]} ${stated(chart, v)}`))}.`,
        `The changes from one ${noun} to the next are ${printed(chart) ? '' : 'about '}${listing(readRises.map((r, j) => `${chart.categories[j + 1]} ${r >= 0 ? '+' : ''}${formatNumber(r, places)}`))}.`,
        `The largest rise is ${printed(chart) ? '' : 'about '}${formatNumber(readRises[best] ?? 0, places)}, into ${chart.categories[i]}.`,
      ],
      regions: [regionIds.mark(k, s, i - 1), regionIds.mark(k, s, i)],
      needs: join(
        valueNeeds(
          chart,
          k,
          values.map((_, j) => [s, j] as const),
        ),
        { derived: [...read.map((r) => r.value), ...readRises] },
      ),
    };
  },
});

/** Scatter plots: whether the points rise or fall together. */
export const correlationTask = defineTask({
  id: 'correlation',
  kind: 'reasoning',
  summary: 'Scatter plots: whether higher values of one measure go with higher values of the other, asked only when the correlation is clear (|r| ≥ 0.6).',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.kind === 'scatter');
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const xs = chart.scatter?.values ?? [];
    const ys = chart.series[0]?.values ?? [];
    const r = pearson(xs, ys);
    if (!(Math.abs(r) >= 0.6)) return undefined;
    const xName = inSentence(chart.scatter?.measure ?? '');
    const yName = inSentence(chart.measure);
    return {
      question: [
        `In ${chartRef(scene, k)}, do ${chart.categoryNoun === 'city' ? 'cities' : 'places'} with higher ${xName} tend to have higher ${yName}? Answer yes or no.`,
        `Does ${chartRef(scene, k)} show ${yName} rising as ${xName} rises? Answer yes or no.`,
      ],
      answer: answer.boolean(r > 0),
      rationale: [
        `The points run from the ${r > 0 ? 'bottom left to the top right' : 'top left to the bottom right'}, so higher ${xName} goes with ${r > 0 ? 'higher' : 'lower'} ${yName}.`,
      ],
      regions: chart.categories.map((_, i) => regionIds.mark(k, 0, i)),
      needs: { texts: [regionIds.axisTitle(regionIds.valueAxis(k)), regionIds.axisTitle(regionIds.categoryAxis(k))] },
    };
  },
});

/** Bar charts: whether the bars stand upright or lie along the chart. */
export const orientationTask = defineTask({
  id: 'bar-orientation',
  kind: 'perception',
  summary: 'Bar charts: whether the bars are vertical or horizontal.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.kind.endsWith('bar'));
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const horizontal = chart.kind === 'horizontal-bar';
    const bars = drawnMarks(chart);
    return {
      question: [`Are the bars of ${chartRef(scene, k)} vertical or horizontal?`, `Do the bars of ${chartRef(scene, k)} run vertically or horizontally? Answer vertical or horizontal.`],
      answer: horizontal ? answer.text('horizontal', ['horizontally']) : answer.text('vertical', ['vertically']),
      rationale: [
        horizontal
          ? `The ${plural(chart.categoryNoun)} are listed down the left side and each bar extends to the right, along the horizontal value axis: the bars are horizontal.`
          : `The ${plural(chart.categoryNoun)} are listed along the bottom and each bar rises from it, measured on the vertical value axis: the bars are vertical.`,
      ],
      regions: [regionIds.valueAxis(k), regionIds.categoryAxis(k)],
      // The bars are what a reader looks at; the axis title says which axis carries the values.
      needs: { texts: [regionIds.axisTitle(regionIds.valueAxis(k))], ...(bars === undefined ? {} : { tallies: [{ class: `c${k + 1}-bar`, count: bars.length }] }) },
    };
  },
});

/** The number of ticks of a numeric axis, both ends included. */
function tickCount(axis: { min: number; max: number; step: number }): number {
  return Math.round((axis.max - axis.min) / axis.step) + 1;
}

/** Charts with axes: whether gridlines cross the plot. */
export const gridlinesTask = defineTask({
  id: 'gridlines',
  kind: 'perception',
  summary: 'Charts with axes: whether gridlines cross the plot at the ticks of the value axis.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, hasAxes);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const axis = chart.valueAxis;
    if (axis === null) return undefined;
    const shown = chart.style.gridlines;
    // Scatter plots draw them at the ticks of both axes.
    const count = shown ? tickCount(axis) + (chart.scatter === null ? 0 : tickCount(chart.scatter.axis)) : 0;
    const across = chart.kind === 'horizontal-bar' ? 'vertical lines run up the plot' : 'horizontal lines run across the plot';
    return {
      question: [`Does ${chartRef(scene, k)} show gridlines? Answer yes or no.`, `Are there gridlines across the plot of ${chartRef(scene, k)}? Answer yes or no.`],
      answer: answer.boolean(shown),
      rationale: [
        shown
          ? `Thin ${across} at every labelled tick of the value axis${chart.scatter === null ? '' : ', and of the other axis too'}: yes, it has gridlines.`
          : `Apart from the axes themselves, no lines cross the plot at the ticks: no, it has no gridlines.`,
      ],
      regions: [regionIds.valueAxis(k)],
      needs: { tallies: [{ class: `c${k + 1}-gridline`, count }] },
    };
  },
});

/** Where each side of a chart a legend can sit, in the words a reader may use. */
const legendSides = {
  top: { word: 'top', aliases: ['above', 'at the top', 'above the chart', 'above the plot', 'top of the chart'] },
  bottom: { word: 'bottom', aliases: ['below', 'at the bottom', 'below the chart', 'below the plot', 'bottom of the chart'] },
  left: { word: 'left', aliases: ['on the left', 'left side', 'to the left', 'left of the chart', 'left of the plot'] },
  right: { word: 'right', aliases: ['on the right', 'right side', 'to the right', 'right of the chart', 'right of the plot'] },
} as const;

/** Charts with a legend: on which side of the plot it sits. */
export const legendPositionTask = defineTask({
  id: 'legend-position',
  kind: 'perception',
  summary: 'Charts with a legend: on which side of the plot it is placed (top, bottom, left or right).',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.style.legend !== 'none');
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const side = chart.style.legend;
    if (side === 'none') return undefined;
    const { word, aliases } = legendSides[side];
    const entries = isRound(chart) ? chart.categories : chart.series.map((s) => s.label);
    const plot = isRound(chart) ? (chart.kind === 'pie' ? 'pie' : 'doughnut') : 'plot';
    return {
      question: [
        `Where is the legend of ${chartRef(scene, k)} placed relative to the ${plot}: top, bottom, left or right?`,
        `On which side of the ${plot} is the legend of ${chartRef(scene, k)}? Answer top, bottom, left or right.`,
      ],
      answer: answer.text(word, aliases),
      rationale: [`The legend, listing ${listing(entries.map((e) => `"${e}"`))}, sits ${side === 'top' ? 'above' : side === 'bottom' ? 'below' : `to the ${side} of`} the ${plot}: ${word}.`],
      regions: [regionIds.legend(k), regionIds.chart(k)],
      needs: { texts: entries.map((_, i) => regionIds.legendText(k, i)), tallies: [{ class: `c${k + 1}-legend-item`, count: entries.length }] },
    };
  },
});

/** The middle of sorted values: the middle one, or the mean of the two middle ones. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[half] ?? 0) : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
}

/** The median of a series. */
export const medianTask = defineTask({
  id: 'median',
  kind: 'math-reasoning',
  summary: 'The median of a series: the middle value, or the mean of the two middle ones (exact when printed, else within 5% when readable).',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, seriesCharts);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const s = rng.int(0, chart.series.length - 1);
    const values = chart.series[s]?.values ?? [];
    const even = values.length % 2 === 0;
    // Readings keep the places they are read to. The mean of two middle values may end in a 5 one
    // place further: printed, it keeps it; read, it keeps it only within the chart's own decimals.
    const readPlaces = reading(chart, values[0] ?? 0).places;
    const read = values.map((v) => shown(chart, v));
    const sorted = [...read].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    const mid = median(read);
    const extra = even && roundTo(mid, readPlaces) !== mid ? 1 : 0;
    const places = printed(chart) ? chart.decimals + (even ? 1 : 0) : Math.min(chart.decimals, readPlaces + extra);
    const result = readAnswer(chart, values, median, { precision: places });
    if (result === undefined) return undefined;
    const is = printed(chart) ? '=' : '≈';
    const of = chart.series.length > 1 ? `${chart.series[s]?.label}'s values` : 'the values';
    return {
      question: [`What is the median of ${of} in ${chartRef(scene, k)}${inUnit(chart)}?`, `Find the median of ${of} shown in ${chartRef(scene, k)}${inUnit(chart)}.`],
      answer: result,
      rationale: [
        readValues(
          chart,
          values.map((_, i) => [s, i]),
        ),
        `In order: ${sorted.map((v) => formatNumber(v, readPlaces)).join(', ')}.`,
        even
          ? `With ${values.length} values the median is the mean of the ${ordinal(half)} and ${ordinal(half + 1)}: (${formatNumber(sorted[half - 1] ?? 0, readPlaces)} + ${formatNumber(sorted[half] ?? 0, readPlaces)}) ÷ 2 ${is} ${roundedText(mid, places)}.`
          : `With ${values.length} values the median is the ${ordinal(half + 1)}: ${formatNumber(mid, readPlaces)}.`,
      ],
      regions: seriesMarks(chart, k, s),
      needs: join(
        valueNeeds(
          chart,
          k,
          values.map((_, i) => [s, i] as const),
        ),
        { derived: [...read, roundTo(mid, places), values.length, 2] },
      ),
    };
  },
});

/** Charts with printed values: which category a given printed value belongs to. */
export const valueCategoryTask = defineTask({
  id: 'value-category',
  kind: 'data-extraction',
  summary: 'Charts that print their values: which category (or slice) has a given value, asked only when that value is printed once in the chart.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => printed(chart) && chart.kind !== 'scatter');
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    const labels = chart.series.flatMap((series) => series.values.map((v) => labelText(chart, v)));
    const once = chart.series.flatMap((series, s) => series.values.flatMap((v, i) => (labels.filter((l) => l === labelText(chart, v)).length === 1 ? [[s, i] as const] : [])));
    if (once.length === 0) return undefined;
    const [s, i] = rng.pick(once);
    const value = labelText(chart, chart.series[s]?.values[i] ?? 0);
    const noun = isRound(chart) ? 'slice' : chart.categoryNoun;
    const of = chart.series.length > 1 ? ` (in which series)` : '';
    const category = chart.categories[i] ?? '';
    const series = chart.series[s]?.label ?? '';
    return {
      question: [`In ${chartRef(scene, k)}, which ${noun}${of} has the value ${value}?`, `Which ${noun}${of} is labelled ${value} in ${chartRef(scene, k)}?`],
      answer: chart.series.length > 1 ? answer.text(`${category}, ${series}`, [`${series}, ${category}`, `${series} in ${category}`, `${category} (${series})`]) : answer.text(category),
      rationale: [`The value ${value} is printed once, at ${chart.series.length > 1 ? `the ${series} mark of ${category}` : `the mark of ${category}`}.`],
      regions: [regionIds.mark(k, s, i)],
      needs: {},
    };
  },
});

/** The sign of each difference of two series, when every one is visible; `undefined` when two values are too close to tell which is higher. */
function leads(chart: Chart, a: readonly number[], b: readonly number[]): number[] | undefined {
  const gap = visibleGap(chart);
  const signs = a.map((v, i) => {
    const d = fromUnits(chart, toUnits(chart, v) - toUnits(chart, b[i] ?? 0));
    return Math.abs(d) >= gap - 1e-9 ? Math.sign(d) : 0;
  });
  return signs.includes(0) ? undefined : signs;
}

/** Multi-line charts: whether two lines cross, how often, and between which categories. */
export const linesCrossTask = defineTask({
  id: 'lines-cross',
  kind: 'reasoning',
  summary:
    'Charts with several lines: whether the lines of two series cross, how many times, or between which two neighbouring categories, asked only when at every category one line is visibly above the other.',
  ask(scene: ChartScene, rng) {
    const picked = pickChart(scene, rng, (chart) => chart.kind === 'multi-line' && chart.series.length >= 2);
    if (picked === undefined) return undefined;
    const { chart, k } = picked;
    // Every pair of lines that is visibly apart at every category; pairs that cross are picked half the time when there are some, so "no" is not the answer nearly always.
    const pairs = chart.series.flatMap((a, p) =>
      chart.series.flatMap((b, q) => {
        if (q <= p) return [];
        const signs = leads(chart, a.values, b.values);
        if (signs === undefined) return [];
        const first = rng.bool(0.5);
        return [{ p: first ? p : q, q: first ? q : p, signs: first ? signs : signs.map((sign) => -sign) }];
      }),
    );
    const crossing = pairs.filter((pair) => pair.signs.some((sign) => sign !== pair.signs[0]));
    const parallel = pairs.filter((pair) => !crossing.includes(pair));
    if (pairs.length === 0) return undefined;
    const { p, q, signs } = rng.pick(crossing.length > 0 && (parallel.length === 0 || rng.bool(0.5)) ? crossing : parallel);
    const [a, b] = [chart.series[p], chart.series[q]];
    if (a === undefined || b === undefined) return undefined;
    const crossings = signs.slice(1).flatMap((sign, i) => (sign !== signs[i] ? [i] : []));
    const pair = (i: number) => `${chart.categories[i]} and ${chart.categories[i + 1]}`;
    const above = (i: number) => ((signs[i] ?? 0) > 0 ? a.label : b.label);
    const runs = signs
      .map((_, i) => i)
      .filter((i) => i === 0 || signs[i] !== signs[i - 1])
      .map((start, r, starts) => {
        const end = (starts[r + 1] ?? signs.length) - 1;
        return `${above(start)} is above ${start === end ? `at ${chart.categories[start]}` : `from ${chart.categories[start]} to ${chart.categories[end]}`}`;
      });
    const lines = `the ${a.label} and ${b.label} lines`;
    const steps = [
      `${sentenceCase(readValues(chart, chart.categories.map((_, i) => [p, i])).replace(/\.$/, ''))}; ${readValues(chart, chart.categories.map((_, i) => [q, i])).replace(/^The printed values are |^Read against the axis, the values are about /, 'and ')}`,
      `At every ${chart.categoryNoun} one line is clearly above the other: ${runs.join(', then ')}.`,
    ];
    const needs = join(valueNeeds(chart, k, chart.categories.flatMap((_, i) => [[p, i] as const, [q, i] as const])), { derived: [crossings.length] });
    const regions = [...seriesMarks(chart, k, p), ...seriesMarks(chart, k, q)];
    const form = crossings.length === 1 && chart.categories.length >= 5 ? rng.pick(['yes-no', 'count', 'where'] as const) : crossings.length > 0 ? rng.pick(['yes-no', 'count'] as const) : 'yes-no';
    if (form === 'where') {
      const right = crossings[0] ?? 0;
      const others = rng.sample(
        chart.categories.slice(1).map((_, i) => i).filter((i) => i !== right),
        3,
      );
      const choice = lettered(rng.shuffle([right, ...others]).map(pair), pair(right));
      return {
        question: [`Between which two neighbouring ${plural(chart.categoryNoun)} do ${lines} of ${chartRef(scene, k)} cross? Choose one: ${choice.listed}.`],
        answer: choice.answer,
        rationale: [...steps, `The lines change places once, between ${pair(right)}.`],
        regions,
        needs,
      };
    }
    if (form === 'count') {
      return {
        question: [`How many times do ${lines} of ${chartRef(scene, k)} cross each other?`, `Count the crossings of ${lines} in ${chartRef(scene, k)}.`],
        answer: answer.integer(crossings.length),
        rationale: [...steps, `They change places ${crossings.length === 1 ? 'once' : `${crossings.length} times`}: between ${listing(crossings.map(pair))}.`],
        regions,
        needs,
      };
    }
    return {
      question: [`Do ${lines} of ${chartRef(scene, k)} cross? Answer yes or no.`, `In ${chartRef(scene, k)}, does the ${a.label} line cross the ${b.label} line? Answer yes or no.`],
      answer: answer.boolean(crossings.length > 0),
      rationale: [...steps, crossings.length === 0 ? `${above(0)} stays above throughout: they do not cross.` : `They change places between ${listing(crossings.map(pair))}: they cross.`],
      regions,
      needs,
    };
  },
});

/** Pearson's correlation of two equally long lists. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** A rationale line whose last value ends in a full stop of its own (`-0.14 m w.e.`) ends with one full stop, not two. */
function tidy<T extends { ask(scene: ChartScene, rng: Rng): DraftQuestion | undefined }>(task: T): T {
  return {
    ...task,
    ask(scene: ChartScene, rng: Rng) {
      const question = task.ask(scene, rng);
      return question === undefined ? undefined : { ...question, rationale: question.rationale.map((line) => line.replace(/\.\.$/, '.')) };
    },
  };
}

/** Every chart task, in the order questions are asked. */
export const chartTasks = [
  titleTask,
  axisTitleTask,
  legendTask,
  captionTask,
  countTask,
  colourTask,
  valueTask,
  extremeTask,
  differenceTask,
  totalTask,
  ratioTask,
  largestRiseTask,
  correlationTask,
  orientationTask,
  gridlinesTask,
  legendPositionTask,
  medianTask,
  valueCategoryTask,
  linesCrossTask,
].map(tidy);
