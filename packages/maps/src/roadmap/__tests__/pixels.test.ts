import type { Level } from '@absynth/core';
import type { GeneratedSample } from '@absynth/engine';
import { generate } from '@absynth/engine';
import type { Pixels } from '@absynth/render';
import { colourDifference, contrastRatio, decodePng, namedColours, pixelHex, themeNames } from '@absynth/render';
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

// The same colours again, read the way a reader does: the names the question says, looked up in
// render's named palette (never the scene's colour fields), found at the pixels of every
// obstacle cell, every plain free cell and both dots, in every theme and drawing style; each
// named colour far from the others named, and the markers readable on the free area.

/** Colour differences (CIE76): at most `same` is one colour, at least `apart` reads as another. */
const same = 6;
const apart = 40;

/** The hex of a colour name a question uses; fails for a name the palette does not hold. */
function hexOfName(name: string, where: string): string {
  const found = namedColours.find((c) => c.name === name);
  if (found === undefined) throw new Error(`${where}: the question names '${name}', which is not a named colour`);
  return found.hex;
}

/** What a question says the four colours are: the paper's opening or the shorter context of the other tasks. */
function namedInQuestion(question: string): { obstacle: string; free: string; start: string; end: string } | undefined {
  const paper =
    /The color of obstacle area is ([a-z ]+), and the color of free area is ([a-z ]+)\. The color of start point is ([a-z ]+), and the color of end point is ([a-z ]+)\./.exec(
      question,
    );
  const short = /the obstacle area is ([a-z ]+) and the free area is ([a-z ]+); the start point is the ([a-z ]+) dot and the end point is the ([a-z ]+) dot/.exec(
    question,
  );
  const m = paper ?? short;
  if (m === null) return undefined;
  const [, obstacle, free, start, end] = m as unknown as [string, string, string, string, string];
  return { obstacle, free, start, end };
}

function checkNamedColours(sample: GeneratedSample<RoadmapScene>): void {
  const { scene } = sample;
  const pixels: Pixels = decodePng(sample.png);
  const where = `${sample.id} (${sample.theme}, ${sample.style})`;
  const layout = roadmapLayout(scene, sample.width, sample.height);
  const at = (cell: GridPoint) => pixelHex(pixels, ...cellCentre(layout, cell));
  const taken = new Set([scene.start, scene.end, ...scene.markers].map((c) => `${c.row},${c.col}`));
  const obstaclePixels: string[] = [];
  const freePixels: string[] = [];
  scene.grid.forEach((line, row) => {
    [...line].forEach((ch, col) => {
      if (ch === '#') obstaclePixels.push(at({ row, col }));
      else if (!taken.has(`${row},${col}`)) freePixels.push(at({ row, col }));
    });
  });
  for (const qa of sample.qa) {
    const named = namedInQuestion(qa.question);
    if (named === undefined) {
      // A question that does not describe the map (the marker count) names no colour at all.
      const said = namedColours.filter((c) => new RegExp(`\\b${c.name}\\b`, 'i').test(qa.question)).map((c) => c.name);
      expect(said, `${where} ${qa.task}: colours named outside the description`).toEqual([]);
      continue;
    }
    const hex = {
      obstacle: hexOfName(named.obstacle, where),
      free: hexOfName(named.free, where),
      start: hexOfName(named.start, where),
      end: hexOfName(named.end, where),
    };
    const worst = (drawn: readonly string[], colour: string) => Math.max(...drawn.map((h) => colourDifference(h, colour)));
    expect(worst(obstaclePixels, hex.obstacle), `${where} ${qa.task}: obstacle cells are ${named.obstacle}`).toBeLessThanOrEqual(same);
    expect(worst(freePixels, hex.free), `${where} ${qa.task}: free cells are ${named.free}`).toBeLessThanOrEqual(same);
    expect(colourDifference(at(scene.start), hex.start), `${where} ${qa.task}: the start dot is ${named.start}`).toBeLessThanOrEqual(same);
    expect(colourDifference(at(scene.end), hex.end), `${where} ${qa.task}: the end dot is ${named.end}`).toBeLessThanOrEqual(same);
    const colours = Object.values(hex);
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) expect(colourDifference(a, b), `${where}: ${a} and ${b} named apart`).toBeGreaterThanOrEqual(apart);
    }
  }
  // Each marker: pixels on its cell that contrast 4.5:1 with the free area around them.
  const ground = freePixels[0] as string;
  for (const marker of scene.markers) {
    const [cx, cy] = cellCentre(layout, marker);
    let ink = 0;
    for (let y = Math.ceil(cy - layout.cell / 2 + 2); y < cy + layout.cell / 2 - 2; y++) {
      for (let x = Math.ceil(cx - layout.cell / 2 + 2); x < cx + layout.cell / 2 - 2; x++) {
        if (contrastRatio(pixelHex(pixels, x, y), ground) >= 4.5) ink++;
      }
    }
    expect(ink, `${where}: marker ${marker.label} readable on the free area`).toBeGreaterThanOrEqual(12);
  }
}

describe('the colours the road map questions name, by name, in every theme', () => {
  it.each(themeNames.flatMap((theme) => (['crisp', 'sketch'] as const).map((style) => [theme, style] as const)))(
    '%s, %s: levels 1 to 5',
    async (theme, style) => {
      for (const level of [1, 2, 3, 4, 5] as const) {
        for await (const sample of generate({ scenario: roadmap, level, seed: 23, count: 2, theme, style })) {
          checkNamedColours(sample as GeneratedSample<RoadmapScene>);
        }
      }
    },
  );
});
