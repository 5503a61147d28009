import { answer, defineTask, type ReaderNeeds, type Rng } from '@absynth/core';
import { cellRef, extremeRow, fromUnits, pickTable, readCells, roundedDivision, toUnits, tableExtremes, tableRef, valueAt } from './reading.js';
import { markClasses, textIds } from './draw.js';
import { captionUnit, cellText, formatNumber, listing, ordinal, questionUnit, sentence, withUnit } from './format.js';
import type { Table, TableScene } from './scene.js';

/** How a question states the unit of an answer: ` in USD bn`, ` in thousands`, or nothing for percentages and counts. */
function inUnit(table: Table): string {
  return questionUnit(table);
}

/** How a question states the unit of a difference: ` in percentage points` for percentages, else as {@link inUnit}. */
function inDifferenceUnit(table: Table): string {
  return questionUnit(table, true);
}

/** The unit a number answer carries: `%` for percentages, none otherwise (the question names it). */
function answerUnit(table: Table): { unit?: string } {
  return table.unit === '%' ? { unit: '%' } : {};
}

/** A printed value read back exactly: tolerance 0, right when rounded to the printed decimals. */
function printed(table: Table, value: number) {
  return answer.number(value, { tolerance: 0, precision: table.decimals, ...answerUnit(table) });
}

/** A difference of two printed values, exact; a difference of percentages is in percentage points, not percent. */
function printedDifference(table: Table, value: number) {
  return answer.number(value, { tolerance: 0, precision: table.decimals, ...(table.unit === '%' ? { unit: 'percentage points' } : {}) });
}

/** The subtraction line of a rationale: `58.5% − 25.8% = 32.7 percentage points.`, `16 − 12 = 4.` */
function subtraction(table: Table, a: number, b: number, difference: number): string {
  const percent = table.unit === '%';
  const term = (v: number) => {
    const text = percent ? withUnit(table, v) : formatNumber(v, table.decimals);
    return v < 0 && text.startsWith('-') ? `(${text})` : text;
  };
  return `${term(a)} − ${term(b)} = ${formatNumber(difference, table.decimals)}${percent ? ' percentage points' : ''}.`;
}

/** The texts a reference to table `t` quotes: its title when {@link tableRef} names it by title. */
function quotedTitle(scene: TableScene, t: number): string[] {
  return scene.tables.length === 1 ? [] : [textIds.title(t)];
}

/** The header and every cell of column `c`, which a question reading the whole column needs. */
function columnTexts(table: Table, t: number, c: number): string[] {
  return [textIds.header(t, c), ...table.rows.map((_, r) => textIds.cell(t, r, c))];
}

/** The texts that name and show cell (r, c): its row label, its column header and the cell itself. */
function cellTexts(t: number, r: number, c: number): string[] {
  return [textIds.rowLabel(t, r), textIds.header(t, c), textIds.cell(t, r, c)];
}

/** The needs of a question, with each text id once. */
function needing(texts: readonly string[], more: Omit<ReaderNeeds, 'texts'> = {}): ReaderNeeds {
  return { texts: [...new Set(texts)], ...more };
}

function pickDistinct(rng: Rng, count: number): [number, number] {
  const [a = 0, b = 1] = rng.sample(
    Array.from({ length: count }, (_, i) => i),
    2,
  );
  return [a, b];
}

/** The title of a table. */
export const titleTask = defineTask({
  id: 'table-title',
  kind: 'ocr',
  summary: 'The title written above a table.',
  ask(scene: TableScene, rng) {
    const t = rng.int(0, scene.tables.length - 1);
    const table = scene.tables[t] as Table;
    const which = scene.tables.length === 1 ? 'the table' : `the ${ordinal(t + 1)} table from the top`;
    return {
      question: [`What is the title of ${which}?`, `Read the caption written above ${which}.`, `Which title does ${which} have?`],
      answer: answer.text(table.title),
      rationale: [`The bold line above ${which} reads "${table.title}".`],
      regions: [textIds.title(t)],
      needs: needing([textIds.title(t)]),
    };
  },
});

