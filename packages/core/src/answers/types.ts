/**
 * The answer types, one module each (`number.ts`, `route.ts`, …), and their unions: what a
 * question's ground truth can be, and what a response can read as.
 */
import type { BooleanAnswer, ExtractedBoolean } from './boolean.js';
import type { CaptionAnswer, ExtractedCaption } from './caption.js';
import type { CellAnswer, ExtractedCell } from './cell.js';
import type { ChoiceAnswer, ExtractedChoice } from './choice.js';
import type { ExtractedInteger, IntegerAnswer } from './integer.js';
import type { ExtractedList, ListAnswer } from './list.js';
import type { ExtractedNumber, NumberAnswer } from './number.js';
import type { ExtractedRoute, RouteAnswer } from './route.js';
import type { ExtractedText, TextAnswer } from './text.js';
import type { ExtractedTime, TimeAnswer } from './time.js';

export type { BooleanAnswer, ExtractedBoolean } from './boolean.js';
export type { CaptionAnswer, ExtractedCaption } from './caption.js';
export type { CellAnswer, ExtractedCell } from './cell.js';
export type { ChoiceAnswer, ExtractedChoice } from './choice.js';
export type { ExtractedInteger, IntegerAnswer } from './integer.js';
export type { ExtractedList, ListAnswer } from './list.js';
export type { ExtractedNumber, NumberAnswer, NumberOptions } from './number.js';
export type { ExtractedRoute, RouteAnswer } from './route.js';
export type { RouteStep } from './route-runs.js';
export type { ExtractedText, TextAnswer } from './text.js';
export type { ExtractedTime, TimeAnswer } from './time.js';

/**
 * Typed answers. Every question's ground truth is one of these; each type has a canonical text
 * form (see `answerText`) and a scorer (see `scoreAnswer`) that needs only the stored record.
 */
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

/** Any value read from a response; keyed by `type` like {@link Answer}. */
export type ExtractedAnswer =
  | ExtractedNumber
  | ExtractedInteger
  | ExtractedText
  | ExtractedBoolean
  | ExtractedChoice
  | ExtractedList
  | ExtractedCell
  | ExtractedTime
  | ExtractedRoute
  | ExtractedCaption;

/** The extracted value for an answer type. */
export type ExtractedOf<T extends AnswerType> = Extract<ExtractedAnswer, { type: T }>;
