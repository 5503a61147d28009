import type { Rng } from '@absynth/core';
import { moves } from '../grid/moves.js';
import type { GridPoint } from '../grid/point.js';
import type { Roads } from './solve.js';
import { degree, distancesFrom } from './solve.js';

/**
 * Whether cell (row, col) can be opened as the next cell of the road that ends at (fromRow,
 * fromCol) without touching any other road: its other three neighbours must be obstacles, and
 * so must its corner neighbours, except the two beside the cell it comes from. Roads grown this
 * way stay one cell wide with an obstacle between any two of them, so every turn and crossing
 * is a single, clearly drawn cell.
 */
export function canExtend(roads: Roads, fromRow: number, fromCol: number, row: number, col: number): boolean {
  const { size, free } = roads;
  if (row < 0 || col < 0 || row >= size || col >= size || free[row * size + col] === 1) return false;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      if (dr === 0 && dc === 0) continue;
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || r >= size || c >= size || free[r * size + c] !== 1) continue;
      if (r === fromRow && c === fromCol) continue;
      if (dr !== 0 && dc !== 0 && Math.abs(r - fromRow) + Math.abs(c - fromCol) === 1) continue;
      return false;
    }
  }
  return true;
}

/**
 * Grows a road network the way a rapidly-exploring random tree grows: pick a random target
 * cell, find the road cell nearest to it, and build a straight road from there toward it (2 to
 * a third of the grid long, cut short where it would touch another road), until the roads cover
 * `density` of the cells or the attempts run out. Roads branch wherever a new one starts from
 * the middle of an old one. One-cell stubs are removed at the end.
 */
export function growRoads(size: number, density: number, rng: Rng): Roads {
  const roads: Roads = { size, free: new Uint8Array(size * size) };
  const { free } = roads;
  const rows: number[] = [];
  const cols: number[] = [];
  const open = (row: number, col: number) => {
    free[row * size + col] = 1;
    rows.push(row);
    cols.push(col);
  };
  const margin = Math.min(2, Math.floor(size / 4));
  open(rng.int(margin, size - 1 - margin), rng.int(margin, size - 1 - margin));
  const target = Math.round(density * size * size);
  const longest = Math.max(3, Math.round(size / 3));
  for (let attempt = 0; attempt < 40 * size && rows.length < target; attempt++) {
    const tr = rng.int(0, size - 1);
    const tc = rng.int(0, size - 1);
    let nearest = -1;
    let nearestDistance = Number.POSITIVE_INFINITY;
    for (let i = 0; i < rows.length; i++) {
      const d = Math.abs((rows[i] as number) - tr) + Math.abs((cols[i] as number) - tc);
      if (d < nearestDistance) {
        nearestDistance = d;
        nearest = i;
      }
    }
    if (nearestDistance === 0) continue;
    let row = rows[nearest] as number;
    let col = cols[nearest] as number;
    const dRow = tr - row;
    const dCol = tc - col;
    const across = dRow === 0 || (dCol !== 0 && rng.bool(Math.abs(dCol) / (Math.abs(dRow) + Math.abs(dCol))));
    const dr = across ? 0 : Math.sign(dRow);
    const dc = across ? Math.sign(dCol) : 0;
    const length = Math.min(Math.abs(across ? dCol : dRow), rng.int(2, longest));
    for (let i = 0; i < length; i++) {
      if (!canExtend(roads, row, col, row + dr, col + dc)) break;
      row += dr;
      col += dc;
      open(row, col);
    }
  }
  removeStubs(roads);
  return roads;
}

/** Removes dead ends one cell long that stick out of a crossing: they read as bumps, not roads. */
function removeStubs(roads: Roads): void {
  const { size, free } = roads;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (free[row * size + col] !== 1 || degree(roads, row, col) !== 1) continue;
      for (const { dr, dc } of moves) {
        const r = row + dr;
        const c = col + dc;
        if (r < 0 || c < 0 || r >= size || c >= size || free[r * size + c] !== 1) continue;
        if (degree(roads, r, c) >= 3) free[row * size + col] = 0;
      }
    }
  }
}

/** A straight road that would join two parts of the network: from a road cell, `length` cells in one direction to another road. */
interface Connector {
  from: GridPoint;
  dir: number;
  length: number;
  /** The road cell it reaches. */
  to: GridPoint;
}

/**
 * The straight road from `from` in direction `dir` that reaches another road, when there is
 * one: every cell but the last opens as an ordinary extension, and the last has the other road
 * straight ahead and nothing else beside it.
 */
function connectorFrom(roads: Roads, from: GridPoint, dir: number): Connector | undefined {
  const { size, free } = roads;
  const { dr, dc } = moves[dir] as (typeof moves)[number];
  let { row, col } = from;
  for (let length = 1; ; length++) {
    const r = row + dr;
    const c = col + dc;
    const ahead = { row: r + dr, col: c + dc };
    if (r < 0 || c < 0 || r >= size || c >= size || free[r * size + c] === 1) return undefined;
    const inside = ahead.row >= 0 && ahead.col >= 0 && ahead.row < size && ahead.col < size;
    if (inside && free[ahead.row * size + ahead.col] === 1 && touchesOnlyEnds(roads, r, c, row, col, ahead.row, ahead.col)) {
      return { from, dir, length, to: ahead };
    }
    if (!canExtend(roads, row, col, r, c)) return undefined;
    row = r;
    col = c;
  }
}