/** The header text of a numeric column, by its position. */
export const headerTask = defineTask({
  id: 'column-header',
  kind: 'ocr',
  summary: 'The header of a column given by its position from the left.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const header = table.columns[c]?.header ?? '';
    const position = ordinal(c + 2);
    return {
      question: [
        `In ${tableRef(scene, t)}, what is the header of the ${position} column from the left?`,
        `What does the header of column ${c + 2} (counting from the left) of ${tableRef(scene, t)} say?`,
      ],
      answer: answer.text(header),
      rationale: [
        `The first column of ${tableRef(scene, t)} holds the labels ("${table.labelHeader}"); the numeric columns follow.`,
        `The ${position} column's header reads "${header}".`,
      ],
      regions: [textIds.header(t, c)],
      // The position is given by the question, not read from the image.
      needs: needing([...quotedTitle(scene, t), textIds.labelHeader(t), textIds.header(t, c)], { derived: [c + 2] }),
    };
  },
});

/** Every column header of a table, from left to right. */
export const columnNamesTask = defineTask({
  id: 'column-names',
  kind: 'ocr',
  summary: 'The headers of every column of a table, the label column included, from left to right (an ordered list).',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const headers = [table.labelHeader, ...table.columns.map((c) => c.header)];
    return {
      question: [
        `List the headers of all the columns of ${tableRef(scene, t)}, from left to right.`,
        `What are the column names of ${tableRef(scene, t)}, in order from left to right, the first column included?`,
      ],
      answer: answer.list(headers, { ordered: true }),
      rationale: [`The header row of ${tableRef(scene, t)} reads, from left to right: ${listing(headers.map((h) => `"${h}"`))}.`],
      regions: [textIds.labelHeader(t), ...table.columns.map((_, c) => textIds.header(t, c))],
      needs: needing([...quotedTitle(scene, t), textIds.labelHeader(t), ...table.columns.map((_, c) => textIds.header(t, c))]),
    };
  },
});

/** The text of a cell: the label of a row given by its position. */
export const rowLabelTask = defineTask({
  id: 'row-label',
  kind: 'ocr',
  summary: 'The label in the first column of a data row given by its position.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const r = rng.int(0, table.rows.length - 1);
    const label = table.rows[r] ?? '';
    return {
      question: [
        `In ${tableRef(scene, t)}, what is written in the first column of the ${ordinal(r + 1)} data row (below the header)?`,
        `What is the label of data row ${r + 1}, counting from the top below the header, in ${tableRef(scene, t)}?`,
      ],
      answer: answer.text(label),
      rationale: [`Counting data rows below the header, row ${r + 1} of ${tableRef(scene, t)} is labelled "${label}".`],
      regions: [textIds.rowLabel(t, r)],
      // The position is given by the question, not read from the image.
      needs: needing([...quotedTitle(scene, t), textIds.rowLabel(t, r)], { derived: [r + 1] }),
    };
  },
});

/** A deterministic one-paragraph description of every table. */
export function describeTables(scene: TableScene): string {
  const count = scene.tables.length;
  const intro = count === 1 ? 'The image shows one table.' : `The image shows ${count} tables, one above the other.`;
  const parts = scene.tables.map((table, t) => {
    const { max, min } = tableExtremes(table);
    const name = count === 1 ? 'The table' : `The ${ordinal(t + 1)} table`;
    const columns = table.columns.map((c) => c.header);
    const at = ([r, c]: [number, number]) =>
      `${withUnit(table, valueAt(table, r, c))} for ${table.rows[r]}${table.columns.length > 1 ? ` under ${table.columns[c]?.header}` : ''}`;
    return (
      `${name}, titled "${table.title}", lists ${table.measure.toLowerCase()}${captionUnit(table)} for ${table.rows.length} rows by ${table.labelHeader.toLowerCase()}, from ${table.rows[0]} to ${table.rows.at(-1)}, ` +
      `in ${table.columns.length === 1 ? 'the column' : 'the columns'} ${listing(columns)}. ` +
      sentence(`The highest value is ${at(max)} and the lowest is ${at(min)}`)
    );
  });
  return [intro, ...parts].join(' ');
}

