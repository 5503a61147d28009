import { countTurns } from '../grid/moves.js';
import type { GridPoint } from '../grid/point.js';
import type { Marker, RoadmapScene } from './scene.js';
import type { Roads, TurnField } from './solve.js';
import { distancesFrom, toRoads, turnField, turnsTo } from './solve.js';

/** What the questions and the scorer need to know about one road map, solved once and shared. */
export interface RoadmapFacts {
  roads: Roads;
  field: TurnField;
  /** Fewest moves from the end to every cell; -1 where unreachable. */
  fromEnd: Int32Array;
  /** Fewest moves from start to end. */
  length: number;
  /** Turns on the reference route: the fewest of any shortest route. */
  turns: number;
  /** The most turns any shortest route makes. */
  mostTurns: number;
  /** The markers on the reference route, in the order it passes them. */
  routeMarkers: Marker[];
  /** The marker on each marked cell, by cell index. */
  markerAt: Map<number, Marker>;
  /** The marker on each label, in lowercase (labels are unique ignoring case). */
  markerByLabel: Map<string, Marker>;
}

// Every task of a scene, and the scorer, ask for the same facts; solving once keeps them cheap.
const cache = new WeakMap<RoadmapScene, RoadmapFacts>();

/** Solves a road map, once per scene: distances from both dots, turns of the shortest routes, markers on the reference route. */
export function roadmapFacts(scene: RoadmapScene): RoadmapFacts {
  const cached = cache.get(scene);
  if (cached !== undefined) return cached;
  const roads = toRoads(scene.grid);
  const field = turnField(roads, scene.start);
  const fromEnd = distancesFrom(roads, scene.end);
  const endIndex = scene.end.row * roads.size + scene.end.col;
  const markerAt = new Map<number, Marker>();
  const markerByLabel = new Map<string, Marker>();
  for (const marker of scene.markers) {
    markerAt.set(marker.row * roads.size + marker.col, marker);
    markerByLabel.set(marker.label.toLowerCase(), marker);
  }
  const routeMarkers: Marker[] = [];
  for (const cell of scene.route) {
    const marker = markerAt.get(cell.row * roads.size + cell.col);
    if (marker !== undefined) routeMarkers.push(marker);
  }
  const facts: RoadmapFacts = {
    roads,
    field,
    fromEnd,
    length: field.distance[endIndex] as number,
    turns: countTurns(scene.route),
    mostTurns: turnsTo(field, endIndex).most,
    routeMarkers,
    markerAt,
    markerByLabel,
  };
  cache.set(scene, facts);
  return facts;
}

/** Whether a cell lies on at least one shortest route from start to end. */
export function onShortestRoute(facts: RoadmapFacts, cell: GridPoint): boolean {
  const i = cell.row * facts.roads.size + cell.col;
  const a = facts.field.distance[i] as number;
  const b = facts.fromEnd[i] as number;
  return a >= 0 && b >= 0 && a + b === facts.length;
}
