/**
 * The canonical text of an answer: what training targets say after "The answer is". Every form
 * reads back through `extractAnswer` to the same answer.
 */
import { collapseSteps } from './steps.js';
import type { Answer, RouteAnswer } from './types.js';

/** Units written straight after the number. */
const attachedUnits = new Set(['%', '°', '‰', '′', '″']);
/** Units written before the number, after any sign. */
const currencySymbols = new Set(['$', '€', '£', '¥']);

/**
 * The canonical text form of an answer: numbers in their shortest form (or with `precision`
 * decimals) and no thousands separators, `%` attached and other units after a space,
 * `Yes`/`No`, the option letter, list items joined by `, ` (by `; ` when an item has a comma),
 * `(row, col)`, `H:MM` on a 24-hour clock, captions as written, and routes as `right 3, down 2 via t2, 5K` (or numbered
 * steps when the runs name their markers).
 */
export function answerText(answer: Answer): string {
  switch (answer.type) {
    case 'number':
      return withUnit(answer.precision === undefined ? shortestNumber(answer.value) : fixedNumber(answer.value, answer.precision), answer.unit);
    case 'integer':
      return withUnit(String(answer.value), answer.unit);
    case 'text':
      return answer.value.trim();
    case 'boolean':
      return answer.value ? 'Yes' : 'No';
    case 'choice':
      return answer.value;
    case 'list':
      return answer.value.map((item) => item.trim()).join(answer.value.some((item) => item.includes(',')) ? '; ' : ', ');
    case 'cell':
      return `(${answer.row}, ${answer.col})`;
    case 'time':
      return `${answer.hours}:${String(answer.minutes).padStart(2, '0')}`;
    case 'route':
      return routeText(answer);
    case 'caption':
      return answer.value.trim();
  }
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

/** The shortest decimal of the value to 15 significant digits, so 0.1 + 0.2 reads `0.3`. */
export function shortestNumber(value: number): string {
  const rounded = Number(value.toPrecision(15));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** The value with exactly `decimals` decimals, never `-0.00`. */
export function fixedNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return /^-0(?:\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
}

function withUnit(number: string, unit: string | undefined): string {
  const trimmed = unit?.trim();
  if (trimmed === undefined || trimmed === '') return number;
  if (attachedUnits.has(trimmed)) return `${number}${trimmed}`;
  if (currencySymbols.has(trimmed)) return number.startsWith('-') ? `-${trimmed}${number.slice(1)}` : `${trimmed}${number}`;
  return `${number} ${trimmed}`;
}
