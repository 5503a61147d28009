import type { Box, Pen } from '@absynth/render';
import { createPen, getTheme, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { markColours, markLetterColour, mazeLayout } from '../draw.js';
import { maze } from '../scenario.js';
import { sampleAt } from './helpers.js';

function drawn(level: 1 | 2 | 3 | 4 | 5, index: number, overrides: Parameters<typeof sampleAt>[2], size = { width: 512, height: 512 }) {
  const scene = sampleAt(level, index, overrides);
  const pen = createPen({ ...size, theme: getTheme('light') });
  maze.draw(scene, pen);
  return { scene, pen, regions: pen.regions() };
}

type Shape = Pen['shapes'][number];

/** The display list without groups, in drawing order. */
const flatten = (shapes: readonly Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === 'group' ? flatten(s.children) : [s]));

const painted = (s: Shape) =>
  s.kind === 'text' ||
  s.kind === 'image' ||
  (s.kind !== 'group' && s.kind !== 'region' && ((s.style.fill !== undefined && s.style.fill !== 'none') || (s.style.stroke !== undefined && s.style.stroke !== 'none')));

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

describe('drawing', () => {
  it.each(['walls', 'blocks'] as const)('names the regions questions point at (%s)', (style) => {
    for (const labels of ['letters', 'legend'] as const) {
      const { scene, regions } = drawn(3, 1, { style, labels });
      expect(regions.has('maze')).toBe(true);
      expect(regions.has('start')).toBe(true);
      expect(regions.has('goal')).toBe(true);
      expect(regions.has('legend')).toBe(labels === 'legend');
      for (const c of scene.candidates) expect(regions.has(`candidate-${c.label}`)).toBe(true);
    }
  });

  it('puts each mark and letter on its cell', () => {
    for (const style of ['walls', 'blocks'] as const) {
      const { scene, pen, regions } = drawn(3, 2, { style });
      const layout = mazeLayout(scene, pen.width, pen.height);
      const centre = (row: number, col: number) =>
        style === 'walls'
          ? [layout.x + col * layout.block, layout.y + row * layout.block]
          : [layout.x + (col + 0.5) * layout.block, layout.y + (row + 0.5) * layout.block];
      for (const c of scene.candidates) {
        const box = regions.get(`candidate-${c.label}`) as Box;
        const [cx, cy] = centre(c.row, c.col) as [number, number];
        expect(Math.abs(box.x + box.width / 2 - cx)).toBeLessThan(layout.block);
        expect(Math.abs(box.y + box.height / 2 - cy)).toBeLessThan(layout.block);
      }
    }
  });

  it('keeps the maze inside the image at any size', () => {
    for (const size of [
      { width: 128, height: 128 },
      { width: 800, height: 400 },
      { width: 300, height: 900 },
    ]) {
      for (const style of ['walls', 'blocks'] as const) {
        const { regions } = drawn(5, 0, { style, labels: 'legend' }, size);
        const image = { x: 0, y: 0, ...size };
        expect(inside(regions.get('maze') as Box, image)).toBe(true);
        expect(inside(regions.get('legend') as Box, image)).toBe(true);
      }
    }
  });

  it('draws a 40×40 maze with a handful of painted shapes', () => {
    const { pen } = drawn(5, 0, { style: 'blocks' }, { width: 1344, height: 1344 });
    // Unpainted shapes only name regions; the renderer skips them.
    expect(flatten(pen.shapes).filter(painted).length).toBeLessThan(20);
  });

  it.each(['walls', 'blocks'] as const)('draws the dead-end window where questions point, under marks and letters (%s)', (style) => {
    let windows = 0;
    for (let index = 0; index < 20; index++) {
      const { scene, pen, regions } = drawn(4, index, { style });
      const box = scene.deadEndWindow;
      if (box === null) continue;
      windows++;
      const layout = mazeLayout(scene, pen.width, pen.height);
      // The region is the whole area counted in: cells (walls) or squares (blocks), edges included.
      const from = style === 'walls' ? 1 : 0;
      expect(regions.get('dead-end-window')).toEqual({
        x: layout.x + (box.left - from) * layout.block,
        y: layout.y + (box.top - from) * layout.block,
        width: (box.right - box.left + 1 + from) * layout.block,
        height: (box.bottom - box.top + 1 + from) * layout.block,
      });
      const area = regions.get('dead-end-window') as Box;
      const counted = [...regions.keys()].filter((id) => /^dead-end-\d+-\d+$/.test(id));
      expect(counted.length).toBeGreaterThan(0);
      for (const id of counted) expect(inside(regions.get(id) as Box, area), id).toBe(true);

      // The dashed outline lies within the area, in the accent colour, before the marks and letters
      // (and, in walls style, before the walls), so it hides none of them.
      const shapes = flatten(pen.shapes);
      const dashed = shapes.findIndex((s) => s.kind === 'rect' && s.style.stroke === pen.theme.accent && s.style.dash !== undefined);
      expect(dashed).toBeGreaterThan(-1);
      expect(inside((shapes[dashed] as Shape).box, area)).toBe(true);
      const walls = shapes.findIndex((s) => s.kind === 'path' && (style === 'walls' ? s.style.stroke : s.style.fill) === pen.theme.foreground);
      if (style === 'walls') expect(dashed).toBeLessThan(walls);
      const firstMark = shapes.findIndex((s) => s.kind === 'circle' || s.kind === 'text');
      expect(dashed).toBeLessThan(firstMark);
    }
    expect(windows).toBeGreaterThan(15);
  });

  it('gives start and goal two distinct colours in every theme', () => {
    for (const name of themeNames) {
      const theme = getTheme(name);
      for (let start = 0; start < 8; start++) {
        for (let goal = 0; goal < 8; goal++) {
          if (goal === start) continue;
          const [a, b] = markColours(theme, start, goal);
          expect(a, `${name} ${start} ${goal}`).not.toBe(b);
          expect(a).not.toBe(theme.background);
          expect(b).not.toBe(theme.background);
        }
      }
    }
  });

  // The picks and letter colours of every theme, every palette entry and every start and goal
  // index a scene can hold, pinned: a change to the colour rules must not change any image.
  it('picks the same mark and letter colours as before, for every theme and index pair', () => {
    const table: Record<string, { letters: Record<string, string>; marks: string[] }> = {};
    for (const name of themeNames) {
      const theme = getTheme(name);
      const marks: string[] = [];
      for (let start = 0; start < 8; start++) {
        for (let goal = 0; goal < 8; goal++) if (goal !== start) marks.push(`${start} ${goal}: ${markColours(theme, start, goal).join(' ')}`);
      }
      table[name] = { letters: Object.fromEntries(theme.palette.map((c) => [c, markLetterColour(c)])), marks };
    }
    expect(table).toMatchSnapshot();
  });
});
