/**
 * Typed answers. Every question's ground truth is one of these; each type has a canonical text
 * form (see `answerText`) and a scorer (see `scoreAnswer`) that needs only the stored record.
 */

/** A real number, scored with a relative tolerance. */
export interface NumberAnswer {
  type: 'number';
  value: number;
  /** Relative tolerance; default 0.05 for values read off an image. Use 0 for exact. */
  tolerance?: number;
  /** Decimal places of the canonical text; when set, a prediction rounded to it is exact. */
  precision?: number;
  /** Unit shown after the value in the canonical text (for example `%`, `km`). */
  unit?: string;
}

/** An exact integer: counts, lengths, years. */
export interface IntegerAnswer {
  type: 'integer';
  value: number;
  unit?: string;
}

/** A short phrase, matched after normalising case, spacing and punctuation. */
export interface TextAnswer {
  type: 'text';
  value: string;
  /** Other phrasings that are also right. */
  aliases?: readonly string[];
}

/** Yes or no. */
export interface BooleanAnswer {
  type: 'boolean';
  value: boolean;
}

/** One option letter of a multiple-choice question. */
export interface ChoiceAnswer {
  type: 'choice';
  /** The right letter, such as `B`. */
  value: string;
  /** Every option, letter to text, in display order. */
  options: Readonly<Record<string, string>>;
}

/** A list of phrases, ordered or not. */
export interface ListAnswer {
  type: 'list';
  value: readonly string[];
  ordered: boolean;
}

/** A grid cell as 1-based (row, column), as people count. */
export interface CellAnswer {
  type: 'cell';
  row: number;
  col: number;
}

/** A clock reading. */
export interface TimeAnswer {
  type: 'time';
  /** Hour, 0–23. */
  hours: number;
  /** Minutes, 0–59. */
  minutes: number;
  /** When true, a 12-hour reading of the same time (8:10 for 20:10) is right too. */
  twelveHour?: boolean;
}

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

/**
 * A description of the whole image in one paragraph, such as a chart caption naming its type,
 * title, series and extremes. Scored by ROUGE-L against `value`, not right or wrong: the score is
 * a number in [0, 1], and evaluation reports show captions apart from accuracy (PAPER.md).
 */
export interface CaptionAnswer {
  type: 'caption';
  /** The reference description: one paragraph, on one line, without an answer marker. */
  value: string;
}

/** Every answer type. */
export type Answer =
  | NumberAnswer
  | IntegerAnswer
  | TextAnswer
  | BooleanAnswer
  | ChoiceAnswer
  | ListAnswer
  | CellAnswer
  | TimeAnswer
  | RouteAnswer
  | CaptionAnswer;

/** The name of an answer type. */
export type AnswerType = Answer['type'];
