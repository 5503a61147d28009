import type { Box, Pen } from '@absynth/render';
import { encodePng } from '@absynth/render';
import { isRound } from './format.js';
import { cellBox, regionIds } from './layout.js';
import { type DrawnText, type RenderedChart, renderChart } from './render.js';
import type { Chart, ChartScene } from './scene.js';

/**
 * Draws every chart into its grid cell as a chart.js image, and names its parts as regions: the
 * marks (with their classes, for counts), every text chart.js drew (with its string and size, so
 * checks read it like drawn text), the title, axis titles and legend labels as groups of them.
 */
export function drawCharts(scene: ChartScene, pen: Pen): void {
  scene.charts.forEach((chart, k) => {
    const cell = cellBox(scene, k, pen.width, pen.height);
    const rendered = renderChart(chart, k, cell.width, cell.height, pen.theme);
    pen.image(encodePng(rendered.pixels), cell.x, cell.y, cell.width, cell.height, { id: regionIds.chart(k), class: 'chart' });
    const moved = (box: Box): Box => ({ ...box, x: box.x + cell.x, y: box.y + cell.y });
    for (const [id, box] of rendered.regions) {
      const sweep = rendered.sweeps.get(id);
      pen.region(id, moved(box), { class: markClass(chart, k, id, box, sweep), ...(sweep === undefined ? {} : { sweep }) });
    }
    // Where each slice's colour shows, for checks of the colours questions name.
    for (const [id, box] of rendered.cores) pen.region(regionIds.core(id), moved(box), { class: `c${k + 1}-core` });
    if (chart.kind === 'stacked-bar') drawStacks(chart, k, rendered, pen, moved);
    drawTexts(chart, k, rendered, pen, moved);
  });
}

/** What a region is, for counting: a legend item, a gridline, or a mark (`mark bar c1-mark c1-bar c1-s2-mark`); nothing for another part or a mark of zero size. */
function markClass(chart: Chart, k: number, id: string, box: Box, sweep: number | undefined): string | undefined {
  if (new RegExp(`^c${k + 1}-legend-\\d+$`).test(id)) return `legend-item c${k + 1}-legend-item`;
  if (new RegExp(`^c${k + 1}-gridline-\\d+$`).test(id)) return `gridline c${k + 1}-gridline`;
  const match = new RegExp(`^c${k + 1}-s(\\d+)-\\d+$`).exec(id);
  if (match === null) return undefined;
  const drawn = isRound(chart) ? (sweep ?? 0) > 0 : chart.kind.endsWith('bar') ? box.width > 0 && box.height > 0 : true;
  if (!drawn) return undefined;
  const noun = isRound(chart) ? 'slice' : chart.kind.endsWith('bar') ? (chart.kind === 'stacked-bar' ? 'segment' : 'bar') : 'point';
  return `mark ${noun} c${k + 1}-mark c${k + 1}-${noun} c${k + 1}-s${match[1]}-mark`;
}

/** A stacked bar as one mark: the union of its drawn segments, class `c1-bar`. */
function drawStacks(chart: Chart, k: number, rendered: RenderedChart, pen: Pen, moved: (box: Box) => Box): void {
  chart.categories.forEach((_, i) => {
    const segments = chart.series.flatMap((_, s) => {
      const box = rendered.regions.get(regionIds.mark(k, s, i));
      return box !== undefined && box.width > 0 && box.height > 0 ? [box] : [];
    });
    if (segments.length === 0) return;
    const left = Math.min(...segments.map((b) => b.x));
    const top = Math.min(...segments.map((b) => b.y));
    const right = Math.max(...segments.map((b) => b.x + b.width));
    const bottom = Math.max(...segments.map((b) => b.y + b.height));
    pen.region(regionIds.stack(k, i), moved({ x: left, y: top, width: right - left, height: bottom - top }), { class: `mark bar c${k + 1}-bar` });
  });
}

const boxOfText = (text: DrawnText): Box => {
  const xs = text.corners.map((c) => c[0]);
  const ys = text.corners.map((c) => c[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
};

const within = (box: Box, outer: Box | undefined) => {
  if (outer === undefined) return false;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx >= outer.x - 0.5 && cx <= outer.x + outer.width + 0.5 && cy >= outer.y - 0.5 && cy <= outer.y + outer.height + 0.5;
};

/** Whether `line` is `title` or a run of its words (an upright title wrapped into lines). */
const partOf = (line: string, title: string | null | undefined) => title !== null && title !== undefined && ` ${title} `.includes(` ${line} `);

/**
 * Every text chart.js drew as a region carrying it: the title's lines in the group `c1-title-text`,
 * an axis title's in `c1-value-axis-title` or `c1-category-axis-title`, legend label `i` in
 * `c1-legend-<i>-text`, and every other text (ticks, categories, printed values) as `c1-text-<n>`.
 */
function drawTexts(chart: Chart, k: number, rendered: RenderedChart, pen: Pen, moved: (box: Box) => Box): void {
  const { regions } = rendered;
  const groups = new Map<string, { box: Box; text: DrawnText }[]>();
  const others: { box: Box; text: DrawnText }[] = [];
  const legendItems = [...regions.keys()].filter((id) => id.startsWith(`${regionIds.legend(k)}-`));
  // The title of the axis chart.js draws along the value scale, and along the other one.
  const valueTitle = chart.valueAxis?.title;
  const otherTitle = chart.kind === 'scatter' ? chart.scatter?.axis.title : chart.categoryTitle;
  for (const text of rendered.texts) {
    const box = boxOfText(text);
    const group =
      within(box, regions.get(regionIds.title(k))) && partOf(text.text, chart.title)
      ? regionIds.titleText(k)
      : (() => {
          const item = legendItems.find((id) => within(box, regions.get(id)));
          if (item !== undefined) return regionIds.legendText(k, Number(item.slice(regionIds.legend(k).length + 1)) - 1);
          if (within(box, regions.get(regionIds.valueAxis(k))) && partOf(text.text, valueTitle)) return regionIds.axisTitle(regionIds.valueAxis(k));
          if (within(box, regions.get(regionIds.categoryAxis(k))) && partOf(text.text, otherTitle)) return regionIds.axisTitle(regionIds.categoryAxis(k));
          return undefined;
        })();
    if (group === undefined) others.push({ box, text });
    else groups.set(group, [...(groups.get(group) ?? []), { box, text }]);
  }
  for (const [id, lines] of groups) {
    pen.group(id, () => {
      // Titles are marked as such, so that a reader of the scale does not take "l/100 km" for a tick label.
      for (const [n, { box, text }] of lines.entries()) pen.region(`${id}-${n + 1}`, moved(box), { text: text.text, fontSize: text.size, class: 'text title' });
    });
  }
  for (const [n, { box, text }] of others.entries()) pen.region(`c${k + 1}-text-${n + 1}`, moved(box), { text: text.text, fontSize: text.size, class: 'text' });
}
