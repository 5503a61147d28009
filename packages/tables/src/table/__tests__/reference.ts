// A second implementation for the tests: parses `tables.text(scene)` back into strings and numbers
// and recomputes answers from that, sharing no code with the scenario's tasks.

/** A table as read back from its text rendering. */
export interface ParsedTable {
  title: string;
  group: string | null;
  headers: string[];
  rows: { label: string; cells: string[] }[];
}

export function parseTablesText(text: string): ParsedTable[] {
  return text.split('\n\n').map((block) => {
    const lines = block.split('\n');
    const title = (lines.shift() ?? '').replace(/^Table \d+: /, '');
    let group: string | null = null;
    if (lines[0]?.startsWith('Grouped header over the numeric columns: ')) {
      group = (lines.shift() ?? '').slice('Grouped header over the numeric columns: '.length);
    }
    const cells = (line: string) => line.slice(2, -2).split(' | ');
    const headers = cells(lines[0] ?? '');
    const rows = lines.slice(2).map((line) => {
      const [label = '', ...rest] = cells(line);
      return { label, cells: rest };
    });
    return { title, group, headers, rows };
  });
}

/** A printed cell as a number: `-1,234.5%` → -1234.5. */
export function cellNumber(text: string): number {
  return Number.parseFloat(text.replaceAll(',', '').replace('%', ''));
}

/** Decimal places a printed cell shows. */
export function printedDecimals(text: string): number {
  const match = /\.(\d+)/.exec(text);
  return match?.[1]?.length ?? 0;
}

/** Rounds half away from zero at `decimals` places, by string arithmetic on the scaled integer. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9) / scale;
}

/** `t2-r3-c1` → zero-based table, row and column. */
export function cellOf(id: string): { t: number; r: number; c: number } | undefined {
  const match = /^t(\d+)-r(\d+)-c(\d+)$/.exec(id);
  if (match === null) return undefined;
  return { t: Number(match[1]) - 1, r: Number(match[2]) - 1, c: Number(match[3]) - 1 };
}
