/**
 * Cell answers: a grid cell as 1-based (row, column).
 *
 * - Text: `(row, col)`.
 * - Extraction: "(3, 4)", "[3,4]", "row 3, column 4", "column 4, row 3", "3rd row, 4th column",
 *   "R3C4", or a bare "3, 4" when it is the whole answer.
 * - Scoring: same row and column.
 */
import { z } from 'zod';
import { type AnswerKind, type PickIndex, type Unmarked, validated } from './kind.js';
import { smallWholeNumber, smallWholeNumberSource } from './number-parsing.js';
import { byScope, type Scope, trimAnswer } from './response.js';

/** A grid cell as 1-based (row, column), as people count. */
export interface CellAnswer {
  type: 'cell';
  row: number;
  col: number;
}

/** A grid cell read from a response, 1-based. */
export interface ExtractedCell {
  type: 'cell';
  row: number;
  col: number;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

const cellIndex = z.number().int().min(1, 'is 1-based').refine(Number.isSafeInteger, 'must be a safe integer');

/** Validates a cell answer record. */
export const cellSchema = z.object({ type: z.literal('cell'), row: cellIndex, col: cellIndex });

/** A grid cell, 1-based (row, column). */
export function cellAnswer(row: number, col: number): CellAnswer {
  return validated<CellAnswer>(cellSchema, { type: 'cell', row, col });
}

const wholeNumberGroup = (name: string): string => `(?<${name}>${smallWholeNumberSource})(?![\\p{L}\\p{N}])`;
const numberLabel = '(?:#|no\\.?|number)?\\s*';
const cellPatterns: readonly RegExp[] = [
  /[([]\s*(?<row>\d{1,4})\s*[,;]\s*(?<col>\d{1,4})\s*[)\]]/gu,
  new RegExp(`\\brow\\s*${numberLabel}${wholeNumberGroup('row')}\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?col(?:umn)?\\.?\\s*${numberLabel}${wholeNumberGroup('col')}`, 'giu'),
  new RegExp(`\\bcol(?:umn)?\\.?\\s*${numberLabel}${wholeNumberGroup('col')}\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?row\\s*${numberLabel}${wholeNumberGroup('row')}`, 'giu'),
  new RegExp(`(?<![\\p{L}\\p{N}])${wholeNumberGroup('row')}\\s+row\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?${wholeNumberGroup('col')}\\s+col(?:umn)?(?![\\p{L}])`, 'giu'),
  new RegExp(`(?<![\\p{L}\\p{N}])${wholeNumberGroup('col')}\\s+col(?:umn)?\\s*(?:,|;|and|&)?\\s*(?:in\\s+|at\\s+)?(?:the\\s+)?${wholeNumberGroup('row')}\\s+row(?![\\p{L}])`, 'giu'),
  /(?<![\p{L}\p{N}])[Rr](?<row>\d{1,4})\s*[Cc](?<col>\d{1,4})(?![\p{L}\p{N}])/gu,
];

function readCell(text: string, scope: Scope): Unmarked<ExtractedCell> | undefined {
  const bare = /^[([]?\s*(\d{1,4})\s*,\s*(\d{1,4})\s*[)\]]?$/.exec(trimAnswer(text));
  if (bare?.[1] !== undefined && bare[2] !== undefined) return { type: 'cell', row: Number(bare[1]), col: Number(bare[2]) };
  const found: { row: number; col: number; index: number }[] = [];
  for (const pattern of cellPatterns) {
    for (const match of text.matchAll(pattern)) {
      const row = smallWholeNumber(match.groups?.row ?? '');
      const col = smallWholeNumber(match.groups?.col ?? '');
      if (row !== undefined && col !== undefined) found.push({ row, col, index: match.index });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const chosen = byScope(found, scope);
  return chosen === undefined ? undefined : { type: 'cell', row: chosen.row, col: chosen.col };
}

function corruptCell(answer: CellAnswer, pick: PickIndex): CellAnswer {
  const shift = 1 + pick(3);
  const moveRow = pick(2) === 0;
  const moved = (index: number): number => (index > shift && pick(2) === 0 ? index - shift : index + shift);
  return moveRow ? { ...answer, row: moved(answer.row) } : { ...answer, col: moved(answer.col) };
}

/** The cell answer type. */
export const cellKind: AnswerKind<CellAnswer, ExtractedCell> = {
  extent: 'sentence',
  declinable: true,
  text: (answer) => `(${answer.row}, ${answer.col})`,
  read: (text, scope) => readCell(text, scope),
  score: (expected, read) => (read.row === expected.row && read.col === expected.col ? 1 : 0),
  corrupt: corruptCell,
};
