import type { Box, Pen, Theme } from '@absynth/render';
import { channelSpread, contrastRatio, mixColours, rgbDistance, textColourOn } from '@absynth/render';
import { blockedRunsPath, pathNumber } from '../grid/draw.js';
import type { GridPoint, GridRect } from '../grid/point.js';
import { mazeFacts } from './facts.js';
import { baseLegendHeight, baseMargin } from './params.js';
import type { MazeScene } from './scene.js';
import { areaClass, colourRegions, colourSamples, deadEndRegion, deadEndRowClass, personPosition } from './scene.js';

/** Where the maze sits in the image. */
export interface MazeLayout {
  /** Top-left corner of the maze, in pixels. */
  x: number;
  y: number;
  /** Pixels per block of the grid (in `walls` style a cell is two blocks, so one cell is `2·block`). */
  block: number;
  /** Top of the legend band, when there is one. */
  legendY: number | undefined;
  legendFont: number;
}

/**
 * Fits the maze into the image: the largest whole-pixel cell (or square) that leaves the margin
 * and, for `legend` labels, a band under the maze. Whole pixels keep walls crisp.
 */
export function mazeLayout(scene: MazeScene, width: number, height: number): MazeLayout {
  // Margin and legend keep their default pixel size in big images (which `mazeSize` budgets
  // for) and shrink only in images smaller than 512 pixels.
  const shrink = Math.min(1, Math.min(width, height) / 512);
  const margin = Math.max(4, Math.round(baseMargin * shrink));
  const legendFont = Math.max(9, Math.round(15 * shrink));
  const legend = scene.labels === 'legend' ? baseLegendHeight * shrink : 0;
  const walls = scene.style === 'walls';
  const across = walls ? scene.cols : 2 * scene.cols + 1;
  const down = walls ? scene.rows : 2 * scene.rows + 1;
  const fit = Math.min((width - 2 * margin) / across, (height - 2 * margin - legend) / down);
  const unit = fit >= 4 ? Math.floor(fit) : fit;
  const block = walls ? unit / 2 : unit;
  const mazeWidth = across * unit;
  const mazeHeight = down * unit;
  const x = Math.round((width - mazeWidth) / 2);
  const y = Math.round((height - legend - mazeHeight) / 2);
  return { x, y, block, legendY: legend > 0 ? y + mazeHeight + (legend - legendFont) / 2 : undefined, legendFont };
}

/**
 * Draws the maze: thin walls or filled squares in the foreground colour, faint lines that help
 * count moves, the dead-end window as a thick dashed accent rectangle under the walls, the start
 * circle and goal square in two distinct palette colours with S and G in black or white, and the
 * candidate letters A–D in the accent colour on a patch of the background. Letters are at least
 * 12 px where the cell holds them and contrast at least 4.5:1 with what they sit on. Walls are merged into runs and sent as one path, since resvg's cost grows with
 * the number of shapes.
 */