/** The caption of the image, scored with ROUGE-L. */
export const captionTask = defineTask({
  id: 'caption',
  kind: 'caption',
  summary: 'A one-paragraph description naming the tables, their titles, columns and extremes.',
  ask(scene: TableScene) {
    const texts = scene.tables.flatMap((table, t) => {
      const { max, min } = tableExtremes(table);
      return [
        textIds.title(t),
        textIds.labelHeader(t),
        ...table.columns.map((_, c) => textIds.header(t, c)),
        textIds.rowLabel(t, 0),
        textIds.rowLabel(t, table.rows.length - 1),
        ...cellTexts(t, ...max),
        ...cellTexts(t, ...min),
      ];
    });
    return {
      question: [
        'Describe the image in one paragraph: the tables, their titles, columns and extreme values.',
        'Write a short caption for this image that names each table, its columns and its highest and lowest values.',
      ],
      answer: answer.caption(describeTables(scene)),
      rationale: [
        `Counting the tables: ${scene.tables.length}.`,
        ...scene.tables.map((table) => {
          const { max, min } = tableExtremes(table);
          return `"${table.title}": columns ${listing(table.columns.map((c) => c.header))}; largest ${cellText(table, valueAt(table, ...max))}, smallest ${cellText(table, valueAt(table, ...min))}.`;
        }),
      ],
      needs: needing(texts, {
        tallies: [
          { class: markClasses.table, count: scene.tables.length },
          ...scene.tables.map((table, t) => ({ class: markClasses.row(t), count: table.rows.length })),
        ],
      }),
    };
  },
});

/** How many data rows, columns or tables. */
export const countTask = defineTask({
  id: 'count',
  kind: 'structural',
  summary: 'How many data rows or columns a table has, or how many tables the image has.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const what = rng.pick(scene.tables.length > 1 ? (['rows', 'columns', 'tables'] as const) : (['rows', 'columns'] as const));
    if (what === 'tables') {
      return {
        question: ['How many tables does the image show?', 'Count the tables in the image.'],
        answer: answer.integer(scene.tables.length),
        rationale: [`Each table has its own title: ${listing(scene.tables.map((x) => `"${x.title}"`))}, so ${scene.tables.length} tables.`],
        regions: scene.tables.map((_, i) => textIds.table(i)),
        needs: needing(scene.tables.map((_, i) => textIds.title(i)), { counts: markClasses.table }),
      };
    }
    if (what === 'rows') {
      return {
        question: [
          `How many data rows does ${tableRef(scene, t)} have, not counting the header?`,
          `Not counting the header, how many rows are in ${tableRef(scene, t)}?`,
        ],
        answer: answer.integer(table.rows.length),
        rationale: [`Below the header, ${tableRef(scene, t)} lists ${listing(table.rows)}: ${table.rows.length} rows.`],
        regions: [textIds.table(t)],
        needs: needing([...quotedTitle(scene, t), ...table.rows.map((_, r) => textIds.rowLabel(t, r))], { counts: markClasses.row(t) }),
      };
    }
    const columns = table.columns.length + 1;
    return {
      question: [
        `How many columns does ${tableRef(scene, t)} have, including the label column?`,
        `Counting the first column of labels, how many columns are in ${tableRef(scene, t)}?`,
      ],
      answer: answer.integer(columns),
      rationale: [
        `The columns of ${tableRef(scene, t)} are ${listing([table.labelHeader, ...table.columns.map((c) => c.header)].map((h) => `"${h}"`))}: ${columns} columns.`,
      ],
      regions: [textIds.table(t)],
      needs: needing([...quotedTitle(scene, t), textIds.labelHeader(t), ...table.columns.map((_, c) => textIds.header(t, c))], {
        counts: markClasses.column(t),
      }),
    };
  },
});

/** The value of one cell, read exactly as printed. */
export const cellValueTask = defineTask({
  id: 'cell-value',
  kind: 'data-extraction',
  summary: 'The value in a given row and column, exact to its printed decimals.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const r = rng.int(0, table.rows.length - 1);
    const c = rng.int(0, table.columns.length - 1);
    const value = valueAt(table, r, c);
    return {
      question: [
        `In ${tableRef(scene, t)}, what is the value in ${cellRef(table, r, c)}${inUnit(table)}?`,
        `What value does ${tableRef(scene, t)} give for "${table.rows[r]}" under "${table.columns[c]?.header}"${inUnit(table)}?`,
      ],
      answer: printed(table, value),
      rationale: [readCells(table, [[r, c]])],
      regions: [textIds.cell(t, r, c)],
      needs: needing([...quotedTitle(scene, t), ...cellTexts(t, r, c)]),
    };
  },
});

