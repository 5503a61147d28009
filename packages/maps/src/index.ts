import type { maze } from './maze/scenario.js';
import type { roadmap } from './roadmap/scenario.js';

export { maze } from './maze/scenario.js';
export type { MazeParams } from './maze/params.js';
export type { Candidate, CandidateLabel, GridPoint, MarkLabels, MazeAlgorithm, MazeScene, MazeStyle } from './maze/scene.js';
export {
  deadEnds,
  distancesFrom,
  isReachable,
  onEveryShortestRoute,
  routeSteps,
  shortestLength,
  shortestRoute,
  toLattice,
} from './maze/solve.js';
export type { Lattice } from './maze/solve.js';

export { roadmap } from './roadmap/scenario.js';
export type { RoadmapParams } from './roadmap/params.js';
export type { Cell, DrawnColour, Marker, RoadmapScene } from './roadmap/scene.js';
export type { RouteMention, RouteReading, RouteTrace } from './roadmap/score.js';
export { landmarkCoverage, paperMarkerRecall, readRoute, scoreRoadmapRoute, traceRoute } from './roadmap/score.js';
export type { Roads, TurnField } from './roadmap/solve.js';
export { countTurns, fewestTurnRoute, toRoads, turnField } from './roadmap/solve.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    maze: typeof maze;
    roadmap: typeof roadmap;
  }
}
