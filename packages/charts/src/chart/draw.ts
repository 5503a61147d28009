import type { Pen } from '@absynth/render';
import { encodePng } from '@absynth/render';
import { cellBox, regionIds } from './layout.js';
import { renderChart } from './render.js';
import type { ChartScene } from './scene.js';

/** Draws every chart into its grid cell as a chart.js image, and names its parts as regions. */
export function drawCharts(scene: ChartScene, pen: Pen): void {
  scene.charts.forEach((chart, k) => {
    const cell = cellBox(scene, k, pen.width, pen.height);
    const rendered = renderChart(chart, k, cell.width, cell.height, pen.theme);
    pen.image(encodePng(rendered.pixels), cell.x, cell.y, cell.width, cell.height, { id: regionIds.chart(k) });
    for (const [id, box] of rendered.regions) pen.region(id, { ...box, x: box.x + cell.x, y: box.y + cell.y });
  });
}
