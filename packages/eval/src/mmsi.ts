import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Answer, answerSchema, landmarkCoverage, mentionedMarkers, paperMarkerRecall, readRoute, UsageError } from '@absynth/core';
import { type EvalItem, imageDataUrl, paperSuffix, type RunOptions, type RunSummary, runItems, runSettings, userMessage } from './engine.js';
import { mmsiAnswer, mmsiQuestionTypes, scoreMmsiAnswer } from './mmsi-answers.js';
import { paperColumnOfFile } from './paper.js';
import { buildReport, type EvalReport, type QuestionRef } from './report.js';
import { writeReport } from './report-files.js';

/** A row of the paper's released benchmark format (or of `absynth export --format mmsi`). */
export interface MmsiInputRow {
  /** The release's id names the image, so it repeats for every question of an image: rows are keyed by file and line. */
  question_id: string | number;
  /** The prompt; the release names it `text` or `question`. */
  text?: string;
  question?: string;
  /** The image, relative to the rows file's folder; null or absent for text-only rows. */
  image?: string | null;
  answer: string | number;
  /** The paper's question type (STRUCTURAL, DATA_EXTRACTION, …), or, in the release's files, the scenario's folder name. */
  type: string;
  /** Road maps: the ground-truth markers of the route, in order (empty in the release's files). */
  markers?: string[];
  /** absynth's exports: the typed answer the question was generated with, scored as absynth scores it. */
  absynth_answer?: Answer;
  /** A model's reply already collected (`response`, `prediction` or `model_answer`), to re-score without asking. */
  response?: string;
  prediction?: string;
  model_answer?: string;
}

/** The paper's marker labels: two characters, a letter and a digit in either order (`t2`, `5K`). */
const paperMarkerLabel = /[A-Za-z][0-9]|[0-9][A-Za-z]/;

/**
 * The markers a response names, in order, consecutive repeats once, read by core's route reader
 * (`readRoute`): the row's own markers, spelled in any case, and any other two-character label
 * (a letter and a digit, either way round), which counts as a wrong marker. A compact move such
 * as `R3` that is not one of the row's markers is a move, not a marker.
 */
export function namedMarkers(response: string, markers: readonly string[] = []): string[] {
  const reading = readRoute(response, { names: markers, pattern: paperMarkerLabel });
  return reading === undefined ? [] : mentionedMarkers(reading);
}

/**
 * The markers a reference answer names, in order, consecutive repeats once: every standalone
 * two-character label (a letter and a digit, either way round), as the release's evaluator reads
 * them. A reference says no moves, so `L4` there is a marker, not "left 4".
 */
export function referenceMarkers(reference: string): string[] {
  const labels = [...reference.matchAll(/(?<![\p{L}\p{N}])(?:\p{L}\p{N}|\p{N}\p{L})(?![\p{L}\p{N}])/gu)].map((m) => m[0]);
  return labels.filter((label, i) => label !== labels[i - 1]);
}

/** How a row was scored. */
export interface MmsiScore {
  score: number;
  answerType: string;
  /** For route rows, the release's own marker recall, for comparison. */
  extra?: Record<string, number>;
}

/**
 * The markers a row's route is scored by, in order: its `markers`, or, for road-map rows without
 * them (the release's files leave them empty), the markers its reference answer names, when it
 * names two or more or spans several lines (the release's route answers are numbered steps).
 * `undefined` for rows that are not routes.
 */
export function routeMarkers(row: Pick<MmsiInputRow, 'answer' | 'type' | 'markers'>, file: string): readonly string[] | undefined {
  if (row.markers !== undefined && row.markers.length > 0) return row.markers;
  if ((paperColumnOfFile(file) ?? paperColumnOfFile(row.type)) !== 'road map') return undefined;
  const reference = String(row.answer);
  const named = referenceMarkers(reference);
  return named.length >= 2 || (named.length === 1 && /\n\s*\S/.test(reference.trim())) ? named : undefined;
}

/**
 * Scores a reply to a row with absynth's scorers. Route rows get the ordered landmark coverage of
 * the markers the reply names (order counts, wrong and extra markers count against it); the
 * release's order-blind recall is kept beside it as `paperMarkerRecall`. A row of absynth's
 * exports is scored by the typed answer it carries, as absynth's own evaluation scores it; any
 * other row by its answer text, read by {@link mmsiAnswer}.
 */
export function scoreMmsiRow(row: Pick<MmsiInputRow, 'answer' | 'type' | 'markers' | 'absynth_answer' | 'question' | 'text'>, response: string, file: string): MmsiScore {
  const markers = routeMarkers(row, file);
  if (markers !== undefined) {
    return {
      score: landmarkCoverage(namedMarkers(response, markers), markers),
      answerType: 'route',
      extra: { paperMarkerRecall: paperMarkerRecall(response, markers) },
    };
  }
  const answer = row.absynth_answer ?? mmsiAnswer(questionOf(row), file);
  return { score: scoreMmsiAnswer(answer, response), answerType: answer.type };
}

function questionOf(row: Pick<MmsiInputRow, 'answer' | 'type' | 'question' | 'text'>): { answer: string | number; type: string; question?: string } {
  const question = row.text ?? row.question;
  return { answer: row.answer, type: row.type, ...(question === undefined ? {} : { question }) };
}

/** A rows file in a folder: `.jsonl`, or the release's `eval_<scenario>.json` (JSON Lines despite the name). */
const rowsFileName = (name: string): boolean => (name.endsWith('.jsonl') && name !== 'predictions.jsonl') || /^eval_.+\.json$/.test(name);

