import type { Pen } from '@absynth/render';
import { encodePng } from '@absynth/render';
import { regionIds, renderChart } from './render.js';
import type { ChartScene } from './scene.js';

/** The pixel box of chart `k` in a `columns` × `rows` grid filling the image, on whole pixels. */
export function cellBox(scene: ChartScene, k: number, width: number, height: number): { x: number; y: number; width: number; height: number } {
  const column = k % scene.columns;
  const row = Math.floor(k / scene.columns);
  const x = Math.round((column * width) / scene.columns);
  const y = Math.round((row * height) / scene.rows);
  return { x, y, width: Math.round(((column + 1) * width) / scene.columns) - x, height: Math.round(((row + 1) * height) / scene.rows) - y };
}

/** Draws every chart into its grid cell as a chart.js image, and names its parts as regions. */
export function drawCharts(scene: ChartScene, pen: Pen): void {
  scene.charts.forEach((chart, k) => {
    const cell = cellBox(scene, k, pen.width, pen.height);
    const rendered = renderChart(chart, k, cell.width, cell.height, pen.theme);
    pen.image(encodePng(rendered.pixels), cell.x, cell.y, cell.width, cell.height, { id: regionIds.chart(k) });
    for (const [id, box] of rendered.regions) pen.region(id, { ...box, x: box.x + cell.x, y: box.y + cell.y });
  });
}
