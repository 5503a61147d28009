import type { Pen } from '@absynth/render';
import { cellText } from './format.js';
import { baseFontSize, margin, tableGap } from './params.js';
import type { Table, TableScene } from './scene.js';

/** Smallest cell font the layout shrinks to before giving up on fitting, in pixels. */
const minFontSize = 9;

/** Where one table goes at a given font size. */
interface TableLayout {
  fontSize: number;
  titleSize: number;
  titleHeight: number;
  rowHeight: number;
  pad: number;
  labelWidth: number;
  columnWidths: number[];
  width: number;
  height: number;
}

/** Shape ids of a table's group and texts, so questions can name the region that shows their answer. */
export const textIds = {
  table: (t: number) => `table-${t + 1}`,
  title: (t: number) => `t${t + 1}-title`,
  group: (t: number) => `t${t + 1}-group`,
  labelHeader: (t: number) => `t${t + 1}-h0`,
  header: (t: number, c: number) => `t${t + 1}-h${c + 1}`,
  rowLabel: (t: number, r: number) => `t${t + 1}-r${r + 1}`,
  cell: (t: number, r: number, c: number) => `t${t + 1}-r${r + 1}-c${c + 1}`,
};

/**
 * Classes of the marks count questions count, so the testkit can count them in the drawing:
 * every table's group, one row label per data row, one header per column (the label column's too).
 */
export const markClasses = {
  table: 'table',
  row: (t: number) => `t${t + 1}-row`,
  column: (t: number) => `t${t + 1}-column`,
};

function layoutTable(table: Table, pen: Pen, fontSize: number, maxWidth: number): TableLayout {
  // Whole pixels keep rules crisp; only the below-legible sizes for tiny images stay fractional.
  const whole = (v: number) => (fontSize >= minFontSize ? Math.round(v) : v);
  const pad = whole(fontSize * 0.75);
  const rowHeight = whole(fontSize * 1.9);
  const bold = (text: string, size = fontSize) => pen.measureText(text, size, undefined, 'bold');
  const plain = (text: string) => pen.measureText(text, fontSize);
  const labelWidth = Math.max(bold(table.labelHeader), ...table.rows.map(plain)) + 2 * pad;
  const columnWidths = table.columns.map(
    (column) => Math.max(bold(column.header), ...column.values.map((v) => plain(cellText(table, v)))) + 2 * pad,
  );
  if (table.group !== null) {
    const span = columnWidths.reduce((a, b) => a + b, 0);
    const needed = bold(table.group) + 2 * pad;
    if (needed > span) for (let i = 0; i < columnWidths.length; i++) columnWidths[i]! += (needed - span) / columnWidths.length;
  }
  const width = labelWidth + columnWidths.reduce((a, b) => a + b, 0);
  // A long title shrinks on its own, so that a narrow table keeps readable cells.
  let titleSize = fontSize + 2;
  const smallestTitle = Math.min(minFontSize, fontSize);
  while (titleSize > smallestTitle && bold(table.title, titleSize) > maxWidth) titleSize = Math.max(smallestTitle, titleSize - 1);
  const titleHeight = whole(titleSize * 1.8);
  const headerRows = table.group === null ? 1 : 2;
  return {
    fontSize,
    titleSize,
    titleHeight,
    rowHeight,
    pad,
    labelWidth,
    columnWidths,
    width,
    height: titleHeight + (headerRows + table.rows.length) * rowHeight,
  };
}

/**
 * The largest font at which every table fits the image: whole sizes from the base size down to
 * 9 px, then smaller steps for images too small to be legible (a user's `--size`), so a layout
 * never runs off the canvas.
 */
function fitLayouts(scene: TableScene, pen: Pen): TableLayout[] {
  const maxWidth = pen.width - 2 * margin;
  const fits = (layouts: TableLayout[], size: number) => {
    const height = layouts.reduce((sum, l) => sum + l.height, 0) + gapAt(size) * (layouts.length - 1);
    return height <= pen.height - 2 * margin && layouts.every((l) => l.width <= maxWidth);
  };
  let size = baseFontSize;
  let layouts = scene.tables.map((table) => layoutTable(table, pen, size, maxWidth));
  while (!fits(layouts, size) && size > 1) {
    size = size > minFontSize ? size - 1 : size * 0.8;
    layouts = scene.tables.map((table) => layoutTable(table, pen, size, maxWidth));
  }
  return layouts;
}

/** The gap between tables at a font size. */
function gapAt(size: number): number {
  return Math.round((tableGap * size) / baseFontSize);
}

