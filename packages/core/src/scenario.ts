import type { DrawingStyle, Pen } from '@absynth/render';
import type { z } from 'zod';
import type { Answer, RouteAnswer } from './answers/types.js';
import type { Rng } from './rng.js';

/** The paper's question categories. */
export const questionKinds = [
  'ocr',
  'caption',
  'perception',
  'data-extraction',
  'math-reasoning',
  'structural',
  'colour',
  'reasoning',
  'route-planning',
] as const;

/** One of the paper's question categories. */
export type QuestionKind = (typeof questionKinds)[number];

/**
 * Data a sampler reads besides its params, given to a run as `resources` (a grown topic library
 * as `{ topics }`, say). Plain JSON, the same for every item of a run; recorded in the manifest by
 * name, version and SHA-256. Scenarios that need none ignore it.
 */
export type SampleResources = Readonly<Record<string, unknown>>;

/** Difficulty, 1 (easiest) to 5. Level 3 is the default. */
export type Level = 1 | 2 | 3 | 4 | 5;

/** The difficulty levels, in order. */
export const levels: readonly Level[] = [1, 2, 3, 4, 5];

/** What a task returns: the question before a writer words it, with its verified answer. */
export interface DraftQuestion {
  /** One or more phrasings of the question; the template writer picks one with the item's rng. */
  question: string | readonly string[];
  /** The ground truth, computed from the scene. */
  answer: Answer;
  /** The derivation, one step per entry, in the order a person would reason. */
  rationale: readonly string[];
  /** Ids of drawn shapes that show the answer; the pipeline resolves them to boxes. */
  regions?: readonly string[];
  /**
   * What a reader must see in the image to answer, in terms of the drawing; checked against
   * the drawn shapes and pixels by the testkit's `testAnswerable`. Not stored in datasets.
   */
  needs?: ReaderNeeds;
}

/**
 * What a reader must see to answer a question, in terms of the drawing: the texts it needs, the
 * marks it counts, the numbers it states that are not printed, the colours it names, the marks
 * of a unique extreme. Every id is a shape, group or region id of the drawing; every class one
 * of the space-separated names of a `class` given to the pen (`dot dot-red`). Any number the question or rationale states must be printed in the
 * image, or be one of `readings` or `derived`.
 */
export interface ReaderNeeds {
  /** Ids of the drawn texts the question quotes or the answer is read from (texts, or regions carrying a raster library's text). */
  texts?: readonly string[];
  /** The class of the marks a count counts: an integer answer must equal the drawn shapes of that class. */
  counts?: string;
  /** Other counts the question or rationale states ("3 of the 7 dots"), each of the drawn marks of a class. */
  tallies?: readonly { class: string; count: number }[];
  /** Values stated that are read off a drawn scale rather than printed. */
  readings?: readonly ScaleReading[];
  /** Values stated that are computed from what is read or printed (sums, differences, ratios), or that the question itself gives (a position, the decimals to round to). */
  derived?: readonly number[];
  /** Colours the question or answer names, each with the region that shows it. */
  colours?: readonly ColourNeed[];
  /** A unique highest or lowest mark asked for: the first reading is the answer's mark, the rest its rivals. */
  extreme?: { which: 'highest' | 'lowest'; readings: readonly ScaleReading[] };
  /** Times read off analog clock faces from their hands. */
  clocks?: readonly ClockReading[];
}

/**
 * A time read off an analog clock: the hands' tips against the face whose box is centred on the
 * pivot, by the convention every reader knows (12 at the top, clockwise, the minute hand the
 * longer one). The face must show its twelve hours (marks or numerals of class `hour-mark`).
 */
export interface ClockReading {
  /** The id of the face (a circle, or a group whose box is centred on the pivot). */
  face: string;
  /** The id of the hour hand. */
  hour: string;
  /** The id of the minute hand. */
  minute: string;
  /** The time stated, hours 0–23 (read on the 12-hour face) and minutes. */
  hours: number;
  minutes: number;
  /** How many minutes the stated time may be off the minute hand; default 0.5 (the hand is on a minute mark). */
  tolerance?: number;
}

/**
 * A value read off the drawing: where the edge of mark `mark` falls against the numeric tick
 * labels drawn inside region `axis` (a linear scale), or, for a slice, the share of a full turn it
 * spans (`edge: 'sweep'`).
 */
export interface ScaleReading {
  /** The value stated. */
  value: number;
  /** The id of the mark whose edge shows the value (a bar, a point). */
  mark: string;
  /**
   * Which edge of the mark's box: `top` or `bottom` against a vertical axis, `left` or `right`
   * (or `centre`) against a horizontal one; `sweep`, the mark's angle as a percentage of a full
   * turn (a pie or doughnut slice, whose region records the sweep it was drawn with); or `needle`,
   * the angle of the mark's point farthest from the centre of `axis` (a dial whose box is centred
   * on the pivot) against the numeric labels drawn around that centre, whose value is linear in
   * the angle. Tick marks of class `tick` inside the axis make the scale read finer than its labels;
   * texts of class `title` (an axis title such as "l/100 km") are never read as tick labels.
   */
  edge: 'top' | 'bottom' | 'left' | 'right' | 'centre' | 'sweep' | 'needle';
  /** The id of the region holding the axis' tick labels (for `needle`, the dial); none for a `sweep`. */
  axis?: string;
  /** How far the stated value may be from the drawing, in the value's units: the statement's own precision ("about 60" within 5, "59.5" within 0.05). */
  tolerance: number;
}