/** Whether the free cells around (row, col) are only the two it joins and cells beside one of them. */
function touchesOnlyEnds(roads: Roads, row: number, col: number, aRow: number, aCol: number, bRow: number, bCol: number): boolean {
  const { size, free } = roads;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      const r = row + dr;
      const c = col + dc;
      if ((dr === 0 && dc === 0) || r < 0 || c < 0 || r >= size || c >= size || free[r * size + c] !== 1) continue;
      if ((r === aRow && c === aCol) || (r === bRow && c === bCol)) continue;
      const beside = Math.abs(r - aRow) + Math.abs(c - aCol) === 1 || Math.abs(r - bRow) + Math.abs(c - bCol) === 1;
      if (dr === 0 || dc === 0 || !beside) return false;
    }
  }
  return true;
}

/**
 * Adds up to `count` straight roads that each join two parts of the network at least
 * `minCycle` cells round apart, closing a loop of at least `minCycle` cells: an alternative
 * route around a block of obstacles. Every straight stretch from a road cell through obstacles
 * to another road is a candidate; they are tried in random order, each checked again on the
 * grid as it stands. Returns how many were added.
 */
export function addLoops(roads: Roads, count: number, minCycle: number, rng: Rng): number {
  const { size, free } = roads;
  const candidates: Connector[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (free[row * size + col] !== 1) continue;
      for (let dir = 0; dir < 4; dir++) {
        const connector = connectorFrom(roads, { row, col }, dir);
        // Each connector is found from both of its ends; keep it once.
        if (connector !== undefined && (dir === 1 || dir === 2)) candidates.push(connector);
      }
    }
  }
  let added = 0;
  let tried = 0;
  for (const candidate of rng.shuffle(candidates)) {
    if (added >= count || tried >= 4 * count + 8) break;
    // An earlier connector may have changed the cells around this one.
    const connector = connectorFrom(roads, candidate.from, candidate.dir);
    if (connector === undefined || connector.length !== candidate.length) continue;
    tried++;
    const apart = distancesFrom(roads, connector.from)[connector.to.row * size + connector.to.col] as number;
    if (apart >= 0 && apart + connector.length + 1 < minCycle) continue;
    const { dr, dc } = moves[connector.dir] as (typeof moves)[number];
    for (let i = 1; i <= connector.length; i++) free[(connector.from.row + dr * i) * size + connector.from.col + dc * i] = 1;
    added++;
  }
  return added;
}

/**
 * Grows a decoy: a dead-end branch of 2 to `length` cells that leaves the road at `from` (a
 * straight stretch of the route) on the side facing `toward` and winds toward it, turning
 * toward it now and then, and never touching another road, so it ends blind. Returns the cells
 * opened, none when there was no room for two.
 */
export function growDecoy(roads: Roads, from: GridPoint, toward: GridPoint, length: number, rng: Rng): GridPoint[] {
  const { size, free } = roads;
  const closer = (dir: number, row: number, col: number) => {
    const { dr, dc } = moves[dir] as (typeof moves)[number];
    return Math.abs(row + dr - toward.row) + Math.abs(col + dc - toward.col) < Math.abs(row - toward.row) + Math.abs(col - toward.col);
  };
  // Leave at a right angle to the road, toward the target when that side has room.
  const sides = [0, 1, 2, 3].filter((dir) => {
    const { dr, dc } = moves[dir] as (typeof moves)[number];
    return canExtend(roads, from.row, from.col, from.row + dr, from.col + dc);
  });
  if (sides.length === 0) return [];
  let dir = sides.find((d) => closer(d, from.row, from.col)) ?? rng.pick(sides);
  const opened: GridPoint[] = [];
  let { row, col } = from;
  let run = 0;
  while (opened.length < length) {
    const turns = [(dir + 1) % 4, (dir + 3) % 4].filter((d) => closer(d, row, col));
    const options = run >= 2 && turns.length > 0 && rng.bool(0.5) ? [...turns, dir] : [dir, ...turns];
    const next = options.find((d) => {
      const { dr, dc } = moves[d] as (typeof moves)[number];
      return canExtend(roads, row, col, row + dr, col + dc);
    });
    if (next === undefined) break;
    run = next === dir ? run + 1 : 1;
    dir = next;
    const { dr, dc } = moves[dir] as (typeof moves)[number];
    row += dr;
    col += dc;
    free[row * size + col] = 1;
    opened.push({ row, col });
  }
  if (opened.length < 2) {
    for (const cell of opened) free[cell.row * size + cell.col] = 0;
    return [];
  }
  return opened;
}
