import type { RouteAnswer } from '@absynth/core';
import { extractAnswer } from '@absynth/core';
import type { MazeScene } from './scene.js';
import { moveSize } from './scene.js';
import { routeField, toLattice, walkSteps } from './solve.js';

/**
 * Scores a route answer by walking it on the maze in the scene's units (a cell in `walls`
 * style, a square in `blocks` style). Any route from start to goal through open cells with the
 * fewest moves scores 1, whichever of several shortest routes it is. A legal route to the goal
 * that is longer scores 0.5 × shortest ÷ its length (below 0.5). A route that hits a wall or ends
 * elsewhere scores 0.25 × the share of the shortest distance it closed before stopping (below
 * 0.25). No moves, or a maze without a route, scores 0.
 */
export function scoreRoute(expected: RouteAnswer, response: string, scene: MazeScene): number {
  const steps = extractAnswer(expected, response)?.steps ?? [];
  if (steps.length === 0) return 0;
  const lattice = toLattice(scene.grid, moveSize(scene.style));
  const field = routeField(lattice, scene.start, scene.goal);
  if (field.length <= 0) return 0;
  const walk = walkSteps(lattice, scene.start, steps);
  const end = walk.visited[walk.visited.length - 1] ?? scene.start;
  const moves = walk.visited.length - 1;
  if (!walk.blocked && end.row === scene.goal.row && end.col === scene.goal.col) {
    return moves === field.length ? 1 : (0.5 * field.length) / moves;
  }
  const left = field.fromGoal[end.row * lattice.width + end.col] as number;
  return left < 0 ? 0 : 0.25 * Math.max(0, (field.length - left) / field.length);
}
