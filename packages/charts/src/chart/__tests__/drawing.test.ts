import type { Level, Size } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { getTheme, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { labelText } from '../format.js';
import { cellBox } from '../layout.js';
import { type ChartParams, chartSize } from '../params.js';
import { type DrawnText, renderChart } from '../render.js';
import { charts } from '../scenario.js';
import { type Chart, type ChartScene, chartKinds } from '../scene.js';

/** Every text a question can quote from a chart. */
function quotable(chart: Chart): string[] {
  const round = chart.kind === 'pie' || chart.kind === 'doughnut';
  const out = [chart.title];
  if (chart.valueAxis !== null) out.push(chart.valueAxis.title);
  if (chart.categoryTitle !== null) out.push(chart.categoryTitle);
  if (chart.scatter !== null) out.push(chart.scatter.axis.title);
  if (chart.style.legend !== 'none') out.push(...(round ? chart.categories : chart.series.map((s) => s.label)));
  if (!round && chart.kind !== 'scatter') out.push(...chart.categories);
  if (chart.style.valueLabels) for (const s of chart.series) out.push(...s.values.map((v) => labelText(chart, v)));
  return out;
}

/** Whether two convex quads overlap by more than `slack` px along every separating axis. */
export function quadsOverlap(a: readonly [number, number][], b: readonly [number, number][], slack = 0.5): boolean {
  for (const quad of [a, b]) {
    for (let e = 0; e < quad.length; e++) {
      const [x1, y1] = quad[e] as [number, number];
      const [x2, y2] = quad[(e + 1) % quad.length] as [number, number];
      const length = Math.hypot(x2 - x1, y2 - y1);
      if (length === 0) continue;
      const nx = -(y2 - y1) / length;
      const ny = (x2 - x1) / length;
      const project = (q: readonly [number, number][]) => q.map(([x, y]) => x * nx + y * ny);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) + slack || Math.max(...pb) <= Math.min(...pa) + slack) return false;
    }
  }
  return true;
}

interface Problem {
  kind: string;
  scene: string;
  size: string;
  what: string;
}

function check(chart: Chart, k: number, width: number, height: number, theme: string, scene: string, problems: Problem[]): void {
  const { texts } = renderChart(chart, k, width, height, getTheme(theme));
  const size = `${width}x${height} ${theme}`;
  const drawn = new Set(texts.map((t) => t.text));
  // An upright axis title too long for its axis is drawn in 2 or 3 lines, one text each, in order.
  const inLines = (text: string) => texts.some((_, i) => [2, 3].some((n) => texts.slice(i, i + n).map((t) => t.text).join(' ') === text));
  const counts = new Map<string, number>();
  for (const text of quotable(chart)) counts.set(text, (counts.get(text) ?? 0) + 1);
  for (const text of counts.keys()) if (!drawn.has(text) && !inLines(text)) problems.push({ kind: chart.kind, scene, size, what: `missing "${text}"` });
  // Value labels repeat; each printed value is drawn once per mark.
  if (chart.style.valueLabels) {
    const values = chart.series.flatMap((s) => s.values.map((v) => labelText(chart, v)));
    const need = new Map<string, number>();
    for (const v of values) need.set(v, (need.get(v) ?? 0) + 1);
    for (const [v, n] of need) {
      const have = texts.filter((t) => t.text === v).length;
      if (have < n) problems.push({ kind: chart.kind, scene, size, what: `value label "${v}" drawn ${have} of ${n} times` });
    }
  }
  const outside = (t: DrawnText) => t.corners.some(([x, y]) => x < -0.5 || y < -0.5 || x > width + 0.5 || y > height + 0.5);
  texts.forEach((t, i) => {
    if (outside(t)) problems.push({ kind: chart.kind, scene, size, what: `"${t.text}" outside the canvas: ${JSON.stringify(t.corners.map((c) => c.map(Math.round)))}` });
    for (const other of texts.slice(i + 1)) {
      if (quadsOverlap(t.corners, other.corners)) problems.push({ kind: chart.kind, scene, size, what: `"${t.text}" overlaps "${other.text}"` });
    }
  });
}

