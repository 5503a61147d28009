import { validAnswer } from './schema.js';
import { collapseSteps } from './steps.js';
import type {
  BooleanAnswer,
  CaptionAnswer,
  CellAnswer,
  ChoiceAnswer,
  IntegerAnswer,
  ListAnswer,
  NumberAnswer,
  RouteAnswer,
  RouteStep,
  TextAnswer,
  TimeAnswer,
} from './types.js';

/** Options of a number answer. */
export interface NumberOptions {
  /** Relative tolerance; default 0.05. Use 0 for exact. */
  tolerance?: number;
  /** Decimal places of the canonical text; a prediction rounded to it is right. */
  precision?: number;
  /** Unit after the value in the canonical text, such as `%` or `km`. */
  unit?: string;
}

/**
 * Answer constructors that validate their input and throw a `TypeError` naming the bad field
 * (NaN, a fractional integer, a choice letter not among the options, an empty route, a caption
 * over several lines…).
 */
export const answer = {
  /** A real number scored with a relative tolerance (default 5%). */
  number(value: number, options: NumberOptions = {}): NumberAnswer {
    return validAnswer<NumberAnswer>({ type: 'number', value, ...definedFields(options) });
  },
  /** An exact whole number: a count, a length in cells, a year. */
  integer(value: number, options: { unit?: string } = {}): IntegerAnswer {
    return validAnswer<IntegerAnswer>({ type: 'integer', value, ...definedFields(options) });
  },
  /** A short phrase, with other phrasings that are also right. */
  text(value: string, aliases?: readonly string[]): TextAnswer {
    return validAnswer<TextAnswer>(aliases === undefined ? { type: 'text', value } : { type: 'text', value, aliases: [...aliases] });
  },
  /** Yes or no. */
  boolean(value: boolean): BooleanAnswer {
    return validAnswer<BooleanAnswer>({ type: 'boolean', value });
  },
  /** The right option letter and every option, letter to text, in display order. */
  choice(value: string, options: Readonly<Record<string, string>>): ChoiceAnswer {
    return validAnswer<ChoiceAnswer>({ type: 'choice', value, options: { ...options } });
  },
  /** A list of phrases; `ordered` says whether the order matters. */
  list(items: readonly string[], options: { ordered: boolean }): ListAnswer {
    return validAnswer<ListAnswer>({ type: 'list', value: [...items], ordered: options.ordered });
  },
  /** A grid cell, 1-based (row, column). */
  cell(row: number, col: number): CellAnswer {
    return validAnswer<CellAnswer>({ type: 'cell', row, col });
  },
  /** A clock reading on a 24-hour clock; `twelveHour` accepts the same time on a 12-hour dial. */
  time(hours: number, minutes: number, options: { twelveHour?: boolean } = {}): TimeAnswer {
    return validAnswer<TimeAnswer>({ type: 'time', hours, minutes, ...definedFields(options) });
  },
  /** A route as moves (merged into runs of one direction) and the markers it passes, in order. */
  route(steps: readonly RouteStep[], markers?: readonly string[]): RouteAnswer {
    const checked = validAnswer<RouteAnswer>(
      markers === undefined ? { type: 'route', steps: [...steps] } : { type: 'route', steps: [...steps], markers: [...markers] },
    );
    return { ...checked, steps: collapseSteps(checked.steps) };
  },
  /**
   * A description of the image in one paragraph (several sentences on one line), scored by
   * ROUGE-L against this text. It must not contain an answer marker ("the answer is").
   */
  caption(text: string): CaptionAnswer {
    return validAnswer<CaptionAnswer>({ type: 'caption', value: text });
  },
} as const;

/** Drops `undefined` fields so stored records have no empty keys. */
function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
