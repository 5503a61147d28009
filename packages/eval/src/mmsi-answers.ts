/**
 * Reading the answers of the paper's released benchmark rows: the free-text `answer` of a row
 * typed into something a scorer can compare a reply with, and the scorers for the two answer
 * forms of the release that core has no type for (RGB tuples and ratios).
 */
import { type Answer, extractAnswer, scoreAnswer } from '@absynth/core';
import { mmsiTypes } from '@absynth/engine';
import { type PaperColumn, paperColumnOfFile } from './paper.js';

/** The question types of the paper's rows (`type`); the release's files hold the scenario there instead. */
export const mmsiQuestionTypes: ReadonlySet<string> = new Set(mmsiTypes);

/** An RGB colour given as a tuple, "(255.0, 187.0, 120.0)": right when a reply states the same three channels. */
export interface RgbAnswer {
  type: 'rgb';
  value: readonly [number, number, number];
}

/** A ratio given as "2:1": right when a reply states a ratio of the same value ("4:2", "2 to 1"). */
export interface RatioAnswer {
  type: 'ratio';
  value: readonly [number, number];
  /** Relative tolerance on the ratio's value (0 outside chart, table and dashboard rows). */
  tolerance: number;
}

/** What a row's answer reads as: one of core's answers, or an RGB tuple or ratio. */
export type MmsiAnswer = Answer | RgbAnswer | RatioAnswer;

/** What a row's answer is read against: its question type (or the scenario, in the release's files), its question and its file. */
export interface MmsiAnswerContext {
  type: string;
  /** The question; tells counts ("How many …") and descriptions apart in rows without a question type. */
  question?: string;
}

/** The scenario columns whose numbers get the 5% tolerance (PAPER.md: charts, tables, dashboards). */
const tolerantColumns: ReadonlySet<PaperColumn> = new Set(['chart', 'table', 'dashboard']);
const tolerantTypes = new Set(['DATA_EXTRACTION', 'MATH_REASONING']);

/**
 * Stems of absynth's own exports whose numbers are exact whatever their column: absynth's tables
 * print every value, and their tasks say "exact to its printed decimals".
 */
const exactStems = new Set(['tables']);

/** "The answer is X" inside a reference, as the release's evaluator reads its `truth`. */
const statedAnswer = /\bthe answer is\s*:?\s*(.+?)\s*(?:\.\s|\.?$)/gi;

/** The one-line answer a reference states: its last "The answer is X", else its last line. */
export function statedReference(answer: string): string {
  const text = answer.trim();
  const stated = [...text.matchAll(statedAnswer)].at(-1)?.[1];
  if (stated !== undefined && stated.trim() !== '') return stated.trim();
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return lines.at(-1) ?? text;
}

/** A number word, the whole answer ("Four", "twenty-one"). */
const numberWord = /^(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)([- ](one|two|three|four|five|six|seven|eight|nine))?)\.?$/i;

/** A short numeric answer: a number with at most a sign, a currency sign, a percent sign or up to three unit words ("14.1 billion USD"). */
const numericAnswer = /^[-+−]?[$€£¥]?\s*\d[\d,]*(\.\d+)?\s*(%|[A-Za-z°²³/µ]{1,12}(\s+[A-Za-z°²³/µ]{1,12}){0,2})?\.?$/;

const channel = String.raw`\s*(\d{1,3}(?:\.\d+)?)\s*`;
const rgbTuple = new RegExp(String.raw`^(?:rgb\s*)?\(${channel},${channel},${channel}\)$`, 'i');
const ratio = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/;
const infinity = /^[-+]?(infinity|infinite|∞|inf)\.?$/i;

/** A question that counts: its integer answer is exact in every scenario. */
const countingQuestion = /\bhow many\b|\bnumber of\b|\bcount\b/i;
/** A question that asks for a description, in rows without a question type. */
const describingQuestion = /\b(describe|description|summari[sz]e|summary|caption)\b/i;

/**
 * Whether numbers in the row's answer get the paper's 5% tolerance: rows of chart, table and
 * dashboard files only; of those, with a question type, only DATA_EXTRACTION and MATH_REASONING
 * rows (the types the paper reads values in); without one (the release's files, whose `type` is
 * the scenario), every row but counts ("How many …"). Years are exact everywhere; so are
 * absynth's own tables.
 */
function tolerantRow(context: MmsiAnswerContext, file: string, integer: boolean): boolean {
  const column = paperColumnOfFile(file) ?? paperColumnOfFile(context.type);
  if (column === undefined || !tolerantColumns.has(column) || exactStems.has(file)) return false;
  const type = context.type.toUpperCase();
  if (mmsiQuestionTypes.has(type)) return tolerantTypes.has(type);
  return !(integer && countingQuestion.test(context.question ?? ''));
}

/**
 * The typed answer of a row, read from its free-text answer with core's extraction. In order:
 * descriptions (SUMMARY and CAPTION rows, or rows without a question type that ask to describe:
 * ROUGE-L); the answer a multi-line or "The answer is X" reference states; yes/no; an option
 * letter, alone or with its text ("C. Do relaxing activity"); "(row, column)" cells; RGB tuples;
 * clock times ("8:10", two-digit minutes); ratios ("2:1"); "Infinity"; number words ("Four");
 * numbers with a currency, percent or unit ("6.5 mSv", "14.1 billion USD": a scale word is the
 * unit, so "14.1" and "14,100,000,000" both score), within 5% where {@link tolerantRow} says so,
 * else exact, and never 5% for years (four digits, 1800–2100); else a phrase. Route rows are
 * scored apart, by their markers.
 */
