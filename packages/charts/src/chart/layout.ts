import type { Size } from '@absynth/core';
import type { Box } from '@absynth/render';
import type { ChartStyle } from './scene.js';

// How a chart sits in its cell of the image: the cell boxes, the sizes of its texts and marks,
// estimates of the room chart.js leaves for the plot, and the ids of its regions. The sampler
// decides from it what fits, the renderer gives chart.js its sizes, the tasks name its regions.

/** Region ids of a chart's parts, prefixed with its position in the grid (`c1-`, `c2-`…). */
export const regionIds = {
  chart: (k: number) => `c${k + 1}`,
  title: (k: number) => `c${k + 1}-title`,
  legend: (k: number) => `c${k + 1}-legend`,
  legendItem: (k: number, i: number) => `c${k + 1}-legend-${i + 1}`,
  valueAxis: (k: number) => `c${k + 1}-value-axis`,
  categoryAxis: (k: number) => `c${k + 1}-category-axis`,
  /** A bar, a point, or a slice: series `s`, category `i`. */
  mark: (k: number, s: number, i: number) => `c${k + 1}-s${s + 1}-${i + 1}`,
  /** Gridline `n` across the plot (class `c1-gridline`). */
  gridline: (k: number, n: number) => `c${k + 1}-gridline-${n + 1}`,
  /** A small box inside slice `mark` where its colour shows. */
  core: (mark: string) => `${mark}-core`,
  /** A stacked bar as a whole: every segment of category `i`. */
  stack: (k: number, i: number) => `c${k + 1}-bar-${i + 1}`,
  /** The drawn lines of the chart's title (a group of texts). */
  titleText: (k: number) => `c${k + 1}-title-text`,
  /** The drawn lines of an axis' title (a group of texts), by the axis' region id. */
  axisTitle: (axis: string) => `${axis}-title`,
  /** The drawn label of legend item `i` (a group of one text). */
  legendText: (k: number, i: number) => `c${k + 1}-legend-${i + 1}-text`,
};

/** Grid columns and rows for a number of charts. */
export function chartGrid(charts: number): { columns: number; rows: number } {
  if (charts === 4) return { columns: 2, rows: 2 };
  return { columns: charts, rows: 1 };
}

/** The pixel box of chart `k` in a `columns` × `rows` grid filling a `width` × `height` image, on whole pixels. */
export function cellBox(grid: { columns: number; rows: number }, k: number, width: number, height: number): Box {
  const column = k % grid.columns;
  const row = Math.floor(k / grid.columns);
  const x = Math.round((column * width) / grid.columns);
  const y = Math.round((row * height) / grid.rows);
  return { x, y, width: Math.round(((column + 1) * width) / grid.columns) - x, height: Math.round(((row + 1) * height) / grid.rows) - y };
}

/** The sizes of a chart drawn in a cell, in pixels. */
export interface ChartLayout {
  /** The cell. */
  width: number;
  height: number;
  /**
   * How much every length is scaled from the sizes chart.js was tuned for: 1 in the default
   * cells (448 to 640 pixels wide, 384 to 480 high), less in smaller cells, more in larger ones.
   */
  scale: number;
  /** Tick labels and printed values: 11 at scale 1, never under 9. */
  labelFont: number;
  /** Legend entries and axis titles: 12 at scale 1, never under 9. */
  legendFont: number;
  /** The chart's title, in bold: 15 at scale 1, never under 10. */
  titleFont: number;
  /**
   * How much the texts grew from their sizes at scale 1: `scale`, or more in cells so small that
   * a font stays at its smallest legible size. The gaps between texts scale with it, and the room
   * texts take beside the plot is estimated with it.
   */
  textScale: number;
  /** Blank border around the chart. */
  padding: number;
  /** Side of a legend's colour box. */
  legendBox: number;
  /** Radius of a point of a line or area: 3.5 at scale 1, never under 2.5. */
  pointRadius: number;
  /** Radius of a point of a scatter plot: 4.5 at scale 1, never under 3. */
  scatterRadius: number;
  /** Width of a line or an area's edge: 2.5 at scale 1, never under 1.5. */
  lineWidth: number;
}

/** A font size scaled from its size at scale 1, on half pixels, and never under `least`. */
function fontSize(base: number, scale: number, least: number): number {
  return Math.max(least, Math.round(base * scale * 2) / 2);
}

