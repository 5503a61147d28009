import type { RouteStep } from './types.js';

/** Merges consecutive moves in one direction and drops empty ones, giving a route's runs. */
export function collapseSteps(steps: readonly RouteStep[]): RouteStep[] {
  const runs: RouteStep[] = [];
  for (const step of steps) {
    if (step.count <= 0) continue;
    const last = runs.at(-1);
    if (last?.direction === step.direction) last.count += step.count;
    else runs.push({ direction: step.direction, count: step.count });
  }
  return runs;
}