/** Which row has the highest or lowest value in a column; asked only when no printed value ties it. */
export const extremeRowTask = defineTask({
  id: 'extreme-row',
  kind: 'data-extraction',
  summary: 'Which row has the highest or lowest value in a column, asked only when it is unique as printed.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const which = rng.pick(['highest', 'lowest'] as const);
    const r = extremeRow(table, c, which);
    if (r === undefined) return undefined;
    const header = table.columns[c]?.header ?? '';
    const noun = table.labelHeader.toLowerCase();
    const ordered = table.rows
      .map((label, i) => ({ label, value: valueAt(table, i, c) }))
      .sort((a, b) => (which === 'highest' ? b.value - a.value : a.value - b.value));
    return {
      question: [
        `In ${tableRef(scene, t)}, which ${noun} has the ${which} value in the column "${header}"?`,
        `Which row of ${tableRef(scene, t)} shows the ${which} "${header}" value? Answer with the row label.`,
      ],
      answer: answer.text(table.rows[r] ?? ''),
      rationale: [
        `The column "${header}" reads ${listing(table.rows.map((label, i) => `${label} ${cellText(table, valueAt(table, i, c))}`))}.`,
        `The ${which} is ${ordered[0]?.label} with ${cellText(table, ordered[0]?.value ?? 0)}, ahead of ${ordered[1]?.label} with ${cellText(table, ordered[1]?.value ?? 0)}.`,
      ],
      regions: [textIds.cell(t, r, c), textIds.rowLabel(t, r)],
      needs: needing([...quotedTitle(scene, t), ...columnTexts(table, t, c), ...table.rows.map((_, i) => textIds.rowLabel(t, i))]),
    };
  },
});

/** Difference of two cells of a column, exact at the printed precision. */
export const differenceTask = defineTask({
  id: 'difference',
  kind: 'math-reasoning',
  summary: 'How much larger one row is than another in the same column, exact to the printed decimals.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const [x, y] = pickDistinct(rng, table.rows.length);
    const [hi, lo] = valueAt(table, x, c) >= valueAt(table, y, c) ? [x, y] : [y, x];
    const diff = fromUnits(table, toUnits(table, valueAt(table, hi, c)) - toUnits(table, valueAt(table, lo, c)));
    if (diff === 0) return undefined;
    const header = table.columns[c]?.header ?? '';
    return {
      question: [
        `In ${tableRef(scene, t)}, how much higher is the value for ${table.rows[hi]} than for ${table.rows[lo]} in the column "${header}"${inDifferenceUnit(table)}?`,
        `What is the difference between ${table.rows[hi]} and ${table.rows[lo]} in the column "${header}" of ${tableRef(scene, t)}${inDifferenceUnit(table)}?`,
      ],
      answer: printedDifference(table, diff),
      rationale: [readCells(table, [[hi, c], [lo, c]]), subtraction(table, valueAt(table, hi, c), valueAt(table, lo, c), diff)],
      regions: [textIds.cell(t, hi, c), textIds.cell(t, lo, c)],
      needs: needing([...quotedTitle(scene, t), ...cellTexts(t, hi, c), ...cellTexts(t, lo, c)], { derived: [diff] }),
    };
  },
});

