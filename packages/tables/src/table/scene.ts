/** How a table separates its rows. */
export type RowStyle = 'zebra' | 'rules';

/** One numeric column: its header and the values of every row, in row order. */
export interface TableColumn {
  /** The header text as drawn, such as `France` or `Unemployment rate (%)`. */
  header: string;
  /** The values as printed, already rounded to the table's `decimals`. */
  values: number[];
}

/** One table of the image. Plain data: it survives a JSON round trip. */
export interface Table {
  /** The caption drawn above the table, from one of the topic's title patterns. */
  title: string;
  /** The topic the numbers come from (an id of `@absynth/topics`). */
  topic: string;
  /** What is measured, such as `Unemployment rate`. */
  measure: string;
  /** The unit's symbol as written in headers or after cells, such as `%` or `USD bn`; empty for plain counts. */
  unit: string;
  /** The unit in words, such as `percent`. */
  unitName: string;
  /** Decimal places every number of the table is printed with. */
  decimals: number;
  /** Header of the text column, the category noun in sentence case, such as `Country`. */
  labelHeader: string;
  /** The row labels, top to bottom. */
  rows: string[];
  /** The numeric columns, left to right. */
  columns: TableColumn[];
  /** The grouped header spanning every numeric column (measure and unit), or `null` when the columns carry it. */
  group: string | null;
  /** How rows are separated. */
  style: RowStyle;
}

/** The ground truth of one image: its tables, top to bottom. */
export interface TableScene {
  tables: Table[];
}
