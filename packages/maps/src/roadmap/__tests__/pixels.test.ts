import type { Level } from '@absynth/core';
import type { GeneratedSample } from '@absynth/engine';
import { generate } from '@absynth/engine';
import { decodePng, pixelHex } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { cellCentre, roadmapLayout } from '../draw.js';
import { roadmap } from '../scenario.js';
import type { GridPoint } from '../../grid/point.js';
import type { RoadmapScene } from '../scene.js';
import { verifyRoadmap } from './verify.js';

/** The drawn colour at the centre of a cell. */
function colourAt(sample: GeneratedSample<RoadmapScene>, cell: GridPoint, pixels: ReturnType<typeof decodePng>): string {
  const { scene } = sample;
  const [x, y] = cellCentre(roadmapLayout(scene, sample.width, sample.height), cell);
  return pixelHex(pixels, x, y);
}

/** An obstacle cell, and a free cell with no marker and no dot, from the middle of the grid outward. */
function plainCells(scene: RoadmapScene): { obstacle: GridPoint; free: GridPoint } {
  const taken = new Set([scene.start, scene.end, ...scene.markers].map((c) => `${c.row},${c.col}`));
  let obstacle: GridPoint | undefined;
  let free: GridPoint | undefined;
  scene.grid.forEach((line, row) => {
    [...line].forEach((ch, col) => {
      if (ch === '#') obstacle ??= { row, col };
      else if (!taken.has(`${row},${col}`)) free ??= { row, col };
    });
  });
  if (obstacle === undefined || free === undefined) throw new Error('a map without an obstacle or a plain free cell');
  return { obstacle, free };
}

function checkColours(sample: GeneratedSample<RoadmapScene>): void {
  const { scene } = sample;
  const pixels = decodePng(sample.png);
  const { obstacle, free } = plainCells(scene);
  const where = `${sample.id} (${sample.theme}, ${sample.style})`;
  expect(colourAt(sample, obstacle, pixels), `${where} obstacle`).toBe(scene.colours.obstacle.hex);
  expect(colourAt(sample, free, pixels), `${where} free`).toBe(scene.colours.free.hex);
  expect(colourAt(sample, scene.start, pixels), `${where} start`).toBe(scene.colours.start.hex);
  expect(colourAt(sample, scene.end, pixels), `${where} end`).toBe(scene.colours.end.hex);
  // The route question names exactly these colours.
  const route = sample.qa.find((qa) => qa.task === 'find-route');
  expect(route?.question).toContain(`The color of obstacle area is ${scene.colours.obstacle.name}, and the color of free area is ${scene.colours.free.name}.`);
  expect(route?.question).toContain(`The color of start point is ${scene.colours.start.name}, and the color of end point is ${scene.colours.end.name}.`);
}

async function collect(level: Level, count: number, style: 'crisp' | 'sketch'): Promise<GeneratedSample<RoadmapScene>[]> {
  const out: GeneratedSample<RoadmapScene>[] = [];
  for await (const sample of generate({ scenario: roadmap, level, seed: 11, count, style })) out.push(sample);
  return out;
}

// The check: 500 generated maps at mixed levels, every route answer valid by the
// independent path finder and every colour the question names found at the pixels it names.
describe('500 generated road maps', () => {
  it.each([1, 2, 3, 4, 5] as const)('level %i: 100 maps, answers rechecked, named colours drawn', async (level) => {
    const samples = await collect(level, 100, 'crisp');
    expect(samples).toHaveLength(100);
    for (const sample of samples) {
      verifyRoadmap(sample);
      checkColours(sample);
    }
  });

  it('hand-drawn style paints the same colours at cell centres', async () => {
    for (const level of [1, 3, 5] as const) for (const sample of await collect(level, 10, 'sketch')) checkColours(sample);
  });
});