/** Sum or average of a column. */
export const totalTask = defineTask({
  id: 'sum-average',
  kind: 'math-reasoning',
  summary: 'The sum (exact) or the average (to one more decimal, 1% relative tolerance) of a column.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const header = table.columns[c]?.header ?? '';
    const values = table.columns[c]?.values ?? [];
    const total = values.reduce((sum, v) => sum + toUnits(table, v), 0);
    const sum = fromUnits(table, total);
    const terms = `${values.map((v) => formatNumber(v, table.decimals)).join(' + ')} = ${formatNumber(sum, table.decimals)}`;
    const read = `The column "${header}" of ${tableRef(scene, t)} reads ${listing(values.map((v) => cellText(table, v)))}.`;
    const texts = [...quotedTitle(scene, t), ...columnTexts(table, t, c)];
    if (rng.bool(0.5)) {
      return {
        question: [
          `What is the sum of all values in the column "${header}" of ${tableRef(scene, t)}${inUnit(table)}?`,
          `Add up the column "${header}" of ${tableRef(scene, t)}. What is the total${inUnit(table)}?`,
        ],
        answer: printed(table, sum),
        rationale: [read, `${terms}.`],
        regions: values.map((_, r) => textIds.cell(t, r, c)),
        needs: needing(texts, { derived: [sum] }),
      };
    }
    const precision = table.decimals + 1;
    // The mean to one more decimal than printed, rounded exactly from the whole-unit total.
    const mean = roundedDivision(total, values.length * 10 ** table.decimals, precision);
    return {
      question: [
        `What is the average of the values in the column "${header}" of ${tableRef(scene, t)}${inUnit(table)}? Round to ${precision} decimal place${precision === 1 ? '' : 's'}.`,
        `Compute the mean of the column "${header}" in ${tableRef(scene, t)}${inUnit(table)}, to ${precision} decimal place${precision === 1 ? '' : 's'}.`,
      ],
      answer: answer.number(mean.value, { tolerance: 0.01, precision, ...answerUnit(table) }),
      rationale: [read, `${terms}.`, `${formatNumber(sum, table.decimals)} ÷ ${values.length} ${mean.exact ? '=' : '≈'} ${formatNumber(mean.value, precision)}.`],
      regions: values.map((_, r) => textIds.cell(t, r, c)),
      // The mean divides by the number of rows; the question sets the decimals to round to.
      needs: needing(texts, { derived: [sum, mean.value, precision], tallies: [{ class: markClasses.row(t), count: values.length }] }),
    };
  },
});

/** Ratio of two cells or percentage change from one to another. */
export const ratioTask = defineTask({
  id: 'ratio-change',
  kind: 'math-reasoning',
  summary: 'The ratio of two cells (2 decimals) or the percentage change from one to another (1 decimal); 1% relative tolerance.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const [x, y] = pickDistinct(rng, table.rows.length);
    const [from, to] = x < y ? [x, y] : [y, x];
    const a = valueAt(table, from, c);
    const b = valueAt(table, to, c);
    if (a <= 0 || b <= 0) return undefined;
    const header = table.columns[c]?.header ?? '';
    const [sa, sb] = [formatNumber(a, table.decimals), formatNumber(b, table.decimals)];
    const regions = [textIds.cell(t, from, c), textIds.cell(t, to, c)];
    const texts = [...quotedTitle(scene, t), ...cellTexts(t, from, c), ...cellTexts(t, to, c)];
    const [ua, ub] = [toUnits(table, a), toUnits(table, b)];
    if (rng.bool(0.5)) {
      // Both values in whole units of the last printed digit, so the rounding is exact (255 ÷ 200 = 1.275 → 1.28).
      const ratio = roundedDivision(ub, ua, 2);
      return {
        question: [
          `In ${tableRef(scene, t)}, column "${header}": what is the value for ${table.rows[to]} divided by the value for ${table.rows[from]}? Round to 2 decimal places.`,
          `What is the ratio of ${table.rows[to]} to ${table.rows[from]} in the column "${header}" of ${tableRef(scene, t)}, to 2 decimal places?`,
        ],
        answer: answer.number(ratio.value, { tolerance: 0.01, precision: 2 }),
        rationale: [readCells(table, [[to, c], [from, c]]), `${sb} ÷ ${sa} ${ratio.exact ? '=' : '≈'} ${formatNumber(ratio.value, 2)}.`],
        regions,
        // The question sets the 2 decimals to round to.
        needs: needing(texts, { derived: [ratio.value, 2] }),
      };
    }
    const change = roundedDivision((ub - ua) * 100, ua, 1);
    return {
      question: [
        `In ${tableRef(scene, t)}, what is the percentage change in the column "${header}" from ${table.rows[from]} to ${table.rows[to]}? Round to 1 decimal place.`,
        `By what percentage does the "${header}" value change from ${table.rows[from]} to ${table.rows[to]} in ${tableRef(scene, t)}? Give a negative number for a fall, to 1 decimal place.`,
      ],
      answer: answer.number(change.value, { tolerance: 0.01, precision: 1, unit: '%' }),
      rationale: [
        readCells(table, [[from, c], [to, c]]),
        `(${sb} − ${sa}) ÷ ${sa} × 100 ${change.exact ? '=' : '≈'} ${formatNumber(change.value, 1)}%.`,
      ],
      regions,
      // The question sets the 1 decimal to round to; × 100 turns the fraction into percent.
      needs: needing(texts, { derived: [change.value, 1, 100] }),
    };
  },
});

