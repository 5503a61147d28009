/** The moves of a route as runs of one direction. */

/** One step of a route: a direction and how many cells to move. */
export interface RouteStep {
  direction: 'up' | 'down' | 'left' | 'right';
  count: number;
  /**
   * The marker this run ends at, when the map names one. A run that ends at a marker is not
   * merged with the next, and the route's canonical text becomes numbered steps that name them.
   */
  to?: string;
}

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
