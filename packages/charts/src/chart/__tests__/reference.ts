// A second implementation for the tests: parses `charts.text(scene)` back into strings and numbers
// and recomputes answers from that, sharing no code with the scenario's tasks.

/** An axis line of the text: its title, and its range when it is a numeric (value) axis. */
export interface ParsedAxis {
  title: string;
  range: { min: number; max: number; step: number } | null;
}

/** A chart as read back from its text rendering. */
export interface ParsedChart {
  title: string;
  /** The `Type:` line, such as `grouped bar chart`. */
  type: string;
  vertical: ParsedAxis | null;
  horizontal: ParsedAxis | null;
  /** Legend-like pairs of the `Colours:` or `Slice colours:` line, in order. */
  colours: { label: string; colour: string }[];
  /** Whether the colours are of slices (pie and doughnut). */
  slices: boolean;
  printed: boolean;
  /** The `Legend:` line's side (`top`, `right`…), or null when there is no legend. */
  legend: string | null;
  /** Whether the `Gridlines:` line says gridlines are drawn; null for charts without a value axis. */
  gridlines: boolean | null;
  /** The header of the first column, the category noun. */
  noun: string;
  /** Headers after the first: one per series, or for scatter plots the x and y titles. */
  headers: string[];
  categories: string[];
  /** Cells as printed, `cells[column][row]`. */
  cells: string[][];
}

/** The colour names a question may use, longest first so `olive green` wins over `green`. */
export function colourPattern(names: readonly string[]): RegExp {
  const sorted = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(.+?) (${sorted.join('|')})(?:, |$)`, 'g');
}

function parseAxis(rest: string): ParsedAxis {
  const match = /^(.*?)(?:, (-?[\d,]+(?:\.\d+)?) to (-?[\d,]+(?:\.\d+)?) in steps of ([\d,]+(?:\.\d+)?))?$/.exec(rest);
  if (match === null) throw new Error(`bad axis line: ${rest}`);
  const range = match[2] === undefined ? null : { min: cellNumber(match[2]), max: cellNumber(match[3] ?? ''), step: cellNumber(match[4] ?? '') };
  return { title: match[1] ?? '', range };
}

export function parseChartsText(text: string, colourNames: readonly string[]): ParsedChart[] {
  return text.split('\n\n').map((block) => {
    const lines = block.split('\n');
    const head = /^Chart (\d+): (.*)$/.exec(lines.shift() ?? '');
    if (head === null) throw new Error(`bad chart block: ${block.slice(0, 80)}`);
    const type = (lines.shift() ?? '').replace(/^Type: /, '');
    const chart: ParsedChart = {
      title: head[2] ?? '',
      type,
      vertical: null,
      horizontal: null,
      colours: [],
      slices: false,
      printed: false,
      legend: null,
      gridlines: null,
      noun: '',
      headers: [],
      categories: [],
      cells: [],
    };
    while (lines.length > 0 && !(lines[0] ?? '').startsWith('| ')) {
      const line = lines.shift() ?? '';
      if (line.startsWith('Vertical axis: ')) chart.vertical = parseAxis(line.slice('Vertical axis: '.length));
      else if (line.startsWith('Horizontal axis: ')) chart.horizontal = parseAxis(line.slice('Horizontal axis: '.length));
      else if (line.startsWith('Colours: ') || line.startsWith('Slice colours: ')) {
        chart.slices = line.startsWith('Slice');
        const rest = line.slice(line.indexOf(': ') + 2);
        chart.colours = [...rest.matchAll(colourPattern(colourNames))].map((m) => ({ label: m[1] ?? '', colour: m[2] ?? '' }));
      } else if (line === 'Values are printed on the chart.') chart.printed = true;
      else if (line.startsWith('Legend: ')) chart.legend = line.slice('Legend: '.length);
      else if (line.startsWith('Gridlines: ')) chart.gridlines = line !== 'Gridlines: none';
      else throw new Error(`unexpected line: ${line}`);
    }
    const cells = (line: string) => line.slice(2, -2).split(' | ');
    const [noun = '', ...headers] = cells(lines[0] ?? '');
    chart.noun = noun;
    chart.headers = headers;
    chart.cells = headers.map(() => []);
    for (const line of lines.slice(2)) {
      const [category = '', ...rest] = cells(line);
      chart.categories.push(category);
      for (const [j, c] of rest.entries()) chart.cells[j]?.push(c);
    }
    return chart;
  });
}

/** A printed number as a number: `-1,234.5%` → -1234.5. */
export function cellNumber(text: string): number {
  return Number(text.replaceAll(',', '').replace(/%$/, ''));
}

/** Decimal places a printed number shows. */
export function printedDecimals(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** Exact sum of printed numbers, as integers scaled by their decimals. */
export function exactSum(texts: readonly string[]): number {
  const d = Math.max(0, ...texts.map(printedDecimals));
  const scaled = texts.reduce((total, t) => total + BigInt(t.replaceAll(',', '').replace(/%$/, '').replace('.', '')) * 10n ** BigInt(d - printedDecimals(t)), 0n);
  return Number(scaled) / 10 ** d;
}

/** `c2-s3-4` → zero-based chart 1, series 2, category 3. */
export function markOf(id: string): { k: number; s: number; i: number } | undefined {
  const match = /^c(\d+)-s(\d+)-(\d+)$/.exec(id);
  if (match === null) return undefined;
  return { k: Number(match[1]) - 1, s: Number(match[2]) - 1, i: Number(match[3]) - 1 };
}

/** The chart a region id belongs to (`c3-…` → 2). */
export function chartOf(id: string): number | undefined {
  const match = /^c(\d+)(?:-|$)/.exec(id);
  return match === null ? undefined : Number(match[1]) - 1;
}

const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** The 1-based number of the first ordinal in a question (`the third entry` → 3, `the 14th entry` → 14). */
export function ordinalIn(question: string): number | undefined {
  const match = /\bthe (\w+) (?:entry|legend entry)\b/.exec(question);
  if (match === null) return undefined;
  const word = match[1] ?? '';
  const index = ordinalWords.indexOf(word);
  if (index >= 0) return index + 1;
  const numeric = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  return numeric === null ? undefined : Number(numeric[1]);
}

/** Pearson's r, written from the textbook formula with two passes. */
export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] as number;
    sy += ys[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const a = (xs[i] as number) - mx;
    const b = (ys[i] as number) - my;
    num += a * b;
    vx += a ** 2;
    vy += b ** 2;
  }
  return num / Math.sqrt(vx) / Math.sqrt(vy);
}

/** Whether the rounded `answer` can come from `exact` at `precision` decimals. */
export function roundsTo(answer: number, exact: number, precision: number): boolean {
  return Math.abs(answer - exact) <= 0.5 * 10 ** -precision + 1e-9 * Math.max(1, Math.abs(exact));
}
