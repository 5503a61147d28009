import type { GeneratedSample } from '@absynth/engine';
import type { Box, Pixels } from '@absynth/render';
import { generate } from '@absynth/engine';
import { createPen, decodePng, getTheme, pixelHex } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { cellBox } from '../layout.js';
import { charts } from '../scenario.js';
import { type ChartScene, chartKinds } from '../scene.js';

const markId = /^c(\d+)-s(\d+)-(\d+)$/;

/** Every pixel colour in a box, counted. */
function coloursIn(pixels: Pixels, box: Box): Map<string, number> {
  const counts = new Map<string, number>();
  for (let y = Math.ceil(box.y); y < Math.floor(box.y + box.height); y++) {
    for (let x = Math.ceil(box.x); x < Math.floor(box.x + box.width); x++) {
      const hex = pixelHex(pixels, x, y);
      counts.set(hex, (counts.get(hex) ?? 0) + 1);
    }
  }
  return counts;
}

async function samplesOf(type: string, level: 2 | 5): Promise<GeneratedSample[]> {
  const out: GeneratedSample[] = [];
  for await (const sample of generate({ scenario: charts, level, seed: 5, count: 3, params: { type } } as never)) out.push(sample as GeneratedSample);
  return out;
}

describe.each(chartKinds)('%s regions', (kind) => {
  it('name marks drawn in their colour, inside their chart cell', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const level of [2, 5] as const) {
      for (const sample of await samplesOf(kind, level)) {
        const scene = sample.scene as ChartScene;
        const pixels = decodePng(sample.png);
        // Every region the drawing names (questions name only some), checked against the question boxes too.
        const pen = createPen({ width: sample.width, height: sample.height, theme: getTheme(sample.theme) } as never);
        charts.draw(scene, pen);
        const boxes = pen.regions();
        for (const qa of sample.qa) {
          for (const r of qa.regions) expect(boxes.get(r.id), `${sample.id} ${r.id}`).toEqual(r.box);
        }
        expect(boxes.size).toBeGreaterThan(scene.charts.length);
        for (const [id, box] of boxes) {
          const k = Number(/^c(\d+)/.exec(id)?.[1] ?? 0) - 1;
          const cell = cellBox(scene, k, sample.width, sample.height);
          const inside =
            box.x >= cell.x - 0.5 && box.y >= cell.y - 0.5 && box.x + box.width <= cell.x + cell.width + 0.5 && box.y + box.height <= cell.y + cell.height + 0.5;
          if (!inside) problems.push(`${sample.id} ${id} ${JSON.stringify(box)} outside cell ${JSON.stringify(cell)}`);
          const mark = markId.exec(id);
          if (mark === null) continue;
          const chart = scene.charts[k];
          if (chart === undefined) continue;
          const s = Number(mark[2]) - 1;
          const i = Number(mark[3]) - 1;
          if (chart.kind === 'pie' || chart.kind === 'doughnut') {
            const hex = chart.sliceColours[i]?.hex ?? '';
            if (!coloursIn(pixels, box).has(hex)) problems.push(`${sample.id} ${id}: slice colour ${hex} not in its box`);
            checked++;
          } else if (chart.kind.endsWith('bar') && box.width >= 4 && box.height >= 4) {
            const hex = chart.series[s]?.colour.hex ?? '';
            const labelled = chart.style.valueLabels && chart.kind === 'stacked-bar';
            const centre = pixelHex(pixels, box.x + box.width / 2, box.y + box.height / 2);
            if (labelled) {
              // The printed value sits at the segment's centre: the segment's own colour still fills most of it.
              const counts = [...coloursIn(pixels, box)].sort((a, b) => b[1] - a[1]);
              if (counts[0]?.[0] !== hex) problems.push(`${sample.id} ${id}: most of the box is ${counts[0]?.[0]}, not ${hex}`);
            } else if (centre !== hex) problems.push(`${sample.id} ${id}: centre pixel ${centre}, series colour ${hex}`);
            checked++;
          } else if ((chart.kind === 'scatter' || chart.kind === 'line') && !chart.style.valueLabels) {
            const hex = chart.series[s]?.colour.hex ?? '';
            const centre = pixelHex(pixels, box.x + box.width / 2, box.y + box.height / 2);
            if (centre !== hex) problems.push(`${sample.id} ${id}: point centre ${centre}, series colour ${hex}`);
            checked++;
          }
        }
      }
    }
    expect(problems).toEqual([]);
    if (kind !== 'area' && kind !== 'multi-line') expect(checked).toBeGreaterThan(0);
  });
});
