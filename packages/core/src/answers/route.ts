/**
 * Route answers: moves through a map, and the markers they pass.
 *
 * - Text: `right 3, down 2`, with ` via t2, 5K` when the map has markers; when the runs name the
 *   marker they end at, the paper's numbered steps on one line:
 *   `1. Move up 3 until you reach t2. 2. Move right 4 to the end.`
 * - Extraction: through the one route reader (`route-reading.ts`), with the answer's markers as
 *   the names; moves collapsed into runs, markers in order with consecutive repeats once.
 * - Scoring: validity depends on the map, so scenarios score routes with their own `score.route`
 *   (`scoreResponse`). This scorer is literal: the collapsed moves equal and any markers named are
 *   expected ones in order; or, with no moves, exactly the expected markers in order.
 */
import { z } from 'zod';
import { type AnswerKind, type PickIndex, validated } from './kind.js';
import { mentionedMarkers, mentionedSteps, readRouteIn, routeReadingRules } from './route-reading.js';
import { collapseSteps, type RouteStep, routeRuns } from './route-runs.js';
import { isSubsequence, sameSequence } from './sequences.js';

/**
 * A route through a map. Validity depends on the map, so scenarios score it with their own
 * `score.route` override; the core scorer only compares moves and markers literally.
 */
export interface RouteAnswer {
  type: 'route';
  /** The moves as runs of one direction. */
  steps: readonly RouteStep[];
  /** Named landmarks passed in order, when the map has them. */
  markers?: readonly string[];
}

/** Moves and markers read from a response. */
export interface ExtractedRoute {
  type: 'route';
  /** The moves, collapsed to runs of one direction. */
  steps: RouteStep[];
  /** Marker names mentioned, in order, consecutive repeats removed. */
  markers: string[];
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

const markerName = z.string().regex(/^[\p{L}\p{N}]+$/u, 'marker names are letters and digits, such as t2 or 5K');

/** Validates a route answer record. */
export const routeSchema = z.object({
  type: z.literal('route'),
  steps: z
    .array(
      z.object({
        direction: z.enum(['up', 'down', 'left', 'right']),
        count: z.number().int().min(1),
        to: markerName.optional(),
      }),
    )
    .min(1, 'needs at least one move')
    .readonly(),
  markers: z.array(markerName).readonly().optional(),
});

/** A route as moves (merged into runs of one direction) and the markers it passes, in order. */
export function routeAnswer(steps: readonly RouteStep[], markers?: readonly string[]): RouteAnswer {
  const checked = validated<RouteAnswer>(
    routeSchema,
    markers === undefined ? { type: 'route', steps: [...steps] } : { type: 'route', steps: [...steps], markers: [...markers] },
  );
  return { ...checked, steps: collapseSteps(checked.steps) };
}

/**
 * A route's moves as `direction count` runs joined by `, `; when the map has markers they
 * follow as ` via ` and their names in order. Moves come first because they alone fix the
 * path; the markers are what the paper's landmark score reads. When the runs name the markers
 * they end at, the route is written as the paper's numbered steps instead, on one line:
 * `1. Move up 3 until you reach t2. 2. Move right 4 to the end.`
 */
function routeText(route: RouteAnswer): string {
  if (route.steps.some((step) => step.to !== undefined)) {
    const last = route.steps.length - 1;
    return route.steps
      .map(({ direction, count, to }, i) => {
        const goal = to !== undefined ? ` until you reach ${to}` : i === last ? ' to the end' : '';
        return `${i + 1}. Move ${direction} ${count}${goal}.`;
      })
      .join(' ');
  }
  const moves = collapseSteps(route.steps)
    .map((step) => `${step.direction} ${step.count}`)
    .join(', ');
  return route.markers !== undefined && route.markers.length > 0 ? `${moves} via ${route.markers.join(', ')}` : moves;
}

function routeMatches(expected: RouteAnswer, read: ExtractedRoute): boolean {
  const markers = expected.markers ?? [];
  if (read.steps.length === 0) return markers.length > 0 && sameSequence(read.markers, markers);
  const stepsAgree = sameSteps(read.steps, routeRuns(expected.steps));
  // Moves fix the path; named markers must still be ones it passes, in order.
  return stepsAgree && (markers.length === 0 || isSubsequence(read.markers, markers));
}

function sameSteps(a: readonly RouteStep[], b: readonly RouteStep[]): boolean {
  return a.length === b.length && a.every((step, i) => step.direction === b[i]?.direction && step.count === b[i]?.count);
}

function corruptSteps(steps: readonly RouteStep[], pick: PickIndex): RouteStep[] {
  const index = pick(steps.length);
  const turns: Readonly<Record<RouteStep['direction'], RouteStep['direction'][]>> = {
    up: ['left', 'right'], down: ['left', 'right'], left: ['up', 'down'], right: ['up', 'down'],
  };
  const lengthen = pick(2) === 0;
  // A longer run or a turned run changes how far the route goes in some direction, so the
  // collapsed moves always differ.
  return collapseSteps(
    steps.map((step, i) => {
      if (i !== index) return step;
      if (lengthen) return { ...step, count: step.count + 1 + pick(3) };
      return { ...step, direction: turns[step.direction][pick(2)] ?? step.direction };
    }),
  );
}

/** The route answer type, read by the one route reader with the answer's markers as the names. */
export const routeKind: AnswerKind<RouteAnswer, ExtractedRoute> = {
  ...routeReadingRules,
  text: routeText,
  read: (text, scope, expected) => {
    const reading = readRouteIn(text, scope, { names: expected?.markers ?? [] });
    return reading === undefined ? undefined : { type: 'route', steps: mentionedSteps(reading), markers: mentionedMarkers(reading) };
  },
  score: (expected, read) => (routeMatches(expected, read) ? 1 : 0),
  corrupt: (answer, pick) => ({ ...answer, steps: corruptSteps(routeRuns(answer.steps), pick) }),
};
