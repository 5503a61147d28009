import type { Rng } from '@absynth/core';
import type { NamedColour } from '@absynth/render';
import { chroma, colourDifference, contrastRatio, namedColours, relativeLuminance } from '@absynth/render';
import { moves } from '../grid/moves.js';
import { flagLines } from '../grid/open-squares.js';
import type { GridPoint } from '../grid/point.js';
import { addLoops, growDecoy, growRoads } from './generate.js';
import type { RoadmapParams } from './params.js';
import type { DrawnColour, Marker, RoadmapScene } from './scene.js';
import type { Roads, TurnField } from './solve.js';
import { cellShape, distancesFrom, fewestTurnRoute, turnField, turnsTo } from './solve.js';

/** Networks grown before settling for the closest miss; each is tried from several starts. */
const maxNetworks = 16;
/** Networks tried for the drawn turn count before any count within the bounds will do. */
const networksForAim = 4;
/** Start cells tried on each network. */
const startsPerNetwork = 6;
/** The smallest loop `addLoops` closes, in cells: smaller ones are only a bump around one block. */
const minLoop = 12;

/** A start and end pair on a network, and how far its route is from the level's bounds (0: inside them). */
interface Placement {
  roads: Roads;
  field: TurnField;
  start: GridPoint;
  end: GridPoint;
  miss: number;
}

/**
 * Samples one road map: grows a network (see `growRoads`), closes loops in it, then looks for a
 * start and an end at least `size` moves apart whose reference route (a shortest route with the
 * fewest turns) turns a number of times drawn from `minTurns` to `maxTurns`, growing a new
 * network when a few starts find none. After 4 networks any count within the bounds will do,
 * and after 16 it keeps the pair that came closest. Then it grows the decoy branches off the
 * route, puts a marker on every cell where a shortest route turns and on `markerShare` of the
 * other turns and crossings, and picks the colours.
 */
export function sampleRoadmap(rng: Rng, params: RoadmapParams): RoadmapScene {
  const { size } = params;
  const fewest = params.minTurns;
  const most = Math.max(params.minTurns, params.maxTurns);
  const minLength = size;
  // Aim at one turn count drawn from the bounds, so counts spread over them instead of piling
  // up at the easiest; any count inside the bounds is kept when the aim is not met.
  const aim = rng.int(fewest, most);
  let best: Placement | undefined;
  for (let network = 0; network < maxNetworks && (best === undefined || best.miss > 0 || network < networksForAim); network++) {
    const roads = growRoads(size, params.density, rng);
    addLoops(roads, params.loops, minLoop, rng);
    const ends = endCells(roads);
    if (ends.length < 2) continue;
    for (let attempt = 0; attempt < startsPerNetwork; attempt++) {
      const start = rng.pick(ends);
      const field = turnField(roads, start);
      const fits: GridPoint[] = [];
      const aimed: GridPoint[] = [];
      let closest: { cell: GridPoint; miss: number } | undefined;
      for (const cell of ends) {
        const index = cell.row * size + cell.col;
        const length = field.distance[index] as number;
        if (length <= 0) continue;
        const { fewest: turns } = turnsTo(field, index);
        const miss = 100 * Math.max(0, fewest - turns, turns - most) + Math.max(0, minLength - length);
        if (miss === 0) (turns === aim ? aimed : fits).push(cell);
        else if (closest === undefined || miss < closest.miss) closest = { cell, miss };
      }
      if (aimed.length > 0) return finishScene({ roads, field, start, end: rng.pick(aimed), miss: 0 }, params, rng);
      if (fits.length > 0 && (best === undefined || best.miss > 0)) {
        best = { roads, field, start, end: rng.pick(fits), miss: 0 };
      } else if (closest !== undefined && (best === undefined || closest.miss < best.miss)) {
        best = { roads, field, start, end: closest.cell, miss: closest.miss };
      }
    }
  }
  if (best === undefined) throw new Error(`no road network with two ends grew on a ${size} × ${size} grid`);
  return finishScene(best, params, rng);
}

/** Cells a dot may sit on: dead ends and straight stretches, never a turn or crossing (those carry markers). */
function endCells(roads: Roads): GridPoint[] {
  const cells: GridPoint[] = [];
  for (let row = 0; row < roads.size; row++) {
    for (let col = 0; col < roads.size; col++) {
      if (roads.free[row * roads.size + col] !== 1) continue;
      const shape = cellShape(roads, row, col);
      if (shape === 'dead-end' || shape === 'straight') cells.push({ row, col });
    }
  }
  return cells;
}

function finishScene(placement: Placement, params: RoadmapParams, rng: Rng): RoadmapScene {
  const { roads, start, end } = placement;
  const { size } = roads;
  const firstRoute = fewestTurnRoute(roads, placement.field, end) as GridPoint[];
  // Decoys leave the route from straight stretches away from the dots, facing the end.
  const leaves = firstRoute.slice(2, -2).filter((cell) => cellShape(roads, cell.row, cell.col) === 'straight');
  for (let i = 0, grown = 0; i < 3 * params.decoys && grown < params.decoys && leaves.length > 0; i++) {
    const from = rng.pick(leaves);
    if (cellShape(roads, from.row, from.col) !== 'straight') continue;
    if (growDecoy(roads, from, end, rng.int(3, Math.max(4, Math.round(size / 3))), rng).length > 0) grown++;
  }
  // Dead ends change no distance, so the route stays the same; it is found again on the final grid.
  const route = fewestTurnRoute(roads, turnField(roads, start), end) as GridPoint[];

  const fromStart = distancesFrom(roads, start);
  const fromEnd = distancesFrom(roads, end);
  const length = fromStart[end.row * size + end.col] as number;
  const labels = new LabelMaker(rng);
  const markers: Marker[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      if (roads.free[i] !== 1 || (row === start.row && col === start.col) || (row === end.row && col === end.col)) continue;
      const shape = cellShape(roads, row, col);
      if (shape !== 'turn' && shape !== 'crossing') continue;
      if (turnOfShortestRoute(roads, fromStart, fromEnd, length, row, col) || rng.bool(params.markerShare)) {
        markers.push({ label: labels.next(), row, col });
      }
    }
  }

  const grid = flagLines(roads.free, size);
  return { size, grid, start, end, markers, route, colours: pickColours(rng), gridLines: params.gridLines };
}