export function drawMaze(scene: MazeScene, pen: Pen): void {
  const layout = mazeLayout(scene, pen.width, pen.height);
  const { theme } = pen;
  const { x, y, block } = layout;
  const walls = scene.style === 'walls';
  const cell = walls ? 2 * block : block;
  const height = scene.grid.length;
  const width = scene.grid[0]?.length ?? 0;
  // In walls style, walls are lines through even block indices and cell centres sit on odd ones;
  // in blocks style a block index is the square's top-left corner.
  const px = (col: number) => x + col * block;
  const py = (row: number) => y + row * block;
  const centre = (p: GridPoint): [number, number] =>
    walls ? [px(p.col), py(p.row)] : [px(p.col) + block / 2, py(p.row) + block / 2];
  const mazeBox = walls
    ? { x: px(0), y: py(0), width: px(width - 1) - px(0), height: py(height - 1) - py(0) }
    : { x: px(0), y: py(0), width: width * block, height: height * block };

  pen.group('maze', () => {
    if (scene.gridLines) drawGridLines(scene, pen, layout, mazeBox);
    // In walls style the box goes under the walls, so it never hides one.
    if (walls && scene.deadEndWindow !== null) drawDeadEndWindow(scene, pen, layout, scene.deadEndWindow);
    if (walls) drawWalls(scene, pen, layout, mazeBox);
    else drawBlocks(scene, pen, layout, mazeBox);
    if (!walls && scene.deadEndWindow !== null) drawDeadEndWindow(scene, pen, layout, scene.deadEndWindow);
    // Unpainted boxes on the counted dead ends, so the question can point at each and the
    // testkit can count them, in all and row by row.
    for (const p of mazeFacts(scene).countedDeadEnds) {
      const [left, top] = walls ? [px(p.col - 1), py(p.row - 1)] : [px(p.col), py(p.row)];
      pen.rect(left, top, cell, cell, { fill: 'none' }, { id: deadEndRegion(scene, p), class: `dead-end ${deadEndRowClass(personPosition(scene, p).row)}` });
    }
    // Blocks-style questions name walls and open squares by colours; these regions show them.
    const samples = colourSamples(scene);
    if (samples !== undefined) {
      pen.region(colourRegions.wall, { x: px(samples.wall.col), y: py(samples.wall.row), width: block, height: block }, { class: areaClass });
      pen.region(colourRegions.open, { x: px(samples.open.col), y: py(samples.open.row), width: block, height: block }, { class: areaClass });
      pen.region(colourRegions.margin, { x: 0, y: 0, width: Math.max(1, mazeBox.x - 1), height: Math.max(1, mazeBox.y - 1) }, { class: areaClass });
    }
  });

  const [startColour, goalColour] = markColours(theme, scene.colours.start, scene.colours.goal);
  const letters = scene.labels === 'letters';
  const markFont = letterSize(cell * (walls ? 0.48 : 0.7), cell * (walls ? 0.6 : 0.8));
  // In big mazes a one-cell mark is easy to miss; a thin ring around it catches the eye
  // without hiding which walls are open next to it.
  const ringWidth = cell < 0.03 * Math.min(pen.width, pen.height) ? Math.max(2, cell * 0.1) : 0;
  // Near the image edge the ring shrinks rather than being cut off.
  const ringReach = (cx: number, cy: number) =>
    Math.max(cell * 0.8, Math.min(1.6 * cell, Math.min(cx, cy, pen.width - cx, pen.height - cy) - ringWidth));
  pen.group('start', () => {
    const [cx, cy] = centre(scene.start);
    if (ringWidth > 0) pen.circle(cx, cy, ringReach(cx, cy), { stroke: startColour, strokeWidth: ringWidth });
    pen.circle(cx, cy, cell * (walls ? 0.36 : 0.47), { fill: startColour });
    if (letters) {
      pen.text(cx, cy, 'S', { fill: markLetterColour(startColour), fontSize: markFont, weight: 'bold', anchor: 'middle', baseline: 'middle' });
    }
  });
  pen.group('goal', () => {
    const [cx, cy] = centre(scene.goal);
    // A round ring here too: square lines would pass for walls.
    if (ringWidth > 0) pen.circle(cx, cy, ringReach(cx, cy), { stroke: goalColour, strokeWidth: ringWidth });
    const side = cell * (walls ? 0.7 : 0.9);
    pen.rect(cx - side / 2, cy - side / 2, side, side, { fill: goalColour });
    if (letters) {
      pen.text(cx, cy, 'G', { fill: markLetterColour(goalColour), fontSize: markFont, weight: 'bold', anchor: 'middle', baseline: 'middle' });
    }
  });

  const letterFont = letterSize(cell * (walls ? 0.62 : 0.86), cell * (walls ? 0.7 : 0.95));
  const letterColour = candidateColour(theme);
  // The letter sits on a patch of the open-cell colour, inside its cell, so a mark's ring or a
  // dash passing near never runs through it. The patch's height covers the capital (0.73 em) with a pixel to spare each side, and keeps 2 px
  // from the cell's walls even when the hand-drawn style wobbles its corners.
  const patchHeight = Math.min(letterFont * 0.85, (walls ? cell - wallWidth(pen, block) : cell) - 4);
  const patches: Box[] = scene.candidates.map((candidate) => {
    const [cx, cy] = centre(candidate);
    const width = Math.min(pen.measureText(candidate.label, letterFont, theme.font, 'bold') + 2, patchHeight);
    return { x: cx - width / 2, y: cy - patchHeight / 2, width, height: patchHeight };
  });
  // The patches go as one path, since resvg's cost grows with the number of shapes.
  if (patches.length > 0) {
    const d = patches.map((b) => `M${pathNumber(b.x)} ${pathNumber(b.y)}h${pathNumber(b.width)}v${pathNumber(b.height)}h${pathNumber(-b.width)}z`).join('');
    const left = Math.min(...patches.map((b) => b.x));
    const top = Math.min(...patches.map((b) => b.y));
    const right = Math.max(...patches.map((b) => b.x + b.width));
    const bottom = Math.max(...patches.map((b) => b.y + b.height));
    pen.path(d, { x: left, y: top, width: right - left, height: bottom - top }, { fill: theme.background });
  }
  for (const candidate of scene.candidates) {
    const [cx, cy] = centre(candidate);
    pen.text(
      cx,
      cy,
      candidate.label,
      { fill: letterColour, fontSize: letterFont, weight: 'bold', anchor: 'middle', baseline: 'middle' },
      { id: `candidate-${candidate.label}` },
    );
  }

  if (layout.legendY !== undefined) drawLegend(pen, layout, startColour, goalColour);
}

