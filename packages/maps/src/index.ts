import type { maze } from './maze/scenario.js';

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

declare module '@absynth/core' {
  interface ScenarioRegistry {
    maze: typeof maze;
  }
}