/** Multi-step: find the largest and smallest value of a column, then subtract. */
export const rangeTask = defineTask({
  id: 'column-range',
  kind: 'math-reasoning',
  summary: 'The gap between the largest and the smallest value of a column (find both, then subtract), exact.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const values = table.columns[c]?.values ?? [];
    const unitsOf = values.map((v) => toUnits(table, v));
    const hi = unitsOf.indexOf(Math.max(...unitsOf));
    const lo = unitsOf.indexOf(Math.min(...unitsOf));
    const gap = fromUnits(table, (unitsOf[hi] ?? 0) - (unitsOf[lo] ?? 0));
    if (gap === 0) return undefined;
    const header = table.columns[c]?.header ?? '';
    return {
      question: [
        `In ${tableRef(scene, t)}, what is the difference between the largest and the smallest value in the column "${header}"${inDifferenceUnit(table)}?`,
        `By how much does the highest "${header}" value exceed the lowest one in ${tableRef(scene, t)}${inDifferenceUnit(table)}?`,
      ],
      answer: printedDifference(table, gap),
      rationale: [
        `The column "${header}" reads ${listing(table.rows.map((label, i) => `${label} ${cellText(table, values[i] ?? 0)}`))}.`,
        `The largest is ${table.rows[hi]} with ${cellText(table, values[hi] ?? 0)}; the smallest is ${table.rows[lo]} with ${cellText(table, values[lo] ?? 0)}.`,
        subtraction(table, valueAt(table, hi, c), valueAt(table, lo, c), gap),
      ],
      regions: [textIds.cell(t, hi, c), textIds.cell(t, lo, c)],
      needs: needing([...quotedTitle(scene, t), ...columnTexts(table, t, c), ...table.rows.map((_, r) => textIds.rowLabel(t, r))], {
        derived: [gap],
      }),
    };
  },
});

/** The value of a cell given by its position: data row from the top, column from the left (the label column is column 1). */
export const ordinalCellTask = defineTask({
  id: 'ordinal-cell',
  kind: 'data-extraction',
  summary: 'The value of a cell given by its position (data row from the top, column from the left counting the label column), exact.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const r = rng.int(0, table.rows.length - 1);
    const c = rng.int(0, table.columns.length - 1);
    const value = valueAt(table, r, c);
    return {
      question: [
        `In ${tableRef(scene, t)}, what value is in the ${ordinal(r + 1)} data row (below the header) and the ${ordinal(c + 2)} column from the left${inUnit(table)}?`,
        `Counting data rows from the top below the header and columns from the left (the "${table.labelHeader}" column is column 1), what is in row ${r + 1}, column ${c + 2} of ${tableRef(scene, t)}${inUnit(table)}?`,
      ],
      answer: printed(table, value),
      rationale: [
        `The first column of ${tableRef(scene, t)} holds the labels ("${table.labelHeader}"), so column ${c + 2} is "${table.columns[c]?.header}"; data row ${r + 1} is "${table.rows[r]}".`,
        readCells(table, [[r, c]]),
      ],
      regions: [textIds.cell(t, r, c)],
      // The positions are given by the question (the label column as column 1), not read from the image.
      needs: needing([...quotedTitle(scene, t), textIds.labelHeader(t), ...cellTexts(t, r, c)], { derived: [r + 1, c + 2, 1] }),
    };
  },
});