/** Faint lines on every cell boundary (dashed, walls) or square boundary (blocks), as one path. */
function drawGridLines(scene: MazeScene, pen: Pen, layout: MazeLayout, box: Box): void {
  const spacing = scene.style === 'walls' ? 2 * layout.block : layout.block;
  const across = Math.round(box.width / spacing);
  const down = Math.round(box.height / spacing);
  let d = '';
  for (let i = 1; i < across; i++) d += `M${pathNumber(box.x + i * spacing)} ${pathNumber(box.y)}V${pathNumber(box.y + box.height)}`;
  for (let i = 1; i < down; i++) d += `M${pathNumber(box.x)} ${pathNumber(box.y + i * spacing)}H${pathNumber(box.x + box.width)}`;
  if (d === '') return;
  // Dashes tell these lines from walls; few, long dashes keep resvg fast.
  const dash = scene.style === 'walls' ? [Math.max(1, spacing * 0.12), Math.max(2, spacing * 0.21)] : undefined;
  // A colour mixed toward the background rather than opacity, which makes resvg paint a layer.
  const colour = mixColours(pen.theme.muted, pen.theme.background, 0.55);
  pen.path(d, box, { stroke: colour, strokeWidth: 1, crispEdges: true, ...(dash ? { dash } : {}) });
}

/**
 * The dead-end window: a thick dashed rectangle in the accent colour. In `walls` style it runs
 * inside the window's edge cells, beside the walls that bound them rather than on them, and is
 * drawn under the walls. In `blocks` style it runs along the middle of the window's ring of wall
 * squares, over them, so every square that could be counted is clear of it; each dash has a rim
 * in the background colour so it stands out on walls in every theme.
 */
function drawDeadEndWindow(scene: MazeScene, pen: Pen, layout: MazeLayout, rect: GridRect): void {
  const { x, y, block } = layout;
  const walls = scene.style === 'walls';
  // Cells span one block either side of their centre; squares span their own block.
  const left = x + (walls ? rect.left - 1 : rect.left) * block;
  const top = y + (walls ? rect.top - 1 : rect.top) * block;
  const right = x + (rect.right + 1) * block;
  const bottom = y + (rect.bottom + 1) * block;
  const cell = walls ? 2 * block : block;
  const strokeWidth = Math.max(2.5, Math.min(6, cell * (walls ? 0.12 : 0.22)));
  const inset = walls ? Math.max(0.15 * cell, wallWidth(pen, block) / 2 + 1 + strokeWidth / 2) : 0.5 * cell;
  const dash = Math.max(6, 0.6 * cell);
  const gap = Math.max(4, 0.4 * cell);
  const box = { x: left + inset, y: top + inset, width: right - left - 2 * inset, height: bottom - top - 2 * inset };
  if (!walls) {
    // The rim: each dash again, a little longer and wider, centred on it (SVG has no dash
    // offset here, so the pattern starts with the rim's first half and ends with its other).
    const rim = Math.max(1, strokeWidth * 0.35);
    pen.rect(box.x, box.y, box.width, box.height, {
      stroke: pen.theme.background,
      strokeWidth: strokeWidth + 2 * rim,
      dash: [dash + rim, Math.max(0, gap - 2 * rim), rim, 0],
      fill: 'none',
    });
  }
  pen.rect(box.x, box.y, box.width, box.height, { stroke: pen.theme.accent, strokeWidth, dash: [dash, gap], fill: 'none' });
  // The region is the whole area counted in, edge cells included; the dashed line runs inside it.
  pen.rect(left, top, right - left, bottom - top, { fill: 'none' }, { id: 'dead-end-window' });
}

/** The stroke width of walls, in pixels: thick enough to read, thin enough to leave cells open. */
function wallWidth(pen: Pen, block: number): number {
  return Math.max(1.5, Math.min(5, 0.2 * block, pen.theme.lineWidth * 2));
}

