import { type Rng, type SampleContext, type Size, sentenceCase } from '@absynth/core';
import { colourDifference, measureText, namedColour } from '@absynth/render';
import {
  type CategoryDraw,
  type CategorySetName,
  categorySets,
  compatibleShapes,
  drawCategories,
  fillableTitles,
  generateSeriesValues,
  type ContentIdea,
  generateValues,
  ideasOf,
  libraryOf,
  roundToDecimals,
  runTitleValues,
  type TitleValues,
  type Topic,
  topicRelations,
} from '@absynth/topics';
import { niceAxis } from './axis.js';
import { isRound, labelText, measureTitle } from './format.js';
import { axisTitleRoom, type ChartLayout, categoryRoom, cellBox, chartGrid, chartLayout, legendFits, plotEstimate, sideLegendFits, tickCount, uprightLabelRoom } from './layout.js';
import { apartColours, confusableNames, minColourDifference, paletteColours, paletteNames, palettes } from './palettes.js';
import type { ChartParams } from './params.js';
import type { Axis, Chart, ChartKind, ChartScene, ChartStyle, Colour, Series } from './scene.js';

/** Smallest distance between the centres of two scatter points, in estimated pixels at scale 1 (4.5 px points), so every point can be counted. */
const pointSpacing = 14;

const placeSets: ReadonlySet<CategorySetName> = new Set(['countries', 'cities', 'continents']);
const multiSeries: ReadonlySet<ChartKind> = new Set(['grouped-bar', 'stacked-bar', 'multi-line']);
const sequenceKinds: ReadonlySet<ChartKind> = new Set(['line', 'multi-line', 'area']);

/** Kinds `auto` mixes, with weights near the paper's chart mix (lines, bars and pies most). */
const autoWeights: readonly [ChartKind, number][] = [
  ['bar', 10],
  ['horizontal-bar', 7],
  ['grouped-bar', 8],
  ['stacked-bar', 6],
  ['line', 12],
  ['multi-line', 10],
  ['area', 7],
  ['pie', 12],
  ['doughnut', 8],
  ['scatter', 8],
];

/**
 * Whether values of different series add up to a meaningful total, as stacked bars show them:
 * counts and amounts do; percentages, averages, rates, prices and indexes do not.
 */
export function additive(topic: Topic): boolean {
  if (topic.unit.symbol === '%' || topic.unit.symbol.includes('°')) return false;
  return !/average|mean|median|rate|ratio|per |price|index|share|expectancy|temperature|density|age\b|score|level|speed|growth|yield|intensity|concentration|time|percent|points out|fastest|extent|satisfaction|salary|bill/i.test(
    `${topic.measure} ${topic.unit.name}`,
  );
}

function pickKind(rng: Rng, params: ChartParams): ChartKind {
  if (params.type !== 'auto') return params.type;
  const allowed = autoWeights.filter(([kind]) => params.series > 1 || !multiSeries.has(kind));
  const total = allowed.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [kind, weight] of allowed) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return allowed[0]![0];
}

function titleFor(rng: Rng, topic: Topic, categories: CategoryDraw, seriesSet: CategorySetName | undefined): string | undefined {
  const places = placeSets.has(categories.set) || (seriesSet !== undefined && placeSets.has(seriesSet));
  const years = categories.set === 'years' || seriesSet === 'years';
  const fill: TitleValues = { ...runTitleValues(categories) };
  if (!places) fill.place = rng.pick(categorySets.countries.members);
  if (!years) fill.year = String(rng.int(2015, 2024));
  // "Wins (wins)": a unit in brackets that only repeats the measure is left out (topics checks the case-sensitive repeat).
  const unit = topic.unit.name.toLowerCase();
  const titles = fillableTitles(topic, fill).filter((title) => !(topic.measure.toLowerCase().includes(unit) && title.toLowerCase().includes(`(${unit})`)));
  return titles.length === 0 ? undefined : rng.pick(titles);
}

