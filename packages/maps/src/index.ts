import type { maze } from './maze/scenario.js';
import type { roadmap } from './roadmap/scenario.js';

export type { GridPoint } from './grid/point.js';
export { countTurns, runsAlong } from './grid/moves.js';

export { maze } from './maze/scenario.js';
export type { MazeParams } from './maze/params.js';
export type { Candidate, CandidateLabel, MarkLabels, MazeAlgorithm, MazeScene, MazeStyle } from './maze/scene.js';
export { deadEnds, distancesFrom, isReachable, onEveryShortestRoute, shortestLength, shortestRoute, toLattice } from './maze/solve.js';
export type { Lattice } from './maze/solve.js';

export { roadmap } from './roadmap/scenario.js';
export type { RoadmapParams } from './roadmap/params.js';
export type { DrawnColour, Marker, RoadmapScene } from './roadmap/scene.js';
export type { RouteTrace } from './roadmap/score.js';
export { scoreRoadmapRoute, traceRoute } from './roadmap/score.js';
export type { Roads, TurnField } from './roadmap/solve.js';
export { fewestTurnRoute, toRoads, turnField } from './roadmap/solve.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    maze: typeof maze;
    roadmap: typeof roadmap;
  }
}
