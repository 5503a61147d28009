// The records a run produces, as `samples.jsonl` stores them, and the drafts they are written from.
import type { Answer, Level, QuestionKind, ReaderNeeds } from '@absynth/core';
import type { Box, DrawingStyle } from '@absynth/render';

/** What a dataset shows the model: the image, the scene's text rendering, or both. */
export const modalities = ['image', 'text', 'both'] as const;

/** One of {@link modalities}; `image` unless asked otherwise. */
export type Modality = (typeof modalities)[number];

/** One question about an image, as stored in `samples.jsonl`. */
export interface QA {
  /** `<sample id>-<task id>`. */
  id: string;
  task: string;
  kind: QuestionKind;
  question: string;
  answer: Answer;
  /** The canonical text of the answer, the training target. */
  answerText: string;
  rationale: string;
  /** The image regions that show the answer. */
  regions: { id: string; box: Box }[];
}

/**
 * One generated item with its provenance, scene and questions, as stored in `samples.jsonl`.
 * `M` narrows the modality, and with it which of `image` and `text` are null.
 */
export interface SampleRecord<S = unknown, M extends Modality = Modality> {
  id: string;
  scenario: string;
  scenarioVersion: number;
  seed: number;
  index: number;
  level: Level;
  params: Record<string, unknown>;
  theme: string;
  style: DrawingStyle;
  /** What a model is shown: the image, the scene's text rendering, or both. */
  modality: M;
  /** Path of the PNG relative to the dataset folder; null for text-only records. */
  image: M extends 'text' ? null : string;
  /** Size of the drawing in pixels: the image's, and the frame of the regions (text-only items are drawn too). */
  width: number;
  height: number;
  /** The scene as the scenario's plain-text rendering, for `text` and `both`; null for `image`. */
  text: M extends 'image' ? null : string;
  scene: S;
  qa: QA[];
}

/** A sample as the pipeline yields it: the record plus the image bytes (null for text-only items). */
export interface GeneratedSample<S = unknown, M extends Modality = 'image'> extends SampleRecord<S, M> {
  png: M extends 'text' ? null : Buffer;
  svg: M extends 'text' ? null : string;
}

/** A question with its verified answer, before a writer words it. */
export interface DraftedQA extends Omit<QA, 'question' | 'rationale'> {
  /** The task's phrasings of the question. */
  phrasings: string[];
  /** The derivation, one step per entry. */
  steps: string[];
  /** What a reader must see to answer, when the task says (checked by the testkit; not stored). */
  needs?: ReaderNeeds;
}

/** A sample before its questions are worded: everything but the writer's output. */
export interface DraftedSample<S = unknown, M extends Modality = Modality> extends Omit<GeneratedSample<S, M>, 'qa'> {
  qa: DraftedQA[];
}

/**
 * The id of item `index` of a run: `<scenario>-s<seed>-l<level>-<index, 6 digits>`, unique across
 * the scenarios, levels and indices of one seed.
 */
export function sampleId(scenario: string, seed: number, level: number, index: number): string {
  return `${scenario}-s${seed}-l${level}-${String(index).padStart(6, '0')}`;
}