/** The rows files `data` names: files, or the rows files in folders (`.jsonl` and `eval_*.json`, sorted). */
export async function mmsiFiles(data: string | readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of typeof data === 'string' ? [data] : data) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new UsageError(`no such file or folder: ${path}`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (await readdir(path)).filter(rowsFileName).sort();
    if (found.length === 0) throw new UsageError(`${path} holds no rows files (.jsonl, or the release's eval_*.json)`);
    files.push(...found.map((name) => join(path, name)));
  }
  return files;
}

const stemOf = (file: string): string => basename(file, extname(file));

async function* readRows(file: string): AsyncGenerator<{ row: MmsiInputRow; line: number }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let row: MmsiInputRow;
      try {
        row = JSON.parse(text) as MmsiInputRow;
      } catch {
        throw new UsageError(`${file}, line ${line}: not valid JSON`);
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new UsageError(`${file}, line ${line}: not a benchmark row (a JSON object)`);
      const prompt = row.text ?? row.question;
      if ((typeof row.question_id !== 'string' && typeof row.question_id !== 'number') || typeof prompt !== 'string' || (typeof row.answer !== 'string' && typeof row.answer !== 'number') || typeof row.type !== 'string') {
        throw new UsageError(`${file}, line ${line}: not a benchmark row (question_id, text or question, answer, type)`);
      }
      if (row.image !== undefined && row.image !== null && typeof row.image !== 'string') throw new UsageError(`${file}, line ${line}: image must be a path (a string) or null`);
      if (row.markers !== undefined && !(Array.isArray(row.markers) && row.markers.every((m) => typeof m === 'string'))) {
        throw new UsageError(`${file}, line ${line}: markers must be a list of marker labels (strings)`);
      }
      if (row.absynth_answer !== undefined && !answerSchema.safeParse(row.absynth_answer).success) {
        throw new UsageError(`${file}, line ${line}: absynth_answer is not an absynth answer (see docs/answers.md)`);
      }
      yield { row, line };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * The item of the row on line `line` of `file`, keyed `<file stem>:<line>`: the release's
 * `question_id` names the image and repeats for each of its questions.
 */
function rowItem(file: string, row: MmsiInputRow, line: number, options: RunOptions): EvalItem {
  const stem = stemOf(file);
  const id = `${stem}:${line}`;
  const suffix = options.suffix ?? paperSuffix;
  const given = row.response ?? row.prediction ?? row.model_answer;
  const answerType = routeMarkers(row, stem) !== undefined ? 'route' : (row.absynth_answer ?? mmsiAnswer(questionOf(row), stem)).type;
  const type = row.type.toUpperCase();
  const image = typeof row.image === 'string' && row.image !== '' ? (isAbsolute(row.image) ? row.image : join(dirname(file), row.image)) : null;
  return {
    id,
    meta: {
      question_id: id,
      sample_id: typeof row.image === 'string' ? row.image : String(row.question_id),
      scenario: stem,
      task: row.type,
      // The release's files hold the scenario in `type`: their rows have no question kind.
      kind: mmsiQuestionTypes.has(type) ? type.toLowerCase() : 'untyped',
      level: null,
      answer_type: answerType,
      answer: String(row.answer),
    },
    messages: async () => userMessage(`${row.text ?? row.question}${suffix}`, image === null ? null : await imageDataUrl(image)),
    score: (response) => {
      const scored = scoreMmsiRow(row, response, stem);
      return scored.extra === undefined ? { score: scored.score } : { score: scored.score, extra: scored.extra };
    },
    ...(options.client == null && typeof given === 'string' ? { given } : {}),
    ...(image === null ? {} : { files: [image] }),
  };
}

/** Options of {@link evaluateMmsi}. */
export interface EvaluateMmsiOptions extends RunOptions {
  /** Rows files (`.jsonl`, the release's `eval_*.json`), or folders of them; each file is one scenario, named by its stem. */
  data: string | readonly string[];
  comparePaper?: boolean;
}

/**
 * Scores the paper's benchmark rows with absynth's corrected scorers: asks `client` each row's
 * question (with its image) or, without a client, re-scores the reply each row carries
 * (`response`, `prediction` or `model_answer`). Every row is checked first (JSON, fields, and,
 * when a model is asked, that its image exists), so a bad file asks and writes nothing.
 * Resumable like {@link evaluate}; writes the same predictions and report files, one scenario per
 * rows file.
 */
export async function evaluateMmsi(options: EvaluateMmsiOptions): Promise<RunSummary & { report: EvalReport; files: string[] }> {
  const files = await mmsiFiles(options.data);
  async function* items(): AsyncGenerator<EvalItem> {
    for (const file of files) for await (const { row, line } of readRows(file)) yield rowItem(file, row, line, options);
  }
  async function* questions(): AsyncGenerator<QuestionRef> {
    for await (const item of items()) {
      yield { id: item.id, scenario: item.meta.scenario, kind: item.meta.kind, level: null, answerType: item.meta.answer_type };
    }
  }
  const settings = runSettings(options, null, 'mmsi');
  const summary = await runItems(items, options, settings);
  const report = await buildReport({ questions: questions(), predictions: summary.predictions, settings, comparePaper: options.comparePaper ?? false, limit: options.limit, columnOf: paperColumnOfFile });
  return { ...summary, report, files: await writeReport(options.out, report) };
}