function scenesOf(level: Level, extra: Record<string, unknown> = {}): { key: string; scene: ChartScene; params: ChartParams }[] {
  const out: { key: string; scene: ChartScene; params: ChartParams }[] = [];
  for (let index = 0; index < 25; index++) {
    const key = `charts-draw\u0000${level}\u0000${index}`;
    const params = resolveParams(charts, level, extra) as ChartParams;
    out.push({ key: `auto #${index}`, scene: charts.sample(rngFromKey(key), params, { size: chartSize(params), resources: {} }), params });
  }
  for (const type of chartKinds) {
    for (let index = 0; index < 2; index++) {
      const key = `charts-draw-kind\u0000${level}\u0000${type}\u0000${index}`;
      const params = resolveParams(charts, level, { ...extra, type }) as ChartParams;
      out.push({ key: `${type} #${index}`, scene: charts.sample(rngFromKey(key), params, { size: chartSize(params), resources: {} }), params });
    }
  }
  return out;
}

describe('sampled scenes', () => {
  it('cover every chart kind at every level', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      const kinds = new Set(scenesOf(level).flatMap((s) => s.scene.charts.map((c) => c.kind)));
      expect([...kinds].sort()).toEqual([...chartKinds].sort());
    }
  });
});

const stress = [
  { name: 'printed values, 12 categories, 4 charts', params: { labels: 1, categories: 12, charts: 4 } },
  { name: 'printed values, 12 categories, 3 charts', params: { labels: 1, categories: 12, charts: 3 } },
  { name: 'printed values, 4 categories, 1 chart', params: { labels: 1, categories: 4, charts: 1, series: 4 } },
];

describe.each(stress)('$name', ({ name, params: extra }) => {
  it('draws every quotable text inside the canvas, overlapping no other text', () => {
    const problems: Problem[] = [];
    scenesOf(4, extra).forEach(({ key, scene, params }, n) => {
      const theme = themeNames[n % 6] as string;
      const size = chartSize(params);
      scene.charts.forEach((chart, k) => {
        const cell = cellBox(scene, k, size.width, size.height);
        check(chart, k, cell.width, cell.height, theme, `${name} ${key} chart ${k + 1}`, problems);
      });
    });
    expect(problems.map((p) => `${p.scene} (${p.kind}, ${p.size}): ${p.what}`)).toEqual([]);
  });
});

describe.each([1, 2, 3, 4, 5] as const)('level %i drawings', (level: Level) => {
  it('draw every quotable text inside the canvas, overlapping no other text', () => {
    const problems: Problem[] = [];
    scenesOf(level).forEach(({ key, scene, params }, n) => {
      const theme = themeNames[n % 6] as string;
      const size = chartSize(params);
      scene.charts.forEach((chart, k) => {
        const cell = cellBox(scene, k, size.width, size.height);
        check(chart, k, cell.width, cell.height, theme, `level ${level} ${key} chart ${k + 1}`, problems);
        if (scene.charts.length > 1) check(chart, k, size.width, size.height, theme, `level ${level} ${key} chart ${k + 1}`, problems);
      });
    });
    expect(problems.map((p) => `${p.scene} (${p.kind}, ${p.size}): ${p.what}`)).toEqual([]);
  });
});

/** Sampled for the image size asked for, at the level's params: as many scenes as hold `count` charts. */
function scenesFor(size: Size, level: Level, count: number): ChartScene[] {
  const params = resolveParams(charts, level) as ChartParams;
  const out: ChartScene[] = [];
  for (let index = 0, n = 0; n < count; index++) {
    const scene = charts.sample(rngFromKey(`charts-size\u0000${size.width}x${size.height}\u0000${level}\u0000${index}`), params, { size, resources: {} });
    out.push(scene);
    n += scene.charts.length;
  }
  return out;
}