/** The row, or the column, that holds a printed value; asked only when the value is printed once there. */
export const valueLookupTask = defineTask({
  id: 'value-lookup',
  kind: 'data-extraction',
  summary: 'Which row has a given value in a column, or which column shows a given value in a row; asked only when the printed value is unique there.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const r = rng.int(0, table.rows.length - 1);
    const c = rng.int(0, table.columns.length - 1);
    const value = valueAt(table, r, c);
    const shown = cellText(table, value);
    const header = table.columns[c]?.header ?? '';
    const label = table.rows[r] ?? '';
    const noun = table.labelHeader.toLowerCase();
    if (rng.bool(0.5)) {
      const column = table.columns[c]?.values ?? [];
      if (column.filter((v) => v === value).length !== 1) return undefined;
      return {
        question: [
          `In ${tableRef(scene, t)}, which ${noun} has the value ${shown} in the column "${header}"?`,
          `Which row of ${tableRef(scene, t)} shows ${shown} under "${header}"? Answer with the row label.`,
        ],
        answer: answer.text(label),
        rationale: [`The column "${header}" reads ${listing(table.rows.map((l, i) => `${l} ${cellText(table, valueAt(table, i, c))}`))}.`, `Only ${label} shows ${shown}.`],
        regions: [textIds.cell(t, r, c), textIds.rowLabel(t, r)],
        needs: needing([...quotedTitle(scene, t), ...columnTexts(table, t, c), ...table.rows.map((_, i) => textIds.rowLabel(t, i))]),
      };
    }
    const row = table.columns.map((col) => col.values[r]);
    if (table.columns.length < 2 || row.filter((v) => v === value).length !== 1) return undefined;
    return {
      question: [
        `In ${tableRef(scene, t)}, which column shows ${shown} in the row "${label}"? Answer with the column header.`,
        `Under which header of ${tableRef(scene, t)} does the row "${label}" read ${shown}?`,
      ],
      answer: answer.text(header),
      rationale: [`The row "${label}" reads ${listing(table.columns.map((col, k) => `${col.header} ${cellText(table, valueAt(table, r, k))}`))}.`, `Only "${header}" shows ${shown}.`],
      regions: [textIds.cell(t, r, c), textIds.header(t, c)],
      needs: needing([...quotedTitle(scene, t), textIds.rowLabel(t, r), ...table.columns.flatMap((_, k) => [textIds.header(t, k), textIds.cell(t, r, k)])]),
    };
  },
});

/** The row with the second largest (or smallest) value of a column; asked only when the three values it turns on differ as printed. */
export const secondExtremeTask = defineTask({
  id: 'second-extreme',
  kind: 'data-extraction',
  summary: 'Which row has the second largest or second smallest value in a column, asked only when no printed value ties it.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    if (table.rows.length < 3) return undefined;
    const c = rng.int(0, table.columns.length - 1);
    const which = rng.pick(['largest', 'smallest'] as const);
    const header = table.columns[c]?.header ?? '';
    const ordered = table.rows
      .map((label, i) => ({ label, i, value: valueAt(table, i, c) }))
      .sort((a, b) => (which === 'largest' ? b.value - a.value : a.value - b.value));
    const [first, second, third] = ordered;
    if (first === undefined || second === undefined || third === undefined) return undefined;
    if (first.value === second.value || second.value === third.value) return undefined;
    const noun = table.labelHeader.toLowerCase();
    return {
      question: [
        `In ${tableRef(scene, t)}, which ${noun} has the second ${which} value in the column "${header}"?`,
        `Which row of ${tableRef(scene, t)} shows the second ${which} "${header}" value? Answer with the row label.`,
      ],
      answer: answer.text(second.label),
      rationale: [
        `The column "${header}" reads ${listing(table.rows.map((label, i) => `${label} ${cellText(table, valueAt(table, i, c))}`))}.`,
        `Ordered from the ${which}: ${first.label} (${cellText(table, first.value)}), then ${second.label} (${cellText(table, second.value)}), then ${third.label} (${cellText(table, third.value)}).`,
      ],
      regions: [textIds.cell(t, second.i, c), textIds.rowLabel(t, second.i)],
      needs: needing([...quotedTitle(scene, t), ...columnTexts(table, t, c), ...table.rows.map((_, i) => textIds.rowLabel(t, i))]),
    };
  },
});