/** The sizes of a chart drawn in a `width` × `height` cell. */
export function chartLayout(width: number, height: number): ChartLayout {
  const shrink = Math.min(width / 448, height / 384);
  const scale = shrink < 1 ? shrink : Math.max(1, Math.min(width / 640, height / 480));
  const labelFont = fontSize(11, scale, 9);
  const legendFont = fontSize(12, scale, 9);
  const titleFont = fontSize(15, scale, 10);
  const textScale = Math.max(labelFont / 11, legendFont / 12, titleFont / 15);
  return {
    width,
    height,
    scale,
    labelFont,
    legendFont,
    titleFont,
    textScale,
    padding: 10 * textScale,
    legendBox: 14 * textScale,
    pointRadius: Math.max(2.5, 3.5 * scale),
    scatterRadius: Math.max(3, 4.5 * scale),
    lineWidth: Math.max(1.5, 2.5 * scale),
  };
}

/** The plot area chart.js will leave, estimated generously for the axes, title and legend, for checking that labels fit. */
export function plotEstimate(layout: ChartLayout, legend: ChartStyle['legend']): Size {
  const t = layout.textScale;
  const side = legend === 'left' || legend === 'right' ? 120 * t : 0;
  const across = legend === 'top' || legend === 'bottom' ? 30 * t : 0;
  return { width: layout.width - 100 * t - side, height: layout.height - 120 * t - across };
}

/**
 * Whether chart.js draws every entry of a legend at `position` inside the chart, its entries'
 * texts `widths` pixels wide: chart.js packs entries into rows (top, bottom) or a column (left,
 * right) and cuts the legend at half the chart's height (a column at its full height), drawing
 * what does not fit past it.
 */
export function legendFits(layout: ChartLayout, position: 'top' | 'bottom' | 'left' | 'right', widths: readonly number[]): boolean {
  const gap = 10 * layout.textScale;
  const row = Math.max(layout.legendBox, layout.legendFont) + gap;
  const height = layout.height - 2 * layout.padding - (1.2 * layout.titleFont + 14 * layout.textScale);
  if (position === 'left' || position === 'right') return widths.length * row + gap <= height;
  const across = layout.width - 2 * layout.padding;
  let rows = 1;
  let used = 0;
  for (const width of widths) {
    const item = layout.legendBox + layout.legendFont / 2 + width;
    if (used > 0 && used + item + 2 * gap > across) {
      rows++;
      used = 0;
    }
    used += item + gap;
  }
  return rows * row + gap <= height / 2;
}

/**
 * Whether a legend of entries up to `widest` pixels wide fits beside the plot: chart.js gives a
 * side legend at most a quarter of the chart's width (half, shared with the value axis) and draws
 * longer entries past it.
 */
export function sideLegendFits(layout: ChartLayout, widest: number): boolean {
  return widest + 44 * layout.textScale <= (layout.width - 2 * layout.padding) / 4;
}

/**
 * The longest an axis title may be, along its axis. Chart.js centres axis titles on the plot and
 * never shortens them, so a title longer than the plot would run into the chart's title or labels.
 */
export function axisTitleRoom(layout: ChartLayout, legend: ChartStyle['legend'], vertical: boolean): number {
  const t = layout.textScale;
  if (vertical) return layout.height - 160 * t - (legend === 'top' || legend === 'bottom' ? 30 * t : 0);
  return layout.width - 120 * t - (legend === 'left' || legend === 'right' ? (layout.width - 2 * layout.padding) / 4 : 0);
}

/**
 * The most category labels that fit along the category axis (vertical for horizontal bars) with
 * the legend at `legend`: chart.js turns them up to upright, so each needs about a line of text across.
 */
export function categoryRoom(layout: ChartLayout, horizontal: boolean, legend: ChartStyle['legend']): number {
  const plot = plotEstimate(layout, legend);
  return Math.floor((horizontal ? plot.height : plot.width) / (1.4 * layout.labelFont));
}

/**
 * The widest a category label of horizontal bars may be: chart.js gives the upright axis at most
 * half the chart's width, shared with its title and ticks, and draws longer labels past it.
 */
export function uprightLabelRoom(layout: ChartLayout): number {
  return (layout.width - 2 * layout.padding) / 2 - layout.legendFont - 24 * layout.textScale;
}

/** How many intervals a value axis gets: one per 64 pixels of the cell's height at scale 1, 4 to 8. */
export function tickCount(layout: ChartLayout): number {
  return Math.max(4, Math.min(8, Math.round(layout.height / (64 * layout.textScale))));
}