// The sampler sees the image size: what it prints (value labels, legends, axis titles, how many
// categories) fits the cells of a small image, and texts grow with a large one.
describe.each([
  { width: 320, height: 240 },
  { width: 1024, height: 768 },
])('at $width×$height', (size: Size) => {
  it.each([1, 2, 3, 4, 5] as const)('200 charts of level %i draw every quotable text inside the canvas, overlapping no other text', (level: Level) => {
    const problems: Problem[] = [];
    scenesFor(size, level, 200).forEach((scene, n) => {
      const theme = themeNames[n % 6] as string;
      scene.charts.forEach((chart, k) => {
        const cell = cellBox(scene, k, size.width, size.height);
        check(chart, k, cell.width, cell.height, theme, `level ${level} #${n} chart ${k + 1}`, problems);
      });
    });
    expect(problems.map((p) => `${p.scene} (${p.kind}, ${p.size}): ${p.what}`)).toEqual([]);
  });
});

// The gridlines question reads the drawing: the same chart drawn with and without gridlines must
// differ along every gridline chart.js reports (the one on the axis' own line aside), and the
// gridline regions must be there exactly when the chart draws them.
describe('gridlines', () => {
  it('are drawn across the plot where the regions say, on every theme, and only when the chart has them', () => {
    const problems: string[] = [];
    let checked = 0;
    scenesOf(3).forEach(({ key, scene, params }, n) => {
      const theme = getTheme(themeNames[n % 6] as string);
      const size = chartSize(params);
      scene.charts.forEach((chart, k) => {
        if (chart.valueAxis === null) return;
        const cell = cellBox(scene, k, size.width, size.height);
        const draw = (gridlines: boolean) => renderChart({ ...chart, style: { ...chart.style, gridlines } }, k, cell.width, cell.height, theme);
        const [on, off] = [draw(true), draw(false)];
        const lines = [...on.regions].filter(([id]) => id.startsWith(`c${k + 1}-gridline-`)).map(([, box]) => box);
        const where = `${key} chart ${k + 1} (${chart.kind}, ${theme.name})`;
        const ticks = (a: { min: number; max: number; step: number }) => Math.round((a.max - a.min) / a.step) + 1;
        const expected = ticks(chart.valueAxis) + (chart.scatter === null ? 0 : ticks(chart.scatter.axis));
        if (lines.length !== expected) problems.push(`${where}: ${lines.length} gridline regions for ${expected} ticks`);
        if ([...off.regions.keys()].some((id) => id.includes('-gridline-'))) problems.push(`${where}: gridline regions without gridlines`);
        // The line along an axis (the lowest horizontal one, the leftmost vertical one) coincides with the axis' border.
        const across = lines.filter((b) => b.height === 1);
        const up = lines.filter((b) => b.width === 1);
        const bottom = Math.max(...across.map((b) => b.y));
        const left = Math.min(...up.map((b) => b.x));
        const pixel = (rgba: Uint8Array, x: number, y: number) => {
          const i = 4 * (y * cell.width + x);
          return `${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`;
        };
        for (const box of lines) {
          if ((box.height === 1 && box.y === bottom) || (box.width === 1 && box.x === left)) continue;
          // chart.js aligns a line to the pixel grid: it is on one of the rows (or columns) around its position.
          const at = box.height === 1 ? box.y + 0.5 : box.x + 0.5;
          const band = [Math.floor(at) - 1, Math.floor(at), Math.floor(at) + 1];
          const points: [number, number][][] = [];
          if (box.height === 1) for (let x = Math.ceil(box.x); x < box.x + box.width; x++) points.push(band.map((y) => [x, y]));
          else for (let y = Math.ceil(box.y); y < box.y + box.height; y++) points.push(band.map((x) => [x, y]));
          // Rows through bars are covered where the bars are; the gaps between them must show the line.
          const differing = points.filter((across) => across.some(([x, y]) => pixel(on.pixels.rgba, x, y) !== pixel(off.pixels.rgba, x, y))).length;
          checked++;
          if (differing < 0.2 * points.length) problems.push(`${where}: the gridline at ${JSON.stringify(box)} shows on ${differing} of ${points.length} pixels`);
        }
      });
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
