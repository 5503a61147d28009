import type { Answer, QuestionKind } from '@absynth/core';
import { promptFor } from '../prompt.js';
import type { QA, SampleRecord } from '../records.js';
import type { Exporter } from './format.js';
import { linkImage } from './images.js';

/** The question types of the paper's released benchmark rows. */
export const mmsiTypes = ['STRUCTURAL', 'DATA_EXTRACTION', 'MATH_REASONING', 'COLOR', 'REASONING', 'CAPTION', 'SUMMARY'] as const;

/** One of {@link mmsiTypes}. */
export type MmsiType = (typeof mmsiTypes)[number];

/**
 * The paper's type of each question kind. The release has no OCR type, and its evaluator scores
 * only SUMMARY rows by ROUGE-L, which is how the paper scores descriptions: so ocr (reading
 * text) is DATA_EXTRACTION and caption (describing) is SUMMARY; CAPTION is never written.
 */
export const mmsiTypeOfKind = {
  ocr: 'DATA_EXTRACTION',
  caption: 'SUMMARY',
  perception: 'STRUCTURAL',
  'data-extraction': 'DATA_EXTRACTION',
  'math-reasoning': 'MATH_REASONING',
  structural: 'STRUCTURAL',
  colour: 'COLOR',
  reasoning: 'REASONING',
  'route-planning': 'REASONING',
} as const satisfies Record<QuestionKind, MmsiType>;

/** One row of the paper's benchmark format, in its key order. */
export interface MmsiRow {
  /** The question's id, `<sample id>-<task id>`. */
  question_id: string;
  /** The prompt: the question, after the scene's text rendering for text and both datasets. */
  text: string;
  /** The image, relative to the export folder; null for text-only datasets. */
  image: string | null;
  /** The canonical answer text. */
  answer: string;
  /** The paper's question type, by {@link mmsiTypeOfKind}. */
  type: MmsiType;
  /**
   * The ground-truth markers of a route answer that names them, in order; `[]` on every other
   * row, since the release's loader reads `markers` from every row and stops at the first without.
   */
  markers: string[];
  /**
   * The typed answer the question was generated with (absynth's field, which the release's code
   * ignores): `absynth eval --format mmsi` scores the row by it, exactly as `absynth eval` scores
   * the dataset (a printed table value exact, a value read off a chart's scale within 5%).
   */
  absynth_answer: Answer;
}

/** The row of question `qa` of `record`, whose image is at `image` in the export. */
export function mmsiRow(record: SampleRecord, qa: QA, image: string | null): MmsiRow {
  const row: MmsiRow = {
    question_id: qa.id,
    text: promptFor(record, qa),
    image,
    answer: qa.answerText,
    type: mmsiTypeOfKind[qa.kind],
    markers: qa.answer.type === 'route' && qa.answer.markers !== undefined ? [...qa.answer.markers] : [],
    absynth_answer: qa.answer,
  };
  return row;
}

/**
 * The paper's benchmark rows: `<scenario>.jsonl` with one row per question, and the images
 * under `images/`. The paper split its test files per scenario the same way.
 */
export const mmsiExporter: Exporter = {
  format: 'mmsi',
  summary: "the paper's benchmark rows (question_id, text, image, answer, type, markers; and absynth_answer) in <scenario>.jsonl, with the images in images/",
  async write(dataset, output) {
    const file = `${dataset.manifest.scenario.id}.jsonl`;
    const rows = await output.file(file);
    let rowCount = 0;
    let images = 0;
    for await (const record of dataset.samples) {
      if (record.qa.length === 0) continue;
      const image = await linkImage(dataset, output, record);
      if (image !== null) images++;
      await rows.write(record.qa.map((qa) => `${JSON.stringify(mmsiRow(record, qa, image))}\n`).join(''));
      rowCount += record.qa.length;
    }
    return { files: [file], rows: rowCount, images };
  },
};

