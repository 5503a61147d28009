import { formatNumber } from '@absynth/core';
import type { Table } from './scene.js';

/** Whether the table writes its unit after every number (percentages) instead of in a header. */
export function unitInCells(table: Pick<Table, 'unit'>): boolean {
  return table.unit === '%';
}

/** A value as its cell prints it: separators, the table's decimals, and `%` for percentages. */
export function cellText(table: Table, value: number): string {
  return `${formatNumber(value, table.decimals)}${unitInCells(table) ? '%' : ''}`;
}

/** A value with its unit, for rationales and captions: `12.3%`, `4,210 USD bn`, `17`. */
export function withUnit(table: Table, value: number, decimals = table.decimals): string {
  const number = formatNumber(value, decimals);
  if (table.unit === '') return number;
  return table.unit === '%' ? `${number}%` : `${number} ${table.unit}`;
}

/** The unit as a header suffix, ` (USD bn)`, or nothing when cells carry it or there is none. */
export function headerUnit(unit: string): string {
  return unit === '' || unit === '%' ? '' : ` (${unit})`;
}

/** Lowercase words of a phrase; `%` counts as a word. */
function wordsOf(phrase: string): string[] {
  return phrase.toLowerCase().match(/[\p{L}\p{N}%]+/gu) ?? [];
}

/**
 * Whether `phrase` already says `unit`: every word of the unit is a word of the phrase ("Frost
 * days" says "days", "Shots on target per match" says "shots per match", "Wins" says "wins").
 */
export function saysUnit(phrase: string, unit: string): boolean {
  const words = new Set(wordsOf(phrase));
  const unitWords = wordsOf(unit);
  return unitWords.length > 0 && unitWords.every((word) => words.has(word));
}

/** The header of a measure's column: the measure and its unit (`Exports (USD bn)`), without a unit the measure already says (`Frost days`). */
export function headerOfMeasure(measure: string, unit: string): string {
  return saysUnit(measure, unit) ? measure : `${measure}${headerUnit(unit)}`;
}

/** Plural words for a unit that is only a scale (`thousand` → `thousands`, `thousand people` → `thousands of people`), else `undefined`. */
function scaleWords(unitName: string): string | undefined {
  const match = /^(thousand|million|billion)(?: (people))?$/.exec(unitName);
  if (match === null) return undefined;
  return match[2] === undefined ? `${match[1]}s` : `${match[1]}s of ${match[2]}`;
}

/**
 * How a caption says the unit after the measure: ` in percent`, ` in thousands`, ` per 1,000
 * people`; nothing for plain counts or when the measure already says it ("lists frost days", not
 * "frost days in days").
 */
export function unitPhrase(table: Pick<Table, 'measure' | 'unit' | 'unitName'>): string {
  const name = table.unitName;
  if (name === '' || name === 'count' || saysUnit(table.measure, name) || (table.unit !== '' && saysUnit(table.measure, table.unit))) return '';
  if (name.startsWith('per ')) return ` ${name}`;
  return ` in ${scaleWords(name) ?? name}`;
}

/** The numbers a text writes, as written (`100,000`, `10`); none glued to letters (`100k`, `CO₂`). */
function numbersIn(text: string): string[] {
  return text.match(/(?<![\p{L}\d.,])\d[\d,]*(?:\.\d+)?(?![\p{L}\d])/gu) ?? [];
}

/**
 * How a caption says the unit of a table, stating no number the table does not print: the unit
 * in words when the title, grouped header or headers write its numbers (`per 100,000 people` under
 * the title "… (per 100,000 people)"), else the printed symbol for a rate (` per 100k`), else
 * nothing (`points out of 10` on a table that never says "out of 10").
 */
export function captionUnit(table: Pick<Table, 'measure' | 'unit' | 'unitName' | 'title' | 'group' | 'columns'>): string {
  const phrase = unitPhrase(table);
  const printed = new Set([table.title, table.group ?? '', ...table.columns.map((c) => c.header)].flatMap(numbersIn));
  if (numbersIn(phrase).every((n) => printed.has(n))) return phrase;
  return table.unit.startsWith('per ') ? ` ${table.unit}` : '';
}

/**
 * How a question says the unit of an answer: ` in USD bn`, ` in thousands`, ` per 1,000 births`,
 * or nothing for percentages and counts. A difference of percentages is in percentage points
 * (` in percentage points`, ` in percentage points of GDP`).
 */
export function questionUnit(table: Pick<Table, 'unit' | 'unitName'>, difference = false): string {
  const { unit } = table;
  if (unit === '' || (unit === '%' && !difference)) return '';
  if (difference && unit.startsWith('%')) return ` in percentage points${unit.slice(1)}`;
  const scale = scaleWords(table.unitName);
  if (scale !== undefined) return ` in ${scale}`;
  return unit.startsWith('per ') ? ` ${unit}` : ` in ${unit}`;
}

/** A rationale sentence: the text with a closing period, unless it already ends with one (`… 0.13 m w.e.`). */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export { formatNumber, listing, ordinal } from '@absynth/core';