/** A colour a question names, and the region whose pixels show it. */
export interface ColourNeed {
  /** The name the question uses. */
  name: string;
  /** The colour the name stands for, `#rrggbb`; default the render named colour of that name. */
  hex?: string;
  /**
   * Instead of `hex`: the id of the region whose pixels show the colour the name stands for, for a
   * colour named by its role ("the colour of the ring along the maze's edge", "the background")
   * when the theme decides it. The region itself may be given, to check only that its colour is
   * far from the other marks'.
   */
  like?: string;
  /** The id of the region (a bar, a node) painted in it. */
  region: string;
  /** The class of the marks whose colours the question could mean; default the region's own class. */
  among?: string;
}

/** A family of questions about a scene. */
export interface Task<S = any> {
  /** Unique within its scenario, such as `shortest-route`. */
  id: string;
  /** The paper's category of the question. */
  kind: QuestionKind;
  /** One sentence on what the task asks. */
  summary: string;
  /** Builds the question for a scene, or returns `undefined` when the scene does not suit it. */
  ask(scene: S, rng: Rng): DraftQuestion | undefined;
}

/** Image size in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** What a sampler knows of its item besides the params: the size it will be drawn at and the run's data. */
export interface SampleContext {
  /**
   * The image size the scene is drawn at, in pixels: the run's `size` option, else the scenario's
   * `size(params)`, else 512×512. What fits (printed labels, legends) depends on it.
   */
  readonly size: Size;
  /** The run's resources (see {@link SampleResources}); `{}` when there are none. */
  readonly resources: SampleResources;
}

/** Scorers for answers that have many valid forms, given the scene they are about. */
export interface ScoreOverrides<S> {
  /** Scores a free-text response to a route question against the map in `scene`. */
  route?(expected: RouteAnswer, response: string, scene: S): number;
}

/** A params schema: a zod object whose fields all have defaults. */
export type ParamsSchema = z.ZodObject<z.ZodRawShape>;

/**
 * A scenario: one kind of abstract image with the questions it supports. Made with
 * {@link defineScenario} and registered explicitly with `use`.
 */
export interface Scenario<Id extends string = string, P extends ParamsSchema = ParamsSchema, S = any> {
  /** Stable identifier used on the command line and in sample ids, such as `maze`. */
  id: Id;
  /** Bump whenever the output for the same seed changes. */
  version: number;
  /** Human title, such as `Grid mazes`. */
  title: string;
  /** One sentence on what the images and questions are. */
  summary: string;
  /** The params schema: the one source of the params type, validation, CLI flags and docs. */
  params: P;
  /** Param presets per difficulty level, merged under the user's params. */
  levels: Readonly<Record<Level, Partial<z.input<P>>>>;
  /** Image size for the given params when the user gives none; default 512×512. */
  size?: (params: z.output<P>) => Size;
  /**
   * Samples the scene, the ground truth of one item. Pure: uses only its arguments: `rng`, `params`
   * and the context (the image size and the run's resources; the pipeline always passes both).
   */
  sample(rng: Rng, params: z.output<P>, context: SampleContext): S;
  /** Draws the scene. May be async (layout engines). */
  draw(scene: NoInfer<S>, pen: Pen): void | Promise<void>;
  /**
   * The drawing styles `draw` honours; default both, `crisp` and `sketch` (the pen draws its
   * shapes hand-drawn). A scenario whose image comes from elsewhere (a raster library through
   * `pen.image`) lists only `crisp`, and a run that asks for another style is refused.
   */
  styles?: readonly DrawingStyle[];
  /** The question families. */
  tasks: readonly Task<NoInfer<S>>[];
  /** Scorers for answers with many valid forms. */
  score?: ScoreOverrides<NoInfer<S>>;
  /**
   * The scene as plain text (such as a grid of characters with a legend), for datasets written
   * text-only or with both the image and the text. Pure, like `draw`. Scenarios without it can
   * only be written as images.
   */
  text?(scene: NoInfer<S>): string;
}

/** Any scenario, whatever its params and scene types. */
export type AnyScenario = Scenario<string, any, any>;

/** The scene type of a scenario. */
export type SceneOf<T> = T extends Scenario<string, any, infer S> ? S : never;

/** The params a user passes (fields optional where the schema has defaults). */
export type ParamsInput<T> = T extends Scenario<string, infer P, any> ? Partial<z.input<P>> : never;

/** The params after validation and defaults. */
export type ParamsOutput<T> = T extends Scenario<string, infer P, any> ? z.output<P> : never;

/**
 * Declares a scenario. Returns its argument unchanged, typed from the literal: the id, the
 * params schema and the scene type (from `sample` alone) are inferred, so authors write no generics.
 */
export function defineScenario<const Id extends string, P extends ParamsSchema, S>(
  scenario: Scenario<Id, P, S>,
): Scenario<Id, P, S> {
  return scenario;
}

/**
 * Declares a task. Returns its argument unchanged; the scene type is inferred from `ask`'s
 * first parameter.
 */
export function defineTask<S>(task: Task<S>): Task<S> {
  return task;
}
