import { type Box, type FontFamily, type Pixels, textColourOn, type Theme } from '@absynth/render';
import { fontFaceFiles, fontFamilyNames } from '@absynth/render';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { type ChartConfiguration, Chart as ChartJs, type Plugin, registerables } from 'chart.js';
import { formatNumber } from '@absynth/core';
import { isRound, labelText } from './format.js';
import { type ChartLayout, chartLayout, regionIds } from './layout.js';
import type { Chart } from './scene.js';

let registered = false;

/**
 * Registers chart.js's chart types and the bundled DejaVu faces, once, before the first chart is
 * drawn (importing the package registers nothing). The faces are registered by file path (never
 * system fonts) under the family names SVG text uses, so charts and the rest of the image share fonts.
 */
function registerOnce(): void {
  if (registered) return;
  ChartJs.register(...registerables);
  for (const family of Object.keys(fontFaceFiles) as FontFamily[]) {
    GlobalFonts.registerFromPath(fontFaceFiles[family].normal, fontFamilyNames[family]);
    GlobalFonts.registerFromPath(fontFaceFiles[family].bold, fontFamilyNames[family]);
  }
  registered = true;
}

/** A text as chart.js drew it: its four corners in chart pixels (rotated labels are quads), for tests that check what is drawn and that nothing overlaps. */
export interface DrawnText {
  text: string;
  corners: [number, number][];
  /** The font size, in pixels. */
  size: number;
}

/** One chart rendered: its pixels, every text drawn, and the boxes of its parts by region id. */
export interface RenderedChart {
  pixels: Pixels;
  texts: DrawnText[];
  regions: Map<string, Box>;
  /** The share of a full turn each slice spans, by region id, from chart.js's own angles. */
  sweeps: Map<string, number>;
  /** A small box inside each slice, halfway out at its middle angle: where its colour shows. */
  cores: Map<string, Box>;
}

function recordTexts(ctx: SKRSContext2D, texts: DrawnText[]): void {
  const fillText = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    const metrics = ctx.measureText(text);
    const width = maxWidth === undefined ? metrics.width : Math.min(metrics.width, maxWidth);
    const align = ctx.textAlign;
    const left = align === 'center' ? x - width / 2 : align === 'right' || align === 'end' ? x - width : x;
    const top = y - metrics.actualBoundingBoxAscent;
    const bottom = y + metrics.actualBoundingBoxDescent;
    const m = ctx.getTransform();
    const at = (px: number, py: number): [number, number] => [m.a * px + m.c * py + m.e, m.b * px + m.d * py + m.f];
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? Number.NaN);
    if (String(text).trim() !== '') texts.push({ text: String(text), corners: [at(left, top), at(left + width, top), at(left + width, bottom), at(left, bottom)], size });
    if (maxWidth === undefined) fillText(text, x, y);
    else fillText(text, x, y, maxWidth);
  };
}