/** The style of a chart of `kind` with these legend entries and (along its category axis) `categories` labels. */
function sampleStyle(rng: Rng, layout: ChartLayout, kind: ChartKind, entries: readonly string[], categories = 0): ChartStyle {
  const legendNeeded = isRound({ kind }) || entries.length > 1;
  const font = rng.pick(['sans', 'sans', 'serif', 'mono'] as const);
  // A legend goes where all its entries fit and leaves room for the category labels: long entries above or below the plot.
  const widths = entries.map((entry) => measureText(entry, layout.legendFont, font, 'normal'));
  const fits = (legend: 'top' | 'bottom' | 'left' | 'right') => legendFits(layout, legend, widths) && categoryRoom(layout, kind === 'horizontal-bar', legend) >= categories;
  const across = (['top', 'bottom'] as const).filter(fits);
  const beside = sideLegendFits(layout, Math.max(0, ...widths)) ? (['left', 'right'] as const).filter(fits) : [];
  const sides = across.length + beside.length > 0 ? [...across, ...beside] : (['top', 'bottom'] as const);
  return {
    font,
    palette: rng.pick(paletteNames),
    legend: legendNeeded ? rng.pick(sides) : 'none',
    gridlines: rng.bool(0.75),
    valueLabels: false,
  };
}

/**
 * The title of a value axis that fits along it: the measure with its unit, else the unit alone,
 * else the measure alone (the shortest when none fits).
 */
