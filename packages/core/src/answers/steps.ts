import type { RouteStep } from './types.js';

/**
 * Merges consecutive moves in one direction and drops empty ones, giving a route's runs. A run
 * that ends at a marker (`to`) stays apart from the next, so the marker keeps its place.
 */
export function collapseSteps(steps: readonly RouteStep[]): RouteStep[] {
  const runs: RouteStep[] = [];
  for (const step of steps) {
    if (step.count <= 0) continue;
    const last = runs.at(-1);
    if (last?.direction === step.direction && last.to === undefined) {
      last.count += step.count;
      if (step.to !== undefined) last.to = step.to;
    } else {
      runs.push(step.to === undefined ? { direction: step.direction, count: step.count } : { ...step });
    }
  }
  return runs;
}

/** The moves of a route as plain runs, without marker boundaries: what the route does. */
export function routeRuns(steps: readonly RouteStep[]): RouteStep[] {
  return collapseSteps(steps.map(({ direction, count }) => ({ direction, count })));
}