/**
 * Whether some shortest route from start to end turns at (row, col): the cell is on a shortest
 * route, and of its neighbours one is a move nearer the start and another a move nearer the end,
 * both on shortest routes, at a right angle. Such cells always get a marker, so every shortest
 * route can be told marker by marker in straight runs.
 */
function turnOfShortestRoute(roads: Roads, fromStart: Int32Array, fromEnd: Int32Array, length: number, row: number, col: number): boolean {
  const { size } = roads;
  const i = row * size + col;
  const a = fromStart[i] as number;
  const b = fromEnd[i] as number;
  if (a < 0 || b < 0 || a + b !== length) return false;
  let before = 0;
  let after = 0;
  moves.forEach(({ dr, dc }, dir) => {
    const r = row + dr;
    const c = col + dc;
    if (r < 0 || c < 0 || r >= size || c >= size) return;
    const j = r * size + c;
    if (fromStart[j] === a - 1 && fromEnd[j] === b + 1) before |= 1 << dir;
    if (fromStart[j] === a + 1 && fromEnd[j] === b - 1) after |= 1 << dir;
  });
  // Coming in from side `d` and leaving by side `e` goes straight only when they are opposite.
  for (let d = 0; d < 4; d++) {
    if ((before & (1 << d)) === 0) continue;
    for (let e = 0; e < 4; e++) if ((after & (1 << e)) !== 0 && e !== (d + 2) % 4) return true;
  }
  return false;
}

/** Letters of marker labels: none that pass for a digit (I, l, O, o), and no capital U, D, L or R first, which reads as a move such as `R3`. */
const labelLetters = 'ABCEFGHJKMNPQSTVWXYZabcdefghjkmnpqrstuvwxyz';
/** Capitals that may stand second, after the digit (`3D` is no move). */
const secondLetters = `${labelLetters}DLRU`;
/** Digits of marker labels: 0 and 1 pass for O and l. */
const labelDigits = '23456789';

/** Draws two-character labels, a letter and a digit in either order, none twice on a map even in another case. */
class LabelMaker {
  readonly #used = new Set<string>();
  readonly #rng: Rng;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  next(): string {
    for (;;) {
      const digit = labelDigits.charAt(this.#rng.int(0, labelDigits.length - 1));
      const digitFirst = this.#rng.bool();
      const letters = digitFirst ? secondLetters : labelLetters;
      const letter = letters.charAt(this.#rng.int(0, letters.length - 1));
      const label = digitFirst ? `${digit}${letter}` : `${letter}${digit}`;
      if (this.#used.has(label.toLowerCase())) continue;
      this.#used.add(label.toLowerCase());
      return label;
    }
  }
}

/** Obstacle and free colours contrast at least this much (WCAG's bar for body text). */
export const minAreaContrast = 4.5;
/** Start and end dots differ from both areas and from each other by at least this much (CIE76). */
export const minDotDifference = 40;
/** Dots stand out from the free area they sit on in lightness too, not only in hue (yellow on cream does not). */
export const minDotContrast = 1.6;
/** Dots are vivid: CIELAB chroma at least this, so never a grey nor a dark shade that passes for an obstacle. */
const minDotChroma = 55;

let areaPairs: [NamedColour, NamedColour][] | undefined;

/**
 * Every (obstacle, free) pair of the named palette that contrasts enough, with the free area the
 * lighter (light roads on a dark ground read as roads; the other way round they read as walls),
 * in palette order.
 */
function contrastingPairs(): [NamedColour, NamedColour][] {
  if (areaPairs === undefined) {
    areaPairs = [];
    for (const obstacle of namedColours) {
      for (const free of namedColours) {
        const contrast = contrastRatio(obstacle.hex, free.hex);
        if (relativeLuminance(free.hex) > relativeLuminance(obstacle.hex) && contrast >= minAreaContrast) areaPairs.push([obstacle, free]);
      }
    }
  }
  return areaPairs;
}

/**
 * Obstacle and free colours that contrast, the free area the lighter, and start and end dots
 * in clear colours that stand out from both areas and from each other.
 */
function pickColours(rng: Rng): RoadmapScene['colours'] {
  for (;;) {
    const [obstacle, free] = rng.pick(contrastingPairs());
    const dots = namedColours.filter(
      (c) =>
        chroma(c.hex) >= minDotChroma &&
        colourDifference(c.hex, obstacle.hex) >= minDotDifference &&
        colourDifference(c.hex, free.hex) >= minDotDifference &&
        contrastRatio(c.hex, free.hex) >= minDotContrast,
    );
    const start = dots.length > 0 ? rng.pick(dots) : undefined;
    const ends = dots.filter((c) => start !== undefined && colourDifference(c.hex, start.hex) >= minDotDifference);
    if (start === undefined || ends.length === 0) continue;
    const end = rng.pick(ends);
    const drawn = (c: NamedColour): DrawnColour => ({ name: c.name, hex: c.hex });
    return { obstacle: drawn(obstacle), free: drawn(free), start: drawn(start), end: drawn(end) };
  }
}
