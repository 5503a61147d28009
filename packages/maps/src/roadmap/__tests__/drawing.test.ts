import type { Level } from '@absynth/core';
import type { Box, Pen } from '@absynth/render';
import { contrastRatio, createPen, getTheme, textColourOn, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { roadmapLayout } from '../draw.js';
import { roadmapSize } from '../params.js';
import { roadmap } from '../scenario.js';
import { roadmapAt } from './helpers.js';

type Shape = Pen['shapes'][number];
const flatten = (shapes: readonly Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === 'group' ? flatten(s.children) : [s]));

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

function drawn(level: Level, index: number, size?: { width: number; height: number }, theme = 'light') {
  const scene = roadmapAt(level, index);
  const { width, height } = size ?? roadmapSize(roadmap.params.parse(roadmap.levels[level]));
  const pen = createPen({ width, height, theme: getTheme(theme) });
  roadmap.draw(scene, pen);
  return { scene, pen, regions: pen.regions(), layout: roadmapLayout(scene, width, height) };
}

describe('drawing road maps', () => {
  it.each([1, 2, 3, 4, 5] as const)('level %i: the default size keeps cells at least 22 px and every marker inside its cell', (level) => {
    for (let index = 0; index < 10; index++) {
      const scene = roadmapAt(level, index);
      const { pen, regions, layout } = drawn(level, index);
      expect(layout.cell).toBeGreaterThanOrEqual(22);
      expect(regions.has('map')).toBe(true);
      expect(regions.has('start')).toBe(true);
      expect(regions.has('end')).toBe(true);
      for (const marker of scene.markers) {
        const box = regions.get(`marker-${marker.label}`) as Box;
        const cell = { x: layout.x + marker.col * layout.cell, y: layout.y + marker.row * layout.cell, width: layout.cell, height: layout.cell };
        // The text stays inside its own cell, so it never covers an obstacle, a dot or another marker.
        expect(inside(box, cell), `${marker.label} in ${JSON.stringify(cell)}: ${JSON.stringify(box)}`).toBe(true);
      }
      const texts = flatten(pen.shapes).filter((s) => s.kind === 'text');
      for (const t of texts) expect(t.kind === 'text' && (t.style.fontSize ?? 0) >= 11).toBe(true);
    }
  });

  it('draws the obstacles as one path: a handful of painted shapes besides the markers', () => {
    const { scene, pen } = drawn(5, 0);
    const shapes = flatten(pen.shapes);
    // Regions are drawn nowhere (they name areas for questions and the testkit), so cost resvg nothing.
    expect(shapes.filter((s) => s.kind !== 'text' && s.kind !== 'region').length).toBeLessThanOrEqual(6);
    expect(shapes.filter((s) => s.kind === 'text')).toHaveLength(scene.markers.length);
    const obstacles = shapes.filter((s) => s.kind === 'path' && s.style.fill === scene.colours.obstacle.hex);
    expect(obstacles).toHaveLength(1);
    expect(obstacles.every((s) => s.kind === 'path' && s.style.crispEdges === true)).toBe(true);
  });

  it('keeps the map inside the image at any size', () => {
    for (const size of [
      { width: 128, height: 128 },
      { width: 800, height: 400 },
      { width: 300, height: 900 },
    ]) {
      const { regions } = drawn(5, 1, size);
      const image = { x: 0, y: 0, ...size };
      for (const id of ['map', 'start', 'end']) expect(inside(regions.get(id) as Box, image), id).toBe(true);
    }
  });

  it('writes markers in black or white, whichever reads better on the free area, in every theme', () => {
    for (const theme of themeNames) {
      const { scene, pen } = drawn(3, 2, undefined, theme);
      for (const t of flatten(pen.shapes)) {
        if (t.kind !== 'text') continue;
        expect(t.style.fill).toBe(textColourOn(scene.colours.free.hex));
        expect(contrastRatio(t.style.fill as string, scene.colours.free.hex)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