/** Prints every value on its bar, point or slice. */
function valueLabels(chart: Chart, theme: Theme, font: string, layout: ChartLayout): Plugin {
  const gap = (px: number) => px * layout.textScale;
  return {
    id: 'absynthValueLabels',
    afterDatasetsDraw(instance) {
      if (!chart.style.valueLabels) return;
      const ctx = instance.ctx;
      ctx.save();
      ctx.font = font;
      chart.series.forEach((series, s) => {
        instance.getDatasetMeta(s).data.forEach((element, i) => {
          const value = series.values[i] ?? 0;
          const text = labelText(chart, value);
          const p = element.getProps(['x', 'y', 'base', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true) as Record<string, number>;
          let x = p.x ?? 0;
          let y = p.y ?? 0;
          ctx.fillStyle = theme.foreground;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          if (isRound(chart)) {
            const angle = ((p.startAngle ?? 0) + (p.endAngle ?? 0)) / 2;
            const r = chart.kind === 'doughnut' ? ((p.innerRadius ?? 0) + (p.outerRadius ?? 0)) / 2 : (p.outerRadius ?? 0) * 0.66;
            x += r * Math.cos(angle);
            y += r * Math.sin(angle);
            ctx.fillStyle = textColourOn(chart.sliceColours[i]?.hex ?? '#000000');
          } else if (chart.kind === 'stacked-bar') {
            y = (y + (p.base ?? y)) / 2;
            ctx.fillStyle = textColourOn(series.colour.hex);
          } else if (chart.kind === 'horizontal-bar') {
            // Past the bar's end; inside it when that would leave the canvas.
            const width = ctx.measureText(text).width;
            const inside = value >= 0 ? x + gap(4) + width > instance.width : x - gap(4) - width < 0;
            ctx.textAlign = value >= 0 !== inside ? 'left' : 'right';
            x += (value >= 0 !== inside ? 1 : -1) * gap(4);
            if (inside) ctx.fillStyle = textColourOn(series.colour.hex);
          } else if (chart.kind === 'line' || chart.kind === 'area') {
            ctx.textBaseline = 'bottom';
            y -= gap(6);
          } else {
            ctx.textBaseline = value >= 0 ? 'bottom' : 'top';
            y += value >= 0 ? -gap(3) : gap(3);
          }
          ctx.fillText(text, x, y);
        });
      });
      ctx.restore();
    },
  };
}

function background(colour: string): Plugin {
  return {
    id: 'absynthBackground',
    beforeDraw(instance) {
      const ctx = instance.ctx;
      ctx.save();
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, instance.width, instance.height);
      ctx.restore();
    },
  };
}

