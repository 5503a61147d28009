import { promptFor } from '../prompt.js';
import type { SampleRecord } from '../records.js';
import type { Exporter } from './format.js';
import { linkImage } from './images.js';

/** One question of a {@link HfRow}. */
export interface HfQuestion {
  /** The question's id, `<sample id>-<task id>`. */
  id: string;
  task: string;
  kind: string;
  /** The question as written. */
  question: string;
  /** `promptFor(record, qa)`: the question, after the scene's text for `text` and `both`. */
  prompt: string;
  /** The canonical answer text. */
  answer: string;
  rationale: string;
}

/** One line of the `metadata.jsonl` the `hf` exporter writes: one sample, in its key order. */
export interface HfRow {
  /** The image, relative to `metadata.jsonl`; absent for text-only datasets. */
  file_name?: string;
  id: string;
  scenario: string;
  level: number;
  modality: string;
  theme: string;
  style: string;
  width: number;
  height: number;
  /** The scene's text rendering; null for `image`. */
  text: string | null;
  qa: HfQuestion[];
}

/** The metadata row of `record`, whose image is at `image` beside the metadata file (null for text-only). */
export function hfRow(record: SampleRecord, image: string | null): HfRow {
  const fields: HfRow = {
    id: record.id,
    scenario: record.scenario,
    level: record.level,
    modality: record.modality,
    theme: record.theme,
    style: record.style,
    width: record.width,
    height: record.height,
    text: record.text,
    qa: record.qa.map((qa) => ({
      id: qa.id,
      task: qa.task,
      kind: qa.kind,
      question: qa.question,
      prompt: promptFor(record, qa),
      answer: qa.answerText,
      rationale: qa.rationale,
    })),
  };
  return image === null ? fields : { file_name: image, ...fields };
}

/**
 * A Hugging Face `imagefolder` layout: `metadata.jsonl` with one row per sample (the loader
 * keys rows by `file_name`, so an image has one row, its questions in the list `qa`) and the
 * images under `images/`. A text-only dataset has rows without `file_name`, for the `json` loader.
 */
export const hfExporter: Exporter = {
  format: 'hf',
  summary: 'a Hugging Face imagefolder: metadata.jsonl with one row per image (file_name, id, scenario, level, …, qa: [{question, prompt, answer, rationale, kind, task}]) and the images in images/',
  async write(dataset, output) {
    const file = 'metadata.jsonl';
    const rows = await output.file(file);
    let count = 0;
    let images = 0;
    for await (const record of dataset.samples) {
      if (record.qa.length === 0) continue;
      const image = await linkImage(dataset, output, record);
      if (image !== null) images++;
      await rows.write(`${JSON.stringify(hfRow(record, image))}\n`);
      count++;
    }
    return { files: [file], rows: count, images };
  },
};
