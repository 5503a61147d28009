import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Answer, extractAnswer, landmarkCoverage, mentionedMarkers, paperMarkerRecall, readRoute, scoreAnswer, UsageError } from '@absynth/core';
import { type EvalItem, imageDataUrl, paperSuffix, type RunOptions, type RunSummary, runItems, runSettings, userMessage } from './engine.js';
import { paperColumnOfFile } from './paper.js';
import { buildReport, type EvalReport, type QuestionRef } from './report.js';
import { writeReport } from './report-files.js';

/** A row of the paper's released benchmark format (or of `absynth export --format mmsi`). */
export interface MmsiInputRow {
  question_id: string | number;
  /** The prompt; the release names it `text` or `question`. */
  text?: string;
  question?: string;
  /** The image, relative to the rows file's folder; null or absent for text-only rows. */
  image?: string | null;
  answer: string | number;
  type: string;
  /** Road maps: the ground-truth markers of the route, in order. */
  markers?: string[];
  /** A model's reply already collected (`response`, `prediction` or `model_answer`), to re-score without asking. */
  response?: string;
  prediction?: string;
  model_answer?: string;
}

/** The scenario columns whose numbers get the 5% tolerance (PAPER.md: charts, tables, dashboards). */
const tolerantColumns = new Set(['chart', 'table', 'dashboard']);
const tolerantTypes = new Set(['DATA_EXTRACTION', 'MATH_REASONING']);

/** A short numeric answer: a number with at most a currency sign, a percent sign or a unit word or two. */
const numericAnswer = /^[-+−]?[$€£¥]?\s*\d[\d,]*(\.\d+)?\s*(%|[A-Za-z°²³/]{1,12}(\s+[A-Za-z°²³/]{1,12})?)?$/;

/**
 * The typed answer of a row, read from its free-text answer with core's extraction: yes/no,
 * option letters, "(row, column)" cells, clock times, numbers (5% tolerance only for chart,
 * table and dashboard data-extraction and maths questions, and never for years (four digits, 1800–2100); counts and every
 * other number exact), captions (SUMMARY and CAPTION rows, ROUGE-L), else a phrase. Route rows
 * (with `markers`) are scored by {@link scoreMmsiRow} with ordered landmark coverage.
 */
export function mmsiAnswer(row: Pick<MmsiInputRow, 'answer' | 'type'>, file: string): Answer {
  const text = String(row.answer).trim();
  const type = row.type.toUpperCase();
  if (type === 'SUMMARY' || type === 'CAPTION') return { type: 'caption', value: text };
  if (/^(yes|no)\.?$/i.test(text)) return { type: 'boolean', value: /^yes/i.test(text) };
  const letter = /^\(?([A-H])\)?\.?$/.exec(text);
  if (letter !== null) {
    const value = letter[1] as string;
    const letters = 'ABCDEFGH'.slice(0, Math.max(4, 'ABCDEFGH'.indexOf(value) + 1)).split('');
    return { type: 'choice', value, options: Object.fromEntries(letters.map((l) => [l, `option ${l}`])) };
  }
  const cell = /^[([]\s*(\d+)\s*,\s*(\d+)\s*[)\]]$/.exec(text);
  if (cell !== null) return { type: 'cell', row: Number(cell[1]), col: Number(cell[2]) };
  const time = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (time !== null && Number(time[1]) < 24 && Number(time[2]) < 60) return { type: 'time', hours: Number(time[1]), minutes: Number(time[2]), twelveHour: true };
  if (numericAnswer.test(text)) {
    const read = extractAnswer('number', text);
    if (read !== undefined) {
      const unit = read.percent ? '%' : undefined;
      const isYear = Number.isInteger(read.value) && read.value >= 1800 && read.value <= 2100 && /^\d{4}$/.test(text);
      const column = paperColumnOfFile(file);
      const tolerant = column !== undefined && tolerantColumns.has(column) && tolerantTypes.has(type) && !isYear;
      if (tolerant) return { type: 'number', value: read.value, ...(unit === undefined ? {} : { unit }) };
      if (Number.isInteger(read.value)) return { type: 'integer', value: read.value, ...(unit === undefined ? {} : { unit }) };
      return { type: 'number', value: read.value, tolerance: 0, ...(unit === undefined ? {} : { unit }) };
    }
  }
  return { type: 'text', value: text };
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

/** How a row was scored. */
export interface MmsiScore {
  score: number;
  answerType: string;
  /** For route rows, the release's own marker recall, for comparison. */
  extra?: Record<string, number>;
}

/**
 * Scores a reply to a row with absynth's scorers. Route rows (with markers) get the ordered
 * landmark coverage of the markers the reply names (order counts, wrong and extra markers count
 * against it); the release's order-blind recall is kept beside it as `paperMarkerRecall`.
 */
export function scoreMmsiRow(row: Pick<MmsiInputRow, 'answer' | 'type' | 'markers'>, response: string, file: string): MmsiScore {
  if (row.markers !== undefined && row.markers.length > 0) {
    return {
      score: landmarkCoverage(namedMarkers(response, row.markers), row.markers),
      answerType: 'route',
      extra: { paperMarkerRecall: paperMarkerRecall(response, row.markers) },
    };
  }
  const answer = mmsiAnswer(row, file);
  return { score: scoreAnswer(answer, response), answerType: answer.type };
}

/** The rows files `data` names: `.jsonl` files, or the `.jsonl` files in folders (sorted). */
export async function mmsiFiles(data: string | readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of typeof data === 'string' ? [data] : data) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new UsageError(`no such file or folder: ${path}`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (await readdir(path)).filter((name) => name.endsWith('.jsonl') && name !== 'predictions.jsonl').sort();
    if (found.length === 0) throw new UsageError(`${path} holds no .jsonl rows files`);
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
      yield { row, line };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

function rowItem(file: string, row: MmsiInputRow, options: RunOptions): EvalItem {
  const stem = stemOf(file);
  const id = `${stem}:${row.question_id}`;
  const suffix = options.suffix ?? paperSuffix;
  const given = row.response ?? row.prediction ?? row.model_answer;
  const answerType = row.markers !== undefined && row.markers.length > 0 ? 'route' : mmsiAnswer(row, stem).type;
  const image = typeof row.image === 'string' && row.image !== '' ? (isAbsolute(row.image) ? row.image : join(dirname(file), row.image)) : null;
  return {
    id,
    meta: {
      question_id: id,
      sample_id: typeof row.image === 'string' ? row.image : String(row.question_id),
      scenario: stem,
      task: row.type,
      kind: row.type.toLowerCase(),
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
  /** Rows files (`.jsonl`), or folders of them; each file is one scenario, named by its stem. */
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
    for (const file of files) for await (const { row } of readRows(file)) yield rowItem(file, row, options);
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