/** The largest or smallest value anywhere in a table; asked only when it is printed once. */
export const tableExtremeTask = defineTask({
  id: 'table-extreme',
  kind: 'data-extraction',
  summary: 'The largest or smallest value in the whole table, exact, asked only when it is printed once.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    if (table.columns.length < 2) return undefined;
    const which = rng.pick(['largest', 'smallest'] as const);
    const { max, min } = tableExtremes(table);
    const [r, c] = which === 'largest' ? max : min;
    const value = valueAt(table, r, c);
    if (table.columns.flatMap((col) => col.values).filter((v) => v === value).length !== 1) return undefined;
    return {
      question: [
        `What is the ${which} value anywhere in ${tableRef(scene, t)}${inUnit(table)}?`,
        `Of all the numbers in ${tableRef(scene, t)}, which is the ${which}${inUnit(table)}?`,
      ],
      answer: printed(table, value),
      rationale: [
        ...table.columns.map((col) => `The column "${col.header}" reads ${listing(col.values.map((v) => cellText(table, v)))}.`),
        `The ${which} of them is ${cellText(table, value)}, for ${table.rows[r]} under "${table.columns[c]?.header}".`,
      ],
      regions: [textIds.cell(t, r, c)],
      needs: needing([...quotedTitle(scene, t), ...table.columns.flatMap((_, k) => table.rows.map((_, i) => textIds.cell(t, i, k)))]),
    };
  },
});

/** The median of a column: the middle value, or the mean of the two middle ones. */
export const medianTask = defineTask({
  id: 'column-median',
  kind: 'math-reasoning',
  summary: 'The median of a column (the middle value, or the mean of the two middle values to one more decimal), exact.',
  ask(scene: TableScene, rng) {
    const { table, t } = pickTable(scene, rng);
    const c = rng.int(0, table.columns.length - 1);
    const header = table.columns[c]?.header ?? '';
    const sorted = [...(table.columns[c]?.values ?? [])].sort((a, b) => a - b);
    const n = sorted.length;
    const read = `The column "${header}" of ${tableRef(scene, t)} reads ${listing(table.rows.map((label, i) => `${label} ${cellText(table, valueAt(table, i, c))}`))}.`;
    const inOrder = `In order: ${sorted.map((v) => formatNumber(v, table.decimals)).join(', ')}.`;
    const texts = [...quotedTitle(scene, t), ...columnTexts(table, t, c)];
    const tallies = [{ class: markClasses.row(t), count: n }];
    if (n % 2 === 1) {
      const middle = sorted[(n - 1) / 2] ?? 0;
      return {
        question: [`What is the median of the column "${header}" in ${tableRef(scene, t)}${inUnit(table)}?`, `Find the median value of "${header}" in ${tableRef(scene, t)}${inUnit(table)}.`],
        answer: printed(table, middle),
        rationale: [read, inOrder, `With ${n} values the median is the ${ordinal((n + 1) / 2)}: ${cellText(table, middle)}.`],
        regions: table.rows.map((_, r) => textIds.cell(t, r, c)),
        needs: needing(texts, { tallies }),
      };
    }
    const a = sorted[n / 2 - 1] ?? 0;
    const b = sorted[n / 2] ?? 0;
    const precision = table.decimals + 1;
    // The mean of two printed values has at most one more decimal: exact at `precision`.
    const median = roundedDivision(toUnits(table, a) + toUnits(table, b), 2 * 10 ** table.decimals, precision);
    return {
      question: [
        `What is the median of the column "${header}" in ${tableRef(scene, t)}${inUnit(table)}? Give it to ${precision} decimal place${precision === 1 ? '' : 's'}.`,
        `Find the median value of "${header}" in ${tableRef(scene, t)}${inUnit(table)}, to ${precision} decimal place${precision === 1 ? '' : 's'}.`,
      ],
      answer: answer.number(median.value, { tolerance: 0, precision, ...answerUnit(table) }),
      rationale: [read, inOrder, `With ${n} values the median is the mean of the ${ordinal(n / 2)} and the ${ordinal(n / 2 + 1)}: (${formatNumber(a, table.decimals)} + ${formatNumber(b, table.decimals)}) ÷ 2 = ${formatNumber(median.value, precision)}.`],
      regions: table.rows.map((_, r) => textIds.cell(t, r, c)),
      // The mean of the two middle values halves their sum; the question sets the decimals.
      needs: needing(texts, { derived: [median.value, precision, 2], tallies }),
    };
  },
});

/** Every table task, in the order questions are asked. */
export const tableTasks = [
  titleTask,
  headerTask,
  columnNamesTask,
  rowLabelTask,
  captionTask,
  countTask,
  cellValueTask,
  extremeRowTask,
  differenceTask,
  totalTask,
  ratioTask,
  rangeTask,
  ordinalCellTask,
  valueLookupTask,
  secondExtremeTask,
  tableExtremeTask,
  medianTask,
] as const;
