import type { Level } from '@absynth/core';
import type { GeneratedSample } from '@absynth/engine';
import { generate } from '@absynth/engine';
import type { Pixels } from '@absynth/render';
import { colourDifference, contrastRatio, decodePng, pixelHex, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import type { GridPoint } from '../../grid/point.js';
import { mazeLayout } from '../draw.js';
import type { MarkLabels, MazeScene, MazeStyle } from '../scene.js';
import { maze } from '../scenario.js';

// What the questions say about colours and drawn things, checked on the decoded PNG. The scene
// gives only geometry (which square is a wall, where a letter sits); its colour fields are never
// read: every colour comes from the pixels, and the wording says which pixels to compare.

/** Colour differences (CIE76): at most `same` is one colour, at least `apart` reads as another. */
const same = 6;
const apart = 40;
/** WCAG's bar for text. */
const minTextContrast = 4.5;
/** The smallest font size of a letter on the maze, in pixels, at the default image size. */
const minFontSize = 12;
/** Cap height of a 12 px bold DejaVu letter, less a pixel of antialiasing. */
const minGlyphHeight = 7.5;

/** The most common colour among `hexes`. */
function mode(hexes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const h of hexes) counts.set(h, (counts.get(h) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [h, n] of counts) if (n > most) [best, most] = [h, n];
  return best;
}

/** Every pixel of a box, clipped to the image, row by row. */
function boxPixels(pixels: Pixels, left: number, top: number, width: number, height: number): { x: number; y: number; hex: string }[] {
  const out: { x: number; y: number; hex: string }[] = [];
  for (let y = Math.max(0, Math.ceil(top)); y < Math.min(pixels.height, Math.floor(top + height)); y++) {
    for (let x = Math.max(0, Math.ceil(left)); x < Math.min(pixels.width, Math.floor(left + width)); x++) {
      out.push({ x, y, hex: pixelHex(pixels, x, y) });
    }
  }
  return out;
}

/** The colour of the image's outermost pixels: its frame, the background around the maze. */
function frameColour(pixels: Pixels): string {
  const edge: string[] = [];
  for (let x = 0; x < pixels.width; x++) edge.push(pixelHex(pixels, x, 0), pixelHex(pixels, x, pixels.height - 1));
  for (let y = 0; y < pixels.height; y++) edge.push(pixelHex(pixels, 0, y), pixelHex(pixels, pixels.width - 1, y));
  return mode(edge);
}

/** Geometry of one drawn maze: the pixel box of each square (blocks) or cell (walls) of the block grid. */
function geometry(sample: GeneratedSample<MazeScene>) {
  const { scene } = sample;
  const layout = mazeLayout(scene, sample.width, sample.height);
  const { x, y, block } = layout;
  const walls = scene.style === 'walls';
  const cell = walls ? 2 * block : block;
  const centre = (p: GridPoint): [number, number] =>
    walls ? [x + p.col * block, y + p.row * block] : [x + (p.col + 0.5) * block, y + (p.row + 0.5) * block];
  return { layout, cell, centre };
}

/** Squares near what is drawn over the maze (marks and their rings, letters, the dashed box), left out of the wall and open checks. */
function covered(scene: MazeScene): (p: GridPoint) => boolean {
  const near = (a: GridPoint, b: GridPoint, d: number) => Math.abs(a.row - b.row) <= d && Math.abs(a.col - b.col) <= d;
  const w = scene.deadEndWindow;
  return (p) =>
    near(p, scene.start, 2) ||
    near(p, scene.goal, 2) ||
    scene.candidates.some((c) => near(p, c, 0)) ||
    (w !== null &&
      p.row >= w.top - 1 &&
      p.row <= w.bottom + 1 &&
      p.col >= w.left - 1 &&
      p.col <= w.right + 1 &&
      !(p.row >= w.top + 2 && p.row <= w.bottom - 2 && p.col >= w.left + 2 && p.col <= w.right - 2));
}

/** The pixels a referent of the wording points at, as one colour; a referent the test does not know fails. */
function referentColour(referent: string, sample: GeneratedSample<MazeScene>, pixels: Pixels): string {
  const { scene } = sample;
  const { centre } = geometry(sample);
  switch (referent) {
    // "The outer border" of a picture is its outermost band: the frame.
    case 'the outer border':
    case 'the background around the maze':
      return frameColour(pixels);
    case "the ring of squares along the maze's edge": {
      const ring: string[] = [];
      const last = scene.grid.length - 1;
      const right = (scene.grid[0]?.length ?? 1) - 1;
      const skip = covered(scene);
      scene.grid.forEach((line, row) => {
        [...line].forEach((_, col) => {
          if ((row === 0 || row === last || col === 0 || col === right) && !skip({ row, col })) {
            ring.push(pixelHex(pixels, ...centre({ row, col })));
          }
        });
      });
      return mode(ring);
    }
    default:
      throw new Error(`${sample.id}: the question names the colour of '${referent}', which this test cannot find in the image`);
  }
}

/** What a question says the colour of walls and of open squares is, as the referents it compares them to. */
function colourClaims(question: string): { wall: string | undefined; open: string | undefined } {
  const wall =
    /walls are the squares in the colour of (the [^,.;]+?)(?:,| and|\.|;)/.exec(question)?.[1] ??
    /squares in the colour of (the [^,.;]+?) are walls/.exec(question)?.[1];
  const open = /open squares have the colour of (the [^,.;]+?)(?:,|\.|;|$)/.exec(question)?.[1];
  return { wall, open };
}

/** Checks every colour the questions state about walls and open squares (blocks style). */
function checkBlockColours(sample: GeneratedSample<MazeScene>, pixels: Pixels, where: string): void {
  const { scene } = sample;
  const { centre } = geometry(sample);
  const skip = covered(scene);
  const wallPixels: string[] = [];
  const openPixels: string[] = [];
  scene.grid.forEach((line, row) => {
    [...line].forEach((ch, col) => {
      if (skip({ row, col })) return;
      (ch === '#' ? wallPixels : openPixels).push(pixelHex(pixels, ...centre({ row, col })));
    });
  });
  let claims = 0;
  for (const qa of sample.qa) {
    const { wall, open } = colourClaims(qa.question);
    // Every blocks question says what a wall is; the colours are how it says so.
    expect(wall, `${where} ${qa.task}: no colour for walls in "${qa.question}"`).toBeDefined();
    if (wall === undefined) continue;
    claims++;
    const wallColour = referentColour(wall, sample, pixels);
    const worstWall = Math.max(...wallPixels.map((hex) => colourDifference(hex, wallColour)));
    expect(worstWall, `${where} ${qa.task}: walls are said to be the colour of ${wall} (${wallColour})`).toBeLessThanOrEqual(same);
    const nearestOpen = Math.min(...openPixels.map((hex) => colourDifference(hex, wallColour)));
    expect(nearestOpen, `${where} ${qa.task}: an open square looks like a wall (${wallColour})`).toBeGreaterThanOrEqual(apart);
    if (open !== undefined) {
      const openColour = referentColour(open, sample, pixels);
      const worstOpen = Math.max(...openPixels.map((hex) => colourDifference(hex, openColour)));
      expect(worstOpen, `${where} ${qa.task}: open squares are said to be the colour of ${open} (${openColour})`).toBeLessThanOrEqual(same);
    }
  }
  expect(claims, `${where}: no question said what colour the walls are`).toBeGreaterThan(0);
}

/**
 * A letter drawn on a ground: the ground is the commonest colour of the box, the ink the pixels
 * that contrast with it at least 4.5:1; the ink must be there, and tall enough to read.
 */
function checkLetter(pixels: Pixels, box: { left: number; top: number; size: number }, where: string): { contrast: number; height: number } {
  const all = boxPixels(pixels, box.left, box.top, box.size, box.size);
  const ground = mode(all.map((p) => p.hex));
  const ink = all.filter((p) => contrastRatio(p.hex, ground) >= minTextContrast);
  expect(ink.length, `${where}: no letter pixels contrast ${minTextContrast}:1 with the ground ${ground}`).toBeGreaterThanOrEqual(12);
  const rows = ink.map((p) => p.y);
  const height = Math.max(...rows) - Math.min(...rows) + 1;
  expect(height, `${where}: the letter is ${height} px tall`).toBeGreaterThanOrEqual(minGlyphHeight);
  return { contrast: Math.max(...ink.map((p) => contrastRatio(p.hex, ground))), height };
}

/** Checks the letters A–D (and S and G on their marks) by their pixels, and their font sizes in the drawing. */
function checkLetters(sample: GeneratedSample<MazeScene>, pixels: Pixels, where: string): void {
  const { scene } = sample;
  const { cell, centre } = geometry(sample);
  const walls = scene.style === 'walls';
  for (const c of scene.candidates) {
    const [cx, cy] = centre(c);
    // Inside the cell, clear of its walls and the lines between cells.
    const size = walls ? cell * 0.7 : cell - 2;
    checkLetter(pixels, { left: cx - size / 2, top: cy - size / 2, size }, `${where} letter ${c.label}`);
  }
  if (scene.labels === 'letters') {
    for (const [name, p] of [
      ['S', scene.start],
      ['G', scene.goal],
    ] as const) {
      const [cx, cy] = centre(p);
      // Inside the circle (start) or square (goal), whose smallest is the start circle.
      const size = cell * (walls ? 0.5 : 0.64);
      checkLetter(pixels, { left: cx - size / 2, top: cy - size / 2, size }, `${where} mark ${name}`);
    }
  }
  const sizes = [...(sample.svg ?? '').matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([A-DSG])<\/text>/g)].map((m) => Number(m[1]));
  expect(sizes.length, `${where}: letters in the drawing`).toBe(scene.candidates.length + (scene.labels === 'letters' ? 2 : 0));
  expect(Math.min(...sizes, Number.POSITIVE_INFINITY), `${where}: smallest letter`).toBeGreaterThanOrEqual(minFontSize);
}