function drawTable(pen: Pen, table: Table, t: number, l: TableLayout, top: number): void {
  const { foreground, muted, lineWidth } = pen.theme;
  const left = Math.round((pen.width - l.width) / 2);
  const right = left + l.width;
  const centre = pen.width / 2;
  const text = { fontSize: l.fontSize, fill: foreground, baseline: 'middle' } as const;
  const header = { ...text, weight: 'bold' } as const;

  pen.text(centre, top + l.titleHeight / 2, table.title, { ...header, fontSize: l.titleSize, anchor: 'middle' }, { id: textIds.title(t) });
  const headTop = top + l.titleHeight;
  const headerRows = table.group === null ? 1 : 2;
  const bodyTop = headTop + headerRows * l.rowHeight;
  const bottom = bodyTop + table.rows.length * l.rowHeight;
  const columnLefts = l.columnWidths.map((_, c) => left + l.labelWidth + l.columnWidths.slice(0, c).reduce((a, b) => a + b, 0));

  if (table.style === 'zebra') {
    pen.rect(left, headTop, l.width, bodyTop - headTop, { fill: foreground, opacity: 0.14, crispEdges: true });
    table.rows.forEach((_, r) => {
      if (r % 2 === 1) pen.rect(left, bodyTop + r * l.rowHeight, l.width, l.rowHeight, { fill: foreground, opacity: 0.07, crispEdges: true });
    });
  } else {
    table.rows.forEach((_, r) => {
      if (r < table.rows.length - 1) {
        const y = bodyTop + (r + 1) * l.rowHeight;
        pen.line(left, y, right, y, { stroke: muted, strokeWidth: 1, crispEdges: true });
      }
    });
  }
  pen.line(left, headTop, right, headTop, { stroke: foreground, strokeWidth: lineWidth, crispEdges: true });
  pen.line(left, bodyTop, right, bodyTop, { stroke: foreground, strokeWidth: Math.max(1, lineWidth / 2), crispEdges: true });
  pen.line(left, bottom, right, bottom, { stroke: foreground, strokeWidth: lineWidth, crispEdges: true });

  const lastHeaderMiddle = bodyTop - l.rowHeight / 2;
  if (table.group !== null) {
    const spanLeft = columnLefts[0] ?? left;
    const middle = headTop + l.rowHeight / 2;
    pen.text((spanLeft + right) / 2, middle, table.group, { ...header, anchor: 'middle' }, { id: textIds.group(t) });
    const y = headTop + l.rowHeight;
    pen.line(spanLeft + l.pad / 2, y, right - l.pad / 2, y, { stroke: foreground, strokeWidth: 1, crispEdges: true });
  }
  pen.text(left + l.pad, lastHeaderMiddle, table.labelHeader, header, { id: textIds.labelHeader(t), class: `header ${markClasses.column(t)}` });
  table.columns.forEach((column, c) => {
    const x = (columnLefts[c] ?? left) + (l.columnWidths[c] ?? 0) - l.pad;
    pen.text(x, lastHeaderMiddle, column.header, { ...header, anchor: 'end' }, { id: textIds.header(t, c), class: `header ${markClasses.column(t)}` });
  });
  table.rows.forEach((label, r) => {
    const middle = bodyTop + (r + 0.5) * l.rowHeight;
    pen.text(left + l.pad, middle, label, text, { id: textIds.rowLabel(t, r), class: `row-label ${markClasses.row(t)}` });
    table.columns.forEach((column, c) => {
      const x = (columnLefts[c] ?? left) + (l.columnWidths[c] ?? 0) - l.pad;
      pen.text(x, middle, cellText(table, column.values[r] ?? 0), { ...text, anchor: 'end' }, { id: textIds.cell(t, r, c) });
    });
  });
}

/** Draws the tables top to bottom, centred, at the largest font size at which they all fit. */
export function drawTables(scene: TableScene, pen: Pen): void {
  const layouts = fitLayouts(scene, pen);
  const size = layouts[0]?.fontSize ?? baseFontSize;
  const gap = gapAt(size);
  const total = layouts.reduce((sum, l) => sum + l.height, 0) + gap * (layouts.length - 1);
  let top = Math.max(0, Math.round((pen.height - total) / 2));
  scene.tables.forEach((table, t) => {
    const layout = layouts[t];
    if (layout === undefined) return;
    pen.group(textIds.table(t), () => drawTable(pen, table, t, layout, top), { class: markClasses.table });
    top += layout.height + gap;
  });
}
