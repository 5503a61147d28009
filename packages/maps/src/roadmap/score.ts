import { landmarkCoverage, mentionedMarkers, type RouteAnswer, type RouteMention, type RouteReading, readRoute } from '@absynth/core';
import type { GridPoint } from '../grid/point.js';
import { roadmapFacts } from './facts.js';
import type { RoadmapScene } from './scene.js';
import { moves } from '../grid/moves.js';
import { isFree } from './solve.js';

/** How a route answer traces on the map. */
export interface RouteTrace {
  /** Whether it leads from start to end through free cells only (see {@link traceRoute}). */
  valid: boolean;
  /** The markers it names, in order, without immediate repeats. */
  named: string[];
  /** The markers on the cells it covers before it goes wrong (or to the end), in order. */
  passed: string[];
}

/**
 * Follows a reading (`readRoute` with the map's labels as the names) on the map from the start.
 * A move goes its count of cells, each of which must be free. A named marker the route has
 * already passed since the previous one is a check, not a place to go; any other is reached by a
 * straight run of free cells from where the route stands. After the last mention, when it is a
 * marker, a straight run of free cells may finish at the end point ("then move right to the end
 * point"); after a move the route must stand on the end point. In the canonical form (moves, then "via" and markers) the moves alone
 * fix the route, which must end on the end point, and the markers must be ones it passes, in order.
 */
export function traceRoute(scene: RoadmapScene, reading: Pick<RouteReading, 'mentions' | 'viaAt'>): RouteTrace {
  const facts = roadmapFacts(scene);
  const { roads, markerByLabel, markerAt } = facts;
  const named = mentionedMarkers(reading);
  const path: GridPoint[] = [{ row: scene.start.row, col: scene.start.col }];
  let lastNamed = 0;
  const passedMarkers = () => {
    const seen: string[] = [];
    for (const cell of path) {
      const marker = markerAt.get(cell.row * roads.size + cell.col);
      if (marker !== undefined && seen[seen.length - 1] !== marker.label) seen.push(marker.label);
    }
    return seen;
  };
  const fail = (): RouteTrace => ({ valid: false, named, passed: passedMarkers() });
  const here = () => path[path.length - 1] as GridPoint;
  const findOnPath = (cell: GridPoint) => {
    for (let i = lastNamed; i < path.length; i++) {
      const p = path[i] as GridPoint;
      if (p.row === cell.row && p.col === cell.col) return i;
    }
    return -1;
  };
  /** Appends the straight run of free cells from here to `cell`; false when there is none. */
  const runTo = (cell: GridPoint): boolean => {
    const from = here();
    if (from.row !== cell.row && from.col !== cell.col) return false;
    const dr = Math.sign(cell.row - from.row);
    const dc = Math.sign(cell.col - from.col);
    const cells: GridPoint[] = [];
    for (let r = from.row + dr, c = from.col + dc; ; r += dr, c += dc) {
      if (!isFree(roads, r, c)) return false;
      cells.push({ row: r, col: c });
      if (r === cell.row && c === cell.col) break;
    }
    path.push(...cells);
    return true;
  };

  if (reading.mentions.length === 0) return fail();
  const canonical = reading.viaAt !== undefined;
  let lastKind: RouteMention['kind'] = 'move';
  for (const [index, mention] of reading.mentions.entries()) {
    const checkOnly = canonical && index >= (reading.viaAt as number);
    lastKind = mention.kind;
    if (mention.kind === 'move') {
      const { dr, dc } = moves.find((m) => m.direction === mention.direction) as (typeof moves)[number];
      for (let i = 0; i < mention.count; i++) {
        const { row, col } = here();
        if (!isFree(roads, row + dr, col + dc)) return fail();
        path.push({ row: row + dr, col: col + dc });
      }
      continue;
    }
    const marker = markerByLabel.get(mention.name.toLowerCase());
    if (marker === undefined) return fail();
    const at = findOnPath(marker);
    if (at >= 0) {
      lastNamed = at;
      continue;
    }
    if (checkOnly || !runTo(marker)) return fail();
    lastNamed = path.length - 1;
  }
  const { row, col } = here();
  const atEnd = row === scene.end.row && col === scene.end.col;
  if (!atEnd && (canonical || lastKind === 'move' || !runTo(scene.end))) return fail();
  return { valid: true, named, passed: passedMarkers() };
}

/**
 * Scores a free-text route answer on the map (see README "How routes are scored"): 1 when it
 * traces a route from start to end through free cells ({@link traceRoute}), whichever route
 * that is; otherwise the ordered landmark coverage of the markers it names (or, when it names
 * none, of those its moves pass before going wrong) against the reference route's markers,
 * kept below 1 — at most n/(n+1) for n reference markers, as if the end point were one more
 * landmark it missed.
 */
export function scoreRoadmapRoute(expected: RouteAnswer, response: string, scene: RoadmapScene): number {
  const facts = roadmapFacts(scene);
  // Only this map's labels name markers, so "10am", "step 2" or a made-up "Q7" name nothing.
  const reading = readRoute(response, { names: scene.markers.map((m) => m.label) }) ?? { mentions: [], viaAt: undefined };
  const trace = traceRoute(scene, reading);
  if (trace.valid) return 1;
  const reference = expected.markers ?? facts.routeMarkers.map((m) => m.label);
  const named = trace.named.length > 0 ? trace.named : trace.passed;
  return Math.min(landmarkCoverage(named, reference), reference.length / (reference.length + 1));
}