async function samplesOf(theme: string, style: 'crisp' | 'sketch', mazeStyle: MazeStyle, level: Level, labels: MarkLabels) {
  const out: GeneratedSample<MazeScene>[] = [];
  const seed = 31 + level;
  for await (const s of generate({ scenario: maze, level, seed, count: 1, theme, style, params: { style: mazeStyle, labels } })) {
    out.push(s as GeneratedSample<MazeScene>);
  }
  return out;
}

describe('what the maze questions say about colours and letters is true of the pixels', () => {
  const cases = themeNames.flatMap((theme) =>
    (['crisp', 'sketch'] as const).flatMap((style) => (['walls', 'blocks'] as const).map((mazeStyle) => [theme, style, mazeStyle] as const)),
  );
  it.each(cases)('%s, %s, %s: every level', async (theme, style, mazeStyle) => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      for (const labels of ['letters', 'legend'] as const) {
        for (const sample of await samplesOf(theme, style, mazeStyle, level, labels)) {
          const where = `${sample.id} (level ${level}, ${theme}, ${style}, ${mazeStyle}, ${labels})`;
          const pixels = decodePng(sample.png);
          if (mazeStyle === 'blocks') checkBlockColours(sample, pixels, where);
          checkLetters(sample, pixels, where);
        }
      }
    }
  });
});