function withAlpha(hex: string, alpha: number): string {
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

function configuration(chart: Chart, theme: Theme, family: string, layout: ChartLayout): ChartConfiguration {
  const { scale, textScale } = layout;
  const axisFont = { family, size: layout.labelFont };
  const titleFont = { family, size: layout.legendFont };
  // Chart.js's own gaps beside texts (tick padding and length, axis title padding), scaled with the texts.
  const ticks = { padding: 3 * textScale };
  const tickLength = 8 * textScale;
  const titlePadding = { top: 4 * textScale, bottom: 4 * textScale };
  const valueAxis = chart.valueAxis;
  const numericScale = (axis: NonNullable<Chart['valueAxis']>, gridlines: boolean, stacked: boolean) => ({
    type: 'linear' as const,
    min: axis.min,
    max: axis.max,
    stacked,
    ticks: {
      ...ticks,
      stepSize: axis.step,
      autoSkip: false,
      color: theme.foreground,
      font: axisFont,
      callback: (value: number | string) => formatNumber(Number(value), axis.decimals),
    },
    grid: { drawOnChartArea: gridlines, color: theme.muted, tickColor: theme.muted, tickLength },
    border: { color: theme.muted },
    title: { display: true, text: axis.title, color: theme.foreground, font: titleFont, padding: titlePadding },
  });
  const categoryScale = (stacked: boolean) => ({
    type: 'category' as const,
    stacked,
    // Points sit half a category in from the plot's edges, as bars do, so end labels stay clear of the axes.
    offset: true,
    ticks: { ...ticks, autoSkip: false, maxRotation: 90, color: theme.foreground, font: axisFont },
    grid: { display: false, tickLength },
    border: { color: theme.muted },
    title: { display: chart.categoryTitle !== null, text: chart.categoryTitle ?? '', color: theme.foreground, font: titleFont, padding: titlePadding },
  });
  const plugins = {
    title: {
      display: true,
      text: chart.title,
      color: theme.foreground,
      font: { family, size: layout.titleFont, weight: 'bold' as const },
      padding: { top: 4 * textScale, bottom: 10 * textScale },
    },
    legend: {
      display: chart.style.legend !== 'none',
      position: chart.style.legend === 'none' ? ('top' as const) : chart.style.legend,
      labels: { color: theme.foreground, font: { family, size: layout.legendFont }, boxWidth: layout.legendBox, boxHeight: layout.legendBox, padding: 10 * textScale },
    },
    tooltip: { enabled: false },
  };
  const common = { responsive: false, animation: false as const, devicePixelRatio: 1, layout: { padding: layout.padding }, events: [] };

  if (isRound(chart)) {
    const series = chart.series[0];
    return {
      type: chart.kind === 'doughnut' ? 'doughnut' : 'pie',
      data: {
        labels: chart.categories,
        datasets: [
          {
            data: series?.values ?? [],
            backgroundColor: chart.sliceColours.map((c) => c.hex),
            borderColor: theme.background,
            borderWidth: scale,
          },
        ],
      },
      options: { ...common, plugins, ...(chart.kind === 'doughnut' ? { cutout: '50%' } : {}) },
    } as ChartConfiguration;
  }
  if (valueAxis === null) throw new Error(`chart '${chart.title}' of kind ${chart.kind} has no value axis`);
  if (chart.kind === 'scatter') {
    const x = chart.scatter;
    if (x === null) throw new Error(`scatter chart '${chart.title}' has no x values`);
    const series = chart.series[0];
    return {
      type: 'scatter',
      data: {
        datasets: [
          {
            label: series?.label ?? '',
            data: (series?.values ?? []).map((y, i) => ({ x: x.values[i] ?? 0, y })),
            backgroundColor: series?.colour.hex,
            borderColor: series?.colour.hex,
            pointRadius: layout.scatterRadius,
          },
        ],
      },
      options: {
        ...common,
        plugins,
        scales: { x: numericScale(x.axis, chart.style.gridlines, false), y: numericScale(valueAxis, chart.style.gridlines, false) },
      },
    } as ChartConfiguration;
  }
  const stacked = chart.kind === 'stacked-bar';
  const horizontal = chart.kind === 'horizontal-bar';
  const line = chart.kind === 'line' || chart.kind === 'multi-line' || chart.kind === 'area';
  const datasets = chart.series.map((series) =>
    line
      ? {
          label: series.label,
          data: series.values,
          borderColor: series.colour.hex,
          backgroundColor: chart.kind === 'area' ? withAlpha(series.colour.hex, 0.35) : series.colour.hex,
          // An area's points are drawn in the series colour itself, not the pale fill, so a question naming their colour names what is drawn.
          pointBackgroundColor: series.colour.hex,
          fill: chart.kind === 'area' ? 'origin' : false,
          borderWidth: layout.lineWidth,
          pointRadius: layout.pointRadius,
          tension: 0,
        }
      : { label: series.label, data: series.values, backgroundColor: series.colour.hex, borderWidth: 0 },
  );
  const valueScale = numericScale(valueAxis, chart.style.gridlines, stacked);
  return {
    type: line ? 'line' : 'bar',
    data: { labels: chart.categories, datasets },
    options: {
      ...common,
      indexAxis: horizontal ? 'y' : 'x',
      plugins,
      scales: horizontal ? { x: valueScale, y: categoryScale(stacked) } : { x: categoryScale(stacked), y: valueScale },
    },
  } as ChartConfiguration;
}

function boxOf(left: number, top: number, width: number, height: number): Box {
  return { x: left, y: top, width: Math.max(0, width), height: Math.max(0, height) };
}

/** The bounding box of a ring sector: its corner points and the outermost points of the circle it spans. */
function sectorBox(cx: number, cy: number, start: number, end: number, inner: number, outer: number): Box {
  const points: [number, number][] = [];
  const at = (angle: number, r: number) => points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  for (const angle of [start, end]) {
    at(angle, outer);
    at(angle, inner);
  }
  for (let k = Math.ceil(start / (Math.PI / 2)); k * (Math.PI / 2) <= end; k++) at(k * (Math.PI / 2), outer);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return boxOf(Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

function collectRegions(chart: Chart, instance: ChartJs, k: number, layout: ChartLayout): Pick<RenderedChart, 'regions' | 'sweeps' | 'cores'> {
  const regions = new Map<string, Box>();
  const sweeps = new Map<string, number>();
  const cores = new Map<string, Box>();
  // Chart.js keeps the laid-out title and the legend's item boxes on fields its types do not declare.
  const title = (instance as unknown as { titleBlock?: { left: number; top: number; width: number; height: number } }).titleBlock;
  if (title !== undefined) regions.set(regionIds.title(k), boxOf(title.left, title.top, title.width, title.height));
  const legend = instance.legend;
  if (legend !== undefined && chart.style.legend !== 'none') {
    regions.set(regionIds.legend(k), boxOf(legend.left, legend.top, legend.width, legend.height));
    // Chart.js keeps the boxes of the legend's items on a field its types do not declare.
    const hits = (legend as unknown as { legendHitBoxes?: { left: number; top: number; width: number; height: number }[] }).legendHitBoxes ?? [];
    hits.forEach((hit, i) => {
      regions.set(regionIds.legendItem(k, i), boxOf(hit.left, hit.top, hit.width, hit.height));
    });
  }
  if (chart.valueAxis !== null) {
    const horizontal = chart.kind === 'horizontal-bar';
    const value = instance.scales[horizontal ? 'x' : 'y'];
    const category = instance.scales[horizontal ? 'y' : 'x'];
    if (value !== undefined) regions.set(regionIds.valueAxis(k), boxOf(value.left, value.top, value.width, value.height));
    if (category !== undefined) regions.set(regionIds.categoryAxis(k), boxOf(category.left, category.top, category.width, category.height));
  }
  // The gridlines chart.js drew across the plot: one per tick of every scale that draws them on the chart area.
  const area = instance.chartArea;
  let gridline = 0;
  for (const scale of Object.values(instance.scales)) {
    // The grid options of a cartesian scale, which the core scale type does not declare.
    const grid = (scale.options as { grid?: { display?: boolean; drawOnChartArea?: boolean } }).grid;
    if (!(grid?.display && grid.drawOnChartArea)) continue;
    for (const tick of scale.ticks) {
      const at = scale.getPixelForValue(tick.value);
      const box = scale.isHorizontal() ? boxOf(at - 0.5, area.top, 1, area.bottom - area.top) : boxOf(area.left, at - 0.5, area.right - area.left, 1);
      regions.set(regionIds.gridline(k, gridline++), box);
    }
  }
  chart.series.forEach((_, s) => {
    instance.getDatasetMeta(s).data.forEach((element, i) => {
      const p = element.getProps(['x', 'y', 'base', 'width', 'height', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true) as Record<
        string,
        number
      >;
      const id = regionIds.mark(k, s, i);
      const x = p.x ?? 0;
      const y = p.y ?? 0;
      if (isRound(chart)) {
        regions.set(id, sectorBox(x, y, p.startAngle ?? 0, p.endAngle ?? 0, p.innerRadius ?? 0, p.outerRadius ?? 0));
        const [start, end, inner, outer] = [p.startAngle ?? 0, p.endAngle ?? 0, p.innerRadius ?? 0, p.outerRadius ?? 0];
        sweeps.set(id, Math.min(1, Math.max(0, (end - start) / (2 * Math.PI))));
        const middle = (start + end) / 2;
        const r = (inner + outer) / 2;
        const side = Math.max(1, Math.min(8, (outer - inner) / 2, (r * (end - start)) / 2));
        cores.set(id, boxOf(x + r * Math.cos(middle) - side / 2, y + r * Math.sin(middle) - side / 2, side, side));
      } else if (chart.kind === 'horizontal-bar') {
        const base = p.base ?? x;
        regions.set(id, boxOf(Math.min(x, base), y - (p.height ?? 0) / 2, Math.abs(x - base), p.height ?? 0));
      } else if (chart.kind.endsWith('bar')) {
        const base = p.base ?? y;
        regions.set(id, boxOf(x - (p.width ?? 0) / 2, Math.min(y, base), p.width ?? 0, Math.abs(y - base)));
      } else {
        const r = chart.kind === 'scatter' ? layout.scatterRadius : layout.pointRadius;
        regions.set(id, boxOf(x - r, y - r, 2 * r, 2 * r));
      }
    });
  });
  return { regions, sweeps, cores };
}

/** `text` in `count` lines of about equal width, broken between words. */
function lines(text: string, count: number, width: (text: string) => number): string[] {
  const target = width(text) / count;
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    // Break before the word when the line would overshoot the target by more than it falls short.
    if (line !== '' && out.length < count - 1 && width(next) - target > target - width(line)) {
      out.push(line);
      line = word;
    } else line = next;
  }
  return [...out, line];
}

/**
 * Breaks the title of an upright axis into as many lines as it needs (up to 3) when it would run
 * into what lies above the plot (the chart's title, a legend) or below the axis: chart.js neither
 * shortens nor squeezes upright titles, but centres them on the plot. Says whether any title
 * changed (the chart must be laid out and drawn again).
 */
function wrapUprightTitles(instance: ChartJs, ctx: SKRSContext2D, layout: ChartLayout, family: string): boolean {
  // Chart.js keeps the laid-out title on a field its types do not declare.
  const title = (instance as unknown as { titleBlock?: { bottom: number } }).titleBlock;
  const legend = instance.legend;
  // Both blocks end in a blank gap of 10 pixels at scale 1 (the title's bottom padding, the legend's), which the axis title may cross.
  const gap = 10 * layout.textScale;
  const above = Math.max(title?.bottom ?? 0, legend !== undefined && legend.options.display && legend.position === 'top' ? legend.bottom : 0) - gap;
  const horizontal = Object.values(instance.scales).find((scale) => scale.isHorizontal());
  const below = horizontal?.bottom ?? instance.height - layout.padding;
  let changed = false;
  const scales = (instance.config.options as { scales?: Record<string, { title?: { text?: string | string[] } }> }).scales ?? {};
  for (const [id, options] of Object.entries(scales)) {
    const scale = instance.scales[id];
    const text = options.title?.text;
    if (scale === undefined || scale.isHorizontal() || typeof text !== 'string' || !text.includes(' ')) continue;
    ctx.font = `${layout.legendFont}px "${family}"`;
    const width = (line: string) => ctx.measureText(line).width;
    const middle = (scale.top + scale.bottom) / 2;
    const room = 2 * Math.min(middle - above, below - middle);
    if (width(text) <= room) continue;
    (options.title as { text: string | string[] }).text = lines(text, Math.min(3, Math.ceil(width(text) / room)), width);
    changed = true;
  }
  return changed;
}

/**
 * Renders one chart with chart.js on a `@napi-rs/canvas` canvas of whole pixels: bundled fonts,
 * animation off, pixel ratio 1, the theme's colours, texts and marks sized for the canvas (see
 * `chartLayout`). `k` is the chart's place in the grid, for its region ids. The same chart and
 * size give the same pixels.
 */
export function renderChart(chart: Chart, k: number, width: number, height: number, theme: Theme): RenderedChart {
  registerOnce();
  const layout = chartLayout(width, height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const texts: DrawnText[] = [];
  recordTexts(ctx, texts);
  const family = fontFamilyNames[chart.style.font];
  const config = configuration(chart, theme, family, layout);
  config.plugins = [background(theme.background), valueLabels(chart, theme, `${layout.labelFont}px "${family}"`, layout)];
  // Every text's font is set in the configuration; the default covers anything chart.js draws besides.
  ChartJs.defaults.font.family = family;
  const instance = new ChartJs(ctx as unknown as ConstructorParameters<typeof ChartJs>[0], config);
  try {
    if (wrapUprightTitles(instance, ctx, layout, family)) {
      texts.length = 0;
      instance.update();
    }
    const parts = collectRegions(chart, instance, k, layout);
    const data = canvas.data();
    return { pixels: { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }, texts, ...parts };
  } finally {
    instance.destroy();
  }
}
