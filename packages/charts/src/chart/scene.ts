import type { FontFamily } from '@absynth/render';

/** The chart types the scenario draws. */
export const chartKinds = [
  'bar',
  'horizontal-bar',
  'grouped-bar',
  'stacked-bar',
  'line',
  'multi-line',
  'area',
  'pie',
  'doughnut',
  'scatter',
] as const;

/** A chart type, such as `grouped-bar` or `doughnut`. */
export type ChartKind = (typeof chartKinds)[number];

/** A colour as drawn and as questions name it. */
export interface Colour {
  /** The plain name questions use, such as `orange`. */
  name: string;
  /** The colour drawn, `#rrggbb`. */
  hex: string;
}

/** One series: a label (shown in the legend when there are several) and a value per category. */
export interface Series {
  /** The series label, such as `France` or `2021`; the measure itself for a single series. */
  label: string;
  /** The colour of its bars, line or points (pie and doughnut colour slices instead). */
  colour: Colour;
  /** One value per category, in category order, rounded to the chart's decimals. */
  values: number[];
}

/** A numeric axis with the fixed range and tick step it is drawn with. */
export interface Axis {
  /** The axis title as drawn, such as `GDP growth (%)`. */
  title: string;
  min: number;
  max: number;
  /** Distance between ticks (and gridlines). */
  step: number;
  /** Decimal places of the tick labels. */
  decimals: number;
}

/** How a chart looks, apart from its data. */
export interface ChartStyle {
  /** Bundled font family of every text. */
  font: FontFamily;
  /** The palette the series (or slice) colours were taken from. */
  palette: string;
  /** Where the legend is; `none` when there is no legend (single-series bars, lines and scatter). */
  legend: 'top' | 'bottom' | 'left' | 'right' | 'none';
  /** Whether gridlines cross the plot at every tick of the value axis. */
  gridlines: boolean;
  /** Whether every value is printed on the chart (next to bars and points, inside slices and stacked segments). */
  valueLabels: boolean;
}

/** The horizontal measure of a scatter chart: one value per category (point). */
export interface ScatterX {
  topic: string;
  measure: string;
  unit: string;
  unitName: string;
  decimals: number;
  values: number[];
  axis: Axis;
}

/** One chart. Plain data: it survives a JSON round trip. */
export interface Chart {
  kind: ChartKind;
  /** The title drawn above the chart. */
  title: string;
  /** The topic the values come from (an id of `@absynth/topics`). */
  topic: string;
  /** What is measured, such as `Unemployment rate`. */
  measure: string;
  /** The unit symbol, such as `%` or `USD bn`; empty for plain counts. */
  unit: string;
  /** The unit in words, such as `percent`. */
  unitName: string;
  /** Decimal places of every value (and printed value label). */
  decimals: number;
  /** What one category is, such as `country` or `year`. */
  categoryNoun: string;
  /** The categories: bar and point labels along the category axis, pie slices, or scatter points (not drawn). */
  categories: string[];
  /** The series; pie, doughnut and scatter charts have one. */
  series: Series[];
  /** Pie and doughnut: the colour of each slice, in category order; empty otherwise. */
  sliceColours: Colour[];
  /** The value axis (vertical, or horizontal for horizontal bars); `null` for pie and doughnut. */
  valueAxis: Axis | null;
  /** The category axis title, such as `Year`; `null` for pie, doughnut and scatter. */
  categoryTitle: string | null;
  /** Scatter charts: the horizontal measure; `null` otherwise. */
  scatter: ScatterX | null;
  style: ChartStyle;
}

/** The ground truth of one image: its charts in reading order, laid out in a grid. */
export interface ChartScene {
  charts: Chart[];
  /** Grid columns; charts fill rows left to right, top to bottom. */
  columns: number;
  rows: number;
}