export function mmsiAnswer(row: { answer: string | number; type: string; question?: string }, file: string): MmsiAnswer {
  const context: MmsiAnswerContext = { type: row.type, ...(row.question === undefined ? {} : { question: row.question }) };
  const whole = String(row.answer).trim();
  const type = row.type.toUpperCase();
  if (type === 'SUMMARY' || type === 'CAPTION') return { type: 'caption', value: whole };
  if (!mmsiQuestionTypes.has(type) && describingQuestion.test(row.question ?? '') && whole.split(/\s+/).length > 12) return { type: 'caption', value: whole };
  const text = statedReference(whole);
  if (/^(yes|no)\.?$/i.test(text)) return { type: 'boolean', value: /^yes/i.test(text) };
  const letter = /^\(?([A-H])\)?\.?$/.exec(text) ?? /^\(?([A-H])[.:)]\s+(.+?)\.?$/.exec(text);
  if (letter !== null) return choiceOf(letter[1] as string, letter[2]);
  if (/^(\(|\[|row\b|col)/i.test(text)) {
    const cell = extractAnswer('cell', text);
    if (cell !== undefined) return { type: 'cell', row: cell.row, col: cell.col };
  }
  const rgb = rgbTuple.exec(text);
  if (rgb !== null) {
    const value = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] as const;
    if (value.every((c) => c <= 255)) return { type: 'rgb', value };
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (time !== null && Number(time[1]) < 24 && Number(time[2]) < 60) return { type: 'time', hours: Number(time[1]), minutes: Number(time[2]), twelveHour: true };
  const parts = ratio.exec(text);
  if (parts !== null && Number(parts[2]) > 0) return { type: 'ratio', value: [Number(parts[1]), Number(parts[2])], tolerance: tolerantRow(context, file, false) ? 0.05 : 0 };
  if (infinity.test(text)) return { type: 'text', value: 'Infinity', aliases: ['infinite', '∞'] };
  if (numberWord.test(text)) {
    const read = extractAnswer('integer', text);
    if (read !== undefined) return { type: 'integer', value: read.value };
  }
  if (numericAnswer.test(text)) {
    const read = extractAnswer('number', text);
    if (read !== undefined) return numberOf(read, text, context, file);
  }
  return { type: 'text', value: text };
}

function choiceOf(value: string, optionText: string | undefined): Answer {
  const letters = 'ABCDEFGH'.slice(0, Math.max(4, 'ABCDEFGH'.indexOf(value) + 1)).split('');
  const named = optionText?.trim() ?? '';
  // The release gives the right option's text, not the others': theirs are placeholders no reply names.
  const options = Object.fromEntries(letters.map((l) => [l, l === value && named !== '' && !/^option [A-H]$/i.test(named) ? named : `option ${l}`]));
  return { type: 'choice', value, options };
}

function numberOf(read: { value: number; scale: number; percent: boolean }, text: string, context: MmsiAnswerContext, file: string): Answer {
  // "14.1 billion USD" is 14.1 in billions: the scale word is the unit, so a reply may leave it out.
  const scaled = read.scale !== 1;
  const value = scaled ? read.value / read.scale : read.value;
  const unitWords = text.replace(/^[^A-Za-z%]*/, '').trim();
  const unit = read.percent ? '%' : scaled && !/\d/.test(unitWords) && unitWords !== '' ? unitWords : undefined;
  const withUnit = unit === undefined ? {} : { unit };
  const isYear = Number.isInteger(value) && value >= 1800 && value <= 2100 && /^\d{4}\.?$/.test(text);
  if (!isYear && tolerantRow(context, file, Number.isInteger(value))) return { type: 'number', value, ...withUnit };
  if (Number.isInteger(value)) return { type: 'integer', value, ...withUnit };
  return { type: 'number', value, tolerance: 0, ...withUnit };
}

/** The reply's answer part: after its last "The answer is", else its last line. */
function answerPart(response: string): string {
  return statedReference(response.normalize('NFKC').replace(/\*\*|`/g, ''));
}

/** Numbers in a text, in order (thousands commas are read as separators only in groups of three). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

function scoreRgb(expected: RgbAnswer, response: string): number {
  const numbers = numbersIn(answerPart(response));
  // Three channels in a row, each within rounding of the tuple's (255.0 and 255 are the same).
  for (let i = 0; i + 3 <= numbers.length; i++) {
    if (expected.value.every((c, k) => Math.abs((numbers[i + k] as number) - c) <= 0.5)) return 1;
  }
  return 0;
}

function scoreRatio(expected: RatioAnswer, response: string): number {
  const want = expected.value[0] / expected.value[1];
  const part = answerPart(response);
  for (const m of part.matchAll(/(\d+(?:\.\d+)?)\s*(?::|\bto\b)\s*(\d+(?:\.\d+)?)/g)) {
    const b = Number(m[2]);
    if (b > 0 && Math.abs(Number(m[1]) / b - want) <= (expected.tolerance + 1e-9) * want) return 1;
  }
  return 0;
}

/** Scores a reply against a row's answer: core's scorer, or the RGB and ratio scorers here. */
export function scoreMmsiAnswer(expected: MmsiAnswer, response: string): number {
  if (expected.type === 'rgb') return scoreRgb(expected, response);
  if (expected.type === 'ratio') return scoreRatio(expected, response);
  return scoreAnswer(expected, response);
}