/** Wall segments merged into maximal horizontal and vertical runs, drawn as one stroked path. */
function drawWalls(scene: MazeScene, pen: Pen, layout: MazeLayout, box: Box): void {
  const { grid } = scene;
  const { x, y, block } = layout;
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  let d = '';
  for (let r = 0; r < height; r += 2) {
    const line = grid[r] as string;
    for (let c = 1; c < width; c += 2) {
      if (line[c] !== '#') continue;
      const from = c - 1;
      while (c + 2 < width && line[c + 2] === '#') c += 2;
      d += `M${pathNumber(x + from * block)} ${pathNumber(y + r * block)}H${pathNumber(x + (c + 1) * block)}`;
    }
  }
  for (let c = 0; c < width; c += 2) {
    for (let r = 1; r < height; r += 2) {
      if (grid[r]?.[c] !== '#') continue;
      const from = r - 1;
      while (r + 2 < height && grid[r + 2]?.[c] === '#') r += 2;
      d += `M${pathNumber(x + c * block)} ${pathNumber(y + from * block)}V${pathNumber(y + (r + 1) * block)}`;
    }
  }
  const strokeWidth = wallWidth(pen, block);
  const pad = strokeWidth / 2;
  pen.path(
    d,
    { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad },
    { stroke: pen.theme.foreground, strokeWidth, lineCap: 'square', crispEdges: true },
  );
}

/** Blocked squares merged into horizontal runs, filled as one path. */
function drawBlocks(scene: MazeScene, pen: Pen, layout: MazeLayout, box: Box): void {
  pen.path(blockedRunsPath(scene.grid, layout.x, layout.y, layout.block), box, { fill: pen.theme.foreground, crispEdges: true });
}

/** A legend band under the maze: the start circle and the goal square with their names. */
function drawLegend(pen: Pen, layout: MazeLayout, startColour: string, goalColour: string): void {
  const font = layout.legendFont;
  const top = layout.legendY as number;
  const mid = top + font / 2;
  const mark = font * 0.9;
  const gap = font * 0.5;
  const startWord = pen.measureText('start', font);
  const goalWord = pen.measureText('goal', font);
  const total = mark + gap + startWord + font * 2 + mark + gap + goalWord;
  let left = (pen.width - total) / 2;
  pen.group('legend', () => {
    pen.circle(left + mark / 2, mid, mark / 2, { fill: startColour });
    left += mark + gap;
    pen.text(left, mid, 'start', { fontSize: font, baseline: 'middle' });
    left += startWord + font * 2;
    pen.rect(left, mid - mark / 2, mark, mark, { fill: goalColour });
    left += mark + gap;
    pen.text(left, mid, 'goal', { fontSize: font, baseline: 'middle' });
  });
}

/**
 * Two palette colours for start and goal, starting from the scene's indices and skipping greys
 * (they pass for walls) and any that would blur into the background or each other (or, less
 * strictly, the walls and the candidate letters), measured on the sRGB channels (their spread,
 * and the distance between two colours). When no entry clears every bar, the one that comes
 * closest is used.
 */
export function markColours(theme: Theme, start: number, goal: number): [string, string] {
  const { palette } = theme;
  const pick = (from: number, taken: readonly string[]): string => {
    const bars: [string, number][] = [
      [theme.background, 110],
      [theme.foreground, 60],
      [theme.accent, 60],
      ...taken.map((colour): [string, number] => [colour, 110]),
    ];
    let best = palette[from % palette.length] as string;
    let bestScore = -1;
    for (let i = 0; i < palette.length; i++) {
      const colour = palette[(from + i) % palette.length] as string;
      const score = Math.min(channelSpread(colour) / 60, ...bars.map(([other, bar]) => rgbDistance(colour, other) / bar));
      if (score >= 1) return colour;
      if (score > bestScore) {
        best = colour;
        bestScore = score;
      }
    }
    return best;
  };
  const first = pick(start, []);
  return [first, pick(goal, [first])];
}

/** Text contrast a reader needs (WCAG's bar for body text). */
export const minLetterContrast = 4.5;
/** The smallest font size of the letters on a maze, in pixels, where the cell has room for it. */
export const minLetterFont = 12;

/** A letter's font size: `wanted`, at least {@link minLetterFont} where that stays within `most` (what the cell holds). */
function letterSize(wanted: number, most: number): number {
  return Math.max(wanted, Math.min(minLetterFont, most));
}

/**
 * The colour of the S and G letters on a mark: black or white, whichever contrasts more with
 * the mark (at least 4.58:1 for any colour).
 */
export function markLetterColour(mark: string): '#000000' | '#ffffff' {
  return textColourOn(mark);
}

/**
 * The colour of the letters A–D, on the open-cell (background) colour: the theme's accent when
 * it contrasts at least 4.5:1 with the background (every built-in theme's does), else black or
 * white.
 */
export function candidateColour(theme: Theme): string {
  return contrastRatio(theme.accent, theme.background) >= minLetterContrast ? theme.accent : textColourOn(theme.background);
}
