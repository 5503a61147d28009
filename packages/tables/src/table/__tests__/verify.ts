import type { Answer } from '@absynth/core';
import type { SampleRecord } from '@absynth/engine';
import { expect } from 'vitest';
import { tables } from '../scenario.js';
import type { TableScene } from '../scene.js';
import { cellNumber, cellOf, parseTablesText, printedDecimals, roundTo } from './reference.js';

/** Rechecks every answer of a generated sample from the parsed text rendering of its scene. */
export function verifyAgainstText(sample: SampleRecord<TableScene>): void {
  const { scene } = sample;
  const parsed = parseTablesText(tables.text?.(scene) ?? '');
  for (const qa of sample.qa) {
    const cells = qa.regions.map((r) => cellOf(r.id)).filter((c) => c !== undefined);
    const first = cells[0];
    const table = parsed[first?.t ?? 0];
    const column = (c: number) => (table?.rows ?? []).map((row) => row.cells[c] ?? '');
    const num = (a: Answer) => (a.type === 'number' || a.type === 'integer' ? a.value : Number.NaN);
    const where = `${sample.id} ${qa.task}: ${qa.question}`;
    switch (qa.task) {
      case 'table-title':
      case 'column-header':
      case 'row-label': {
        const texts = parsed.flatMap((p) => [p.title, ...p.headers, ...p.rows.map((r) => r.label)]);
        expect(qa.answer.type === 'text' && texts.includes(qa.answer.value), where).toBe(true);
        break;
      }
      case 'column-names': {
        // The header row of the table whose headers the regions are, read back from the text.
        const t = Number(/^t(\d+)-h0$/.exec(qa.regions[0]?.id ?? '')?.[1] ?? 0) - 1;
        const p = parsed[t];
        expect(p, where).toBeDefined();
        expect(qa.answer, where).toEqual({ type: 'list', value: p?.headers, ordered: true });
        expect(qa.regions.map((r) => r.id), where).toEqual((p?.headers ?? []).map((_, c) => `t${t + 1}-h${c}`));
        break;
      }
      case 'caption':
        expect(qa.answer.type, where).toBe('caption');
        for (const p of parsed) expect(qa.answer.type === 'caption' && qa.answer.value.includes(p.title), where).toBe(true);
        break;
      case 'count': {
        const t = Number(/^table-(\d+)$/.exec(qa.regions[0]?.id ?? '')?.[1] ?? 1) - 1;
        const p = parsed[t];
        const expected = qa.question.includes('tables') ? parsed.length : qa.question.includes('columns') ? p?.headers.length : p?.rows.length;
        expect(num(qa.answer), where).toBe(expected);
        break;
      }
      case 'cell-value': {
        const text = table?.rows[first?.r ?? -1]?.cells[first?.c ?? -1] ?? '';
        expect(num(qa.answer), where).toBe(cellNumber(text));
        break;
      }
      case 'difference':
      case 'column-range': {
        const [a, b] = cells.map((c) => table?.rows[c.r]?.cells[c.c] ?? '');
        const d = printedDecimals(a ?? '');
        expect(num(qa.answer), where).toBe(roundTo(cellNumber(a ?? '') - cellNumber(b ?? ''), d));
        // A difference of percentages is in percentage points.
        expect(qa.answer.type === 'number' && qa.answer.unit, where).toBe((a ?? '').endsWith('%') ? 'percentage points' : undefined);
        if (qa.task === 'column-range') {
          const values = column(first?.c ?? 0).map(cellNumber);
          expect(num(qa.answer), where).toBe(roundTo(Math.max(...values) - Math.min(...values), d));
        }
        break;
      }
      case 'sum-average': {
        const texts = column(first?.c ?? 0);
        const d = printedDecimals(texts[0] ?? '');
        const total = texts.map(cellNumber).reduce((x, y) => x + y, 0);
        const average = qa.question.includes('average') || qa.question.includes('mean');
        expect(num(qa.answer), where).toBeCloseTo(average ? roundTo(total / texts.length, d + 1) : roundTo(total, d), 9);
        break;
      }
      case 'ratio-change': {
        const [a, b] = cells.map((c) => cellNumber(table?.rows[c.r]?.cells[c.c] ?? ''));
        const expected = qa.question.includes('percentage') ? roundTo((((b ?? 0) - (a ?? 0)) / (a ?? 1)) * 100, 1) : roundTo((b ?? 0) / (a ?? 1), 2);
        // Rounded half away from zero from the printed decimals, never from a binary fraction (1.275 is 1.28).
        expect(num(qa.answer), where).toBe(expected);
        break;
      }
      case 'extreme-row': {
        const values = column(first?.c ?? 0).map(cellNumber);
        const best = qa.question.includes('highest') ? Math.max(...values) : Math.min(...values);
        expect(values.filter((v) => v === best), where).toHaveLength(1);
        const label = table?.rows[values.indexOf(best)]?.label;
        expect(qa.answer.type === 'text' && qa.answer.value, where).toBe(label);
        break;
      }
      case 'ordinal-cell': {
        // The question's positions (words or digits), counted on the parsed rows and headers (the label column is column 1).
        const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
        const position = (text: string | undefined) => (text === undefined ? Number.NaN : /^\d+$/.test(text) ? Number(text) : words.indexOf(text) + 1);
        const rowWord = /(\w+) data row \(below|row (\d+), column/.exec(qa.question);
        const colWord = /(\w+) column from the left|column (\d+) of/.exec(qa.question);
        const row = position(rowWord?.[1] ?? rowWord?.[2]);
        const col = position(colWord?.[1] ?? colWord?.[2]);
        const text = table?.rows[Number(row) - 1]?.cells[Number(col) - 2] ?? '';
        expect(num(qa.answer), where).toBe(cellNumber(text));
        break;
      }
      case 'value-lookup': {
        // The value the question quotes, found by scanning the parsed table for its printed text.
        const quoted = parsed.flatMap((p) => p.rows.flatMap((row) => row.cells)).filter((cell) => new RegExp(`\\b${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d.,])`).test(qa.question));
        expect(quoted.length, where).toBeGreaterThan(0);
        const value = quoted.sort((a, b) => b.length - a.length)[0] ?? '';
        const label = /in the row "([^"]+)"|the row "([^"]+)" read/.exec(qa.question);
        if (label !== null) {
          const row = table?.rows.find((r) => r.label === (label[1] ?? label[2]));
          const at = (row?.cells ?? []).flatMap((cell, k) => (cell === value ? [k] : []));
          expect(at, where).toHaveLength(1);
          expect(qa.answer.type === 'text' && qa.answer.value, where).toBe(table?.headers[(at[0] ?? 0) + 1]);
        } else {
          const at = column(first?.c ?? 0).flatMap((cell, r) => (cell === value ? [r] : []));
          expect(at, where).toHaveLength(1);
          expect(qa.answer.type === 'text' && qa.answer.value, where).toBe(table?.rows[at[0] ?? 0]?.label);
        }
        break;
      }
      case 'second-extreme': {
        const values = column(first?.c ?? 0).map(cellNumber);
        const distinct = [...new Set(values)].sort((a, b) => (qa.question.includes('largest') ? b - a : a - b));
        const target = distinct[1] ?? Number.NaN;
        expect(values.filter((v) => v === target), where).toHaveLength(1);
        expect(values.filter((v) => v === distinct[0]), where).toHaveLength(1);
        expect(qa.answer.type === 'text' && qa.answer.value, where).toBe(table?.rows[values.indexOf(target)]?.label);
        break;
      }
      case 'table-extreme': {
        const values = (table?.rows ?? []).flatMap((row) => row.cells.map(cellNumber));
        const best = qa.question.includes('largest') ? Math.max(...values) : Math.min(...values);
        expect(values.filter((v) => v === best), where).toHaveLength(1);
        expect(num(qa.answer), where).toBe(best);
        break;
      }
      case 'column-median': {
        const texts = column(first?.c ?? 0);
        const sorted = texts.map(cellNumber).sort((a, b) => a - b);
        const n = sorted.length;
        const d = printedDecimals(texts[0] ?? '');
        const median = n % 2 === 1 ? (sorted[(n - 1) / 2] ?? 0) : roundTo(((sorted[n / 2 - 1] ?? 0) + (sorted[n / 2] ?? 0)) / 2, d + 1);
        expect(num(qa.answer), where).toBeCloseTo(median, 9);
        break;
      }
      default:
        throw new Error(`unexpected task ${qa.task}`);
    }
  }
}