function axisTitle(layout: ChartLayout, style: ChartStyle, measure: string, unit: string, vertical: boolean): string {
  const room = axisTitleRoom(layout, style.legend, vertical);
  // "Frost days (days)": a unit the measure already names (as whole words: "h" is not in "night") is not repeated.
  const words = (text: string) => ` ${text.toLowerCase().replace(/[(),]/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const repeats = unit !== '' && words(measure).includes(words(unit));
  const candidates = repeats ? [measure] : [measureTitle(measure, unit), ...(unit === '' ? [] : [unit]), measure];
  const width = (text: string) => measureText(text, layout.legendFont, style.font, 'normal');
  return candidates.find((text) => width(text) <= room) ?? candidates.reduce((a, b) => (width(b) < width(a) ? b : a));
}

/** Whether every value label fits beside its neighbours at the estimated plot size. */
function labelsFit(chart: Chart, layout: ChartLayout): boolean {
  const plot = plotEstimate(layout, chart.style.legend);
  const n = chart.categories.length;
  const { labelFont, textScale: t } = layout;
  const widest = Math.max(...chart.series.flatMap((s) => s.values.map((v) => measureText(labelText(chart, v), labelFont, chart.style.font, 'normal'))));
  const axis = chart.valueAxis;
  switch (chart.kind) {
    case 'bar':
      return widest + 6 * t <= (plot.width / n) * 0.8;
    case 'horizontal-bar':
      return plot.height / n >= labelFont + 6 * t;
    case 'grouped-bar':
      return widest + 4 * t <= (plot.width / (n * chart.series.length)) * 0.8;
    case 'stacked-bar': {
      if (axis === null || widest + 6 * t > (plot.width / n) * 0.7) return false;
      const pixelsPerUnit = plot.height / (axis.max - axis.min);
      return chart.series.every((s) => s.values.every((v) => v * pixelsPerUnit >= labelFont + 5 * t));
    }
    case 'line':
    case 'area':
      return widest + 6 * t <= plot.width / (n - 1);
    case 'pie':
    case 'doughnut':
      // A slice's arc grows with the chart, its label with the text: 6 points of 100 at scale 1.
      return (chart.series[0]?.values ?? []).every((v) => v >= (6 * t) / layout.scale);
    default:
      return false;
  }
}

/** The widths of texts at `size` in the widest of the fonts (for choices made before the font). */
function widestWidths(texts: readonly string[], size: number): number[] {
  return texts.map((text) => Math.max(...(['sans', 'serif', 'mono'] as const).map((font) => measureText(text, size, font, 'normal'))));
}

/** Whether a legend of these entries fits somewhere in the chart, whatever its font. */
function legendFitsSomewhere(layout: ChartLayout, entries: readonly string[]): boolean {
  const widths = widestWidths(entries, layout.legendFont);
  return legendFits(layout, 'top', widths) || (sideLegendFits(layout, Math.max(0, ...widths)) && legendFits(layout, 'left', widths));
}

/** Whether category labels fit beside horizontal bars, in the widest of the fonts (the font is chosen later). */
function uprightLabelsFit(layout: ChartLayout, labels: readonly string[]): boolean {
  const room = uprightLabelRoom(layout);
  return widestWidths(labels, layout.labelFont).every((width) => width <= room);
}

/** Gives the value axis room for labels printed beyond the bar ends. */
function withHeadroom(chart: Chart, layout: ChartLayout): void {
  const axis = chart.valueAxis;
  if (axis === null) return;
  const values = chart.series.flatMap((s) => s.values);
  const hi = Math.max(...values, 0);
  const lo = Math.min(...values, 0);
  const span = hi - lo;
  const extra = chart.kind === 'horizontal-bar' ? 0.25 : 0.12;
  chart.valueAxis = withRoom(niceAxis(axis.title, lo < 0 ? lo - extra * span : lo, hi + extra * span, { zero: true, ticks: tickCount(layout) }), lo, hi);
}

/**
 * The axis with room beyond the drawn values: a whole step more at an end that the largest (or
 * most negative) value comes within 5% of the axis of, so no bar or point touches the frame.
 */
export function withRoom(axis: Axis, lo: number, hi: number): Axis {
  const round = (v: number) => Number(v.toFixed(axis.decimals)) + 0;
  const out = { ...axis };
  const room = () => 0.05 * (out.max - out.min);
  while (out.max - hi < room() - 1e-9) out.max = round(out.max + out.step);
  while (lo < 0 && lo - out.min < room() - 1e-9) out.min = round(out.min - out.step);
  return out;
}

/**
 * `count` colours from `palette`, in its order, each far from the others (`minColourDifference`)
 * and with a name no reader would take for another's (`confusableNames`), topped up from the
 * named colours every palette draws on when the palette alone has too few such colours.
 */
export function distinctColours(palette: readonly Colour[], count: number): Colour[] {
  const chosen: Colour[] = [];
  const clash = (a: Colour, b: Colour) =>
    colourDifference(a.hex, b.hex) < minColourDifference || confusableNames.some(([x, y]) => (x === a.name && y === b.name) || (x === b.name && y === a.name));
  const named = (names: readonly string[]) => names.map((name) => ({ name, hex: namedColour(name).hex }));
  const pick = (pool: readonly Colour[]) => {
    chosen.length = 0;
    for (const colour of pool) {
      if (chosen.length === count) break;
      if (chosen.every((other) => other.name !== colour.name && !clash(colour, other))) chosen.push(colour);
    }
  };
  pick([...palette, ...named(Object.values(palettes).flat())]);
  // Eight colours that never clash, the palette's own among them first.
  if (chosen.length < count) pick([...palette.filter((c) => apartColours.includes(c.name as never)), ...named(apartColours)]);
  if (chosen.length < count) throw new Error(`no ${count} distinct colours for palette ${palette.map((c) => c.name).join(', ')}`);
  return chosen;
}

/** The categories and series of a bar or line chart, or `undefined` when the topic does not fit the kind. */
function sampleSeriesChart(rng: Rng, params: ChartParams, layout: ChartLayout, topic: Topic, kind: ChartKind): Chart | undefined {
  const sets = topic.categories.filter((set) => (sequenceKinds.has(kind) ? categorySets[set].order !== 'nominal' : true));
  if (sets.length === 0) return undefined;
  const categorySet = rng.pick(sets);
  const multi = multiSeries.has(kind);
  const seriesSets = topic.series.sets.filter((set) => set !== categorySet);
  if (multi && (seriesSets.length === 0 || topic.series.max < 2)) return undefined;
  if (kind === 'stacked-bar' && (topic.range.min < 0 || !additive(topic))) return undefined;
  const members = categorySets[categorySet].members.length;
  const least = sequenceKinds.has(kind) ? 4 : 3;
  // In a small image, no more than the category axis can label.
  const most = Math.max(least, categoryRoom(layout, kind === 'horizontal-bar', kind === 'horizontal-bar' ? 'top' : 'none'));
  const count = Math.min(members, rng.int(Math.max(least, params.categories - 3), params.categories), most);
  if (count < least) return undefined;
  const shapes = compatibleShapes(topic, categorySet).filter((shape) => shape !== 'share' || !multi);
  if (shapes.length === 0) return undefined;
  const shape = rng.pick(shapes);
  const categories = drawCategories(rng, categorySet, count);
  if (kind === 'horizontal-bar' && !uprightLabelsFit(layout, categories.labels)) return undefined;

  let labels: string[];
  let seriesSet: CategorySetName | undefined;
  if (multi) {
    seriesSet = rng.pick(seriesSets);
    const most = Math.min(Math.max(2, params.series), topic.series.max, categorySets[seriesSet].members.length);
    if (most < 2) return undefined;
    labels = [...drawCategories(rng, seriesSet, rng.int(2, most)).labels];
    if (!legendFitsSomewhere(layout, labels)) return undefined;
  } else {
    labels = [topic.measure];
  }
  const values = generateSeriesValues(rng, topic, shape, categories, labels.length);
  const title = titleFor(rng, topic, categories, seriesSet);
  if (title === undefined) return undefined;
  return finishSeriesChart(rng, params, layout, topicData(topic, kind, title, categories, labels, values));
}

/** What a bar, line or area chart shows, before its look is chosen. */
interface ChartData {
  kind: ChartKind;
  title: string;
  topic: string;
  measure: string;
  unit: string;
  unitName: string;
  decimals: number;
  categoryNoun: string;
  categories: string[];
  /** Series labels, one per row of `values`. */
  labels: string[];
  values: number[][];
}

/** The data of a chart of a library topic over drawn categories. */
function topicData(topic: Topic, kind: ChartKind, title: string, categories: CategoryDraw, labels: string[], values: number[][]): ChartData {
  return {
    kind,
    title,
    topic: topic.id,
    measure: topic.measure,
    unit: topic.unit.symbol,
    unitName: topic.unit.name,
    decimals: topic.unit.decimals,
    categoryNoun: categorySets[categories.set].noun,
    categories: [...categories.labels],
    labels,
    values,
  };
}

/** Chooses the look of a bar, line or area chart (style, colours, axis, value labels where they fit) around its data. */
function finishSeriesChart(rng: Rng, params: ChartParams, layout: ChartLayout, data: ChartData): Chart {
  const { kind, title, labels, values } = data;
  const multi = multiSeries.has(kind);
  const categories = { labels: data.categories };
  const style = sampleStyle(rng, layout, kind, labels, data.categories.length);
  const palette = paletteColours(style.palette as never);
  const offset = multi ? 0 : rng.int(0, palette.length - 1);
  const colours = distinctColours([...palette.slice(offset), ...palette.slice(0, offset)], labels.length);
  const series: Series[] = labels.map((label, s) => ({ label, colour: colours[s] as Colour, values: values[s] ?? [] }));

  const all = series.flatMap((s) => s.values);
  const totals = categories.labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const zero = kind !== 'line' && kind !== 'multi-line';
  const [lo, hi] = kind === 'stacked-bar' ? [0, Math.max(...totals)] : [Math.min(...all), Math.max(...all)];
  const pad = zero ? 0 : 0.08 * (hi - lo);
  const axisName = axisTitle(layout, style, data.measure, data.unit, kind !== 'horizontal-bar');
  const valueAxis = withRoom(niceAxis(axisName, lo - pad, hi + pad, { zero, ticks: tickCount(layout) }), lo, hi);
  const chart: Chart = {
    kind,
    title,
    topic: data.topic,
    measure: data.measure,
    unit: data.unit,
    unitName: data.unitName,
    decimals: data.decimals,
    categoryNoun: data.categoryNoun,
    categories: [...data.categories],
    series,
    sliceColours: [],
    valueAxis,
    categoryTitle: sentenceCase(data.categoryNoun),
    scatter: null,
    style,
  };
  if (rng.bool(params.labels) && kind !== 'multi-line') {
    chart.style.valueLabels = true;
    if (kind !== 'line' && kind !== 'area' && kind !== 'stacked-bar') withHeadroom(chart, layout);
    if (kind === 'line' || kind === 'area') {
      // Room above the highest point for its label.
      chart.valueAxis = withRoom(niceAxis(valueAxis.title, lo - pad, hi + pad + 0.08 * (hi - lo), { zero, ticks: tickCount(layout) }), lo, hi);
    }
    if (!labelsFit(chart, layout)) {
      chart.style.valueLabels = false;
      chart.valueAxis = valueAxis;
    }
  }
  return chart;
}

/** A pie or doughnut of a share topic: slices that add up to 100%. */
function sampleRoundChart(rng: Rng, params: ChartParams, layout: ChartLayout, topic: Topic, kind: ChartKind): Chart | undefined {
  if (!topic.shapes.includes('share')) return undefined;
  const categorySet = rng.pick(topic.categories);
  const members = categorySets[categorySet].members.length;
  const most = Math.min(8, params.categories);
  // Slices of an ordered set (income groups, age groups) are parts of one whole only when every
  // member is there; a nominal set (sectors, products) may show a few.
  const whole = categorySets[categorySet].order !== 'nominal';
  if (whole && members > 8) return undefined;
  const count = whole ? members : Math.min(members, rng.int(Math.min(most, Math.max(3, params.categories - 3)), most));
  if (count < 3) return undefined;
  let categories = drawCategories(rng, categorySet, count);
  // In a small image, as many slices as the legend can name: the first of a free pick are a smaller free pick.
  while (!legendFitsSomewhere(layout, categories.labels)) {
    if (whole || categories.labels.length <= 3) return undefined;
    categories = { set: categories.set, labels: categories.labels.slice(0, -1), positions: categories.positions.slice(0, -1) };
  }
  const values = generateValues(rng, topic, 'share', categories);
  const title = titleFor(rng, topic, categories, undefined);
  if (title === undefined) return undefined;
  return finishRoundChart(rng, params, layout, topicData(topic, kind, title, categories, [topic.measure], [values]));
}

/** Chooses the look of a pie or doughnut (style, slice colours, value labels where they fit) around its shares. */
function finishRoundChart(rng: Rng, params: ChartParams, layout: ChartLayout, data: ChartData): Chart {
  const style = sampleStyle(rng, layout, data.kind, data.categories);
  const sliceColours = distinctColours(paletteColours(style.palette as never), data.categories.length);
  const chart: Chart = {
    kind: data.kind,
    title: data.title,
    topic: data.topic,
    measure: data.measure,
    unit: data.unit,
    unitName: data.unitName,
    decimals: data.decimals,
    categoryNoun: data.categoryNoun,
    categories: [...data.categories],
    series: [{ label: data.labels[0] ?? data.measure, colour: sliceColours[0] as Colour, values: [...(data.values[0] ?? [])] }],
    sliceColours,
    valueAxis: null,
    categoryTitle: null,
    scatter: null,
    style,
  };
  chart.style.valueLabels = rng.bool(params.labels) && labelsFit(chart, layout);
  return chart;
}

/**
 * A chart drawn from a model-proposed idea (validated by `contentIdeaSchema`): its kind, title and
 * values as given, its look chosen as for sampled charts drawn in a `cell` of that size.
 */
export function chartFromIdea(rng: Rng, params: ChartParams, idea: ContentIdea, cell: Size, topic = 'proposed'): Chart {
  const layout = chartLayout(cell.width, cell.height);
  const data: ChartData = {
    kind: idea.kind,
    title: idea.title,
    topic,
    measure: idea.measure,
    unit: idea.unit.symbol,
    unitName: idea.unit.name,
    decimals: idea.unit.decimals,
    categoryNoun: idea.categoryNoun,
    categories: [...idea.categories],
    labels: idea.series.map((s) => s.label),
    values: idea.series.map((s) => [...s.values]),
  };
  return isRound(data) ? finishRoundChart(rng, params, layout, data) : finishSeriesChart(rng, params, layout, data);
}

/** A scatter axis's span: 5% beyond the points each way, never below 0 for values that are not. */
function padded(lo: number, hi: number): [number, number] {
  const pad = 0.05 * (hi - lo);
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/**
 * A scatter plot of two topics measured over the same places: one point per place, with the
 * correlation the pair is known to have (`topicRelations`; a topic in none is not scattered).
 * `given` may be either axis of a relation.
 */
function sampleScatter(rng: Rng, params: ChartParams, layout: ChartLayout, given: Topic, library: readonly Topic[]): Chart | undefined {
  const byId = new Map(library.map((t) => [t.id, t]));
  const pairs = topicRelations.flatMap((relation) => {
    const [x, y] = [byId.get(relation.x), byId.get(relation.y)];
    if (x === undefined || y === undefined || (x.id !== given.id && y.id !== given.id)) return [];
    if (!x.shapes.includes('spread') || !y.shapes.includes('spread')) return [];
    const sets = x.categories.filter((set) => categorySets[set].order === 'nominal' && y.categories.includes(set));
    return sets.map((set) => ({ topic: x, yTopic: y, categorySet: set, direction: relation.sign }));
  });
  if (pairs.length === 0) return undefined;
  const { topic, yTopic, categorySet, direction } = rng.pick(pairs);
  const members = categorySets[categorySet].members.length;
  const plot = plotEstimate(layout, 'none');
  // Points keep apart as they are drawn larger; the smaller the point, the closer.
  const spacing = pointSpacing * (layout.scatterRadius / 4.5);
  // Correlated points lie along a band: in a small image, no more than fit along its diagonal.
  const most = Math.max(4, Math.floor((0.75 * Math.hypot(plot.width, plot.height)) / spacing));
  const count = Math.min(members, rng.int(params.categories, params.categories + 6), most);
  const categories = drawCategories(rng, categorySet, count);
  const xs = generateValues(rng, topic, 'spread', categories);
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs);
  if (xHi - xLo <= 0) return undefined;
  const ticks = tickCount(layout);
  const style = sampleStyle(rng, layout, 'scatter', []);
  const xAxis = niceAxis(axisTitle(layout, style, topic.measure, topic.unit.symbol, false), ...padded(xLo, xHi), { zero: false, ticks });
  const strength = 0.4 + 0.5 * rng.next();
  const { min, max } = yTopic.range;
  const low = min + (max - min) * 0.1;
  const high = max - (max - min) * 0.1;
  for (let attempt = 0; attempt < 20; attempt++) {
    const ys = xs.map((x) => {
      const f = (x - xLo) / (xHi - xLo);
      const t = strength * (direction === 1 ? f : 1 - f) + (1 - strength) * rng.next();
      return roundToDecimals(low + (high - low) * t, yTopic.unit.decimals);
    });
    const yLo = Math.min(...ys);
    const yHi = Math.max(...ys);
    if (yHi - yLo <= 0) continue;
    const yAxis = niceAxis(axisTitle(layout, style, yTopic.measure, yTopic.unit.symbol, true), ...padded(yLo, yHi), { zero: false, ticks });
    const px = (i: number) => (((xs[i] ?? 0) - xAxis.min) / (xAxis.max - xAxis.min)) * plot.width;
    const py = (i: number) => (((ys[i] ?? 0) - yAxis.min) / (yAxis.max - yAxis.min)) * plot.height;
    let apart = true;
    for (let i = 0; i < count && apart; i++) {
      for (let j = i + 1; j < count && apart; j++) apart = Math.hypot(px(i) - px(j), py(i) - py(j)) >= spacing;
    }
    if (!apart) continue;
    const noun = categorySets[categorySet].noun;
    const year = rng.int(2015, 2024);
    return {
      kind: 'scatter',
      title: `${yTopic.measure} against ${topic.measure.charAt(0).toLowerCase()}${topic.measure.slice(1)} by ${noun}, ${year}`,
      topic: yTopic.id,
      measure: yTopic.measure,
      unit: yTopic.unit.symbol,
      unitName: yTopic.unit.name,
      decimals: yTopic.unit.decimals,
      categoryNoun: noun,
      categories: [...categories.labels],
      series: [{ label: sentenceCase(categorySets[categorySet].noun), colour: rng.pick(paletteColours(style.palette as never)), values: ys }],
      sliceColours: [],
      valueAxis: yAxis,
      categoryTitle: null,
      scatter: {
        topic: topic.id,
        measure: topic.measure,
        unit: topic.unit.symbol,
        unitName: topic.unit.name,
        decimals: topic.unit.decimals,
        values: xs,
        axis: xAxis,
      },
      style,
    };
  }
  return undefined;
}

function sampleChart(rng: Rng, params: ChartParams, layout: ChartLayout, topic: Topic, kind: ChartKind, library: readonly Topic[]): Chart | undefined {
  if (isRound({ kind })) return sampleRoundChart(rng, params, layout, topic, kind);
  if (kind === 'scatter') return sampleScatter(rng, params, layout, topic, library);
  return sampleSeriesChart(rng, params, layout, topic, kind);
}

/** The charts of one image from the run's proposed ideas (of the asked type), each idea at most once per image. */
function chartsFromIdeas(rng: Rng, params: ChartParams, size: Size, ideas: readonly ContentIdea[]): ChartScene {
  const grid = chartGrid(params.charts);
  const usable = ideas.flatMap((idea, i) => (params.type === 'auto' || params.type === idea.kind ? [{ idea, i }] : []));
  if (usable.length < params.charts) {
    throw new Error(`the proposed ideas hold ${usable.length} ${params.type === 'auto' ? '' : `${params.type} `}charts, fewer than the ${params.charts} an image needs`);
  }
  const charts = rng
    .sample(usable, params.charts)
    .map(({ idea, i }, k) => chartFromIdea(rng, params, idea, cellBox(grid, k, size.width, size.height), `proposed-${i + 1}`));
  return { charts, ...grid };
}

/**
 * Samples the charts of one image of `size`: distinct topics and titles, from the run's topic
 * library (`resources.topics`, else the embedded one), each chart's look and printed values chosen
 * to fit its cell. Pure: uses only its arguments.
 */
export function sampleCharts(rng: Rng, params: ChartParams, { size, resources }: SampleContext): ChartScene {
  const ideas = ideasOf(resources);
  if (ideas !== undefined) return chartsFromIdeas(rng, params, size, ideas.ideas);
  const library = libraryOf(resources).topics;
  const grid = chartGrid(params.charts);
  const charts: Chart[] = [];
  let misses = 0;
  while (charts.length < params.charts) {
    const kind = pickKind(rng, params);
    const before = charts.length;
    const cell = cellBox(grid, charts.length, size.width, size.height);
    const layout = chartLayout(cell.width, cell.height);
    for (const topic of rng.shuffle(library)) {
      if (charts.some((c) => c.topic === topic.id)) continue;
      const chart = sampleChart(rng, params, layout, topic, kind, library);
      if (chart === undefined || charts.some((c) => c.title === chart.title)) continue;
      charts.push(chart);
      break;
    }
    // Every kind has topics in the embedded library; a grown or reduced library may lack some.
    if (charts.length === before && (params.type !== 'auto' || ++misses > 40)) {
      throw new Error(`no topic of the library can make ${params.type === 'auto' ? 'any' : `a ${kind}`} chart`);
    }
  }
  return { charts, ...grid };
}
