/**
 * The paper's published results (PAPER.md, "Results to compare against", Table A1): accuracy in
 * percent per scenario, and the average over its eight scenarios.
 */

/** The paper's scenario columns, in its order. */
export const paperColumns = ['chart', 'table', 'road map', 'dashboard', 'relation graph', 'flowchart', 'puzzle', 'layout'] as const;

/** One of {@link paperColumns}. */
export type PaperColumn = (typeof paperColumns)[number];

/** One published row. */
export interface PaperRow {
  model: string;
  /** Accuracy in percent, by column. */
  accuracy: Readonly<Record<PaperColumn, number>>;
  /** The paper's average over its eight columns. */
  average: number;
}

/** Table A1. */
export const paperTableA1: readonly PaperRow[] = [
  { model: 'human', accuracy: { chart: 93.5, table: 95.1, 'road map': 75.0, dashboard: 85.3, 'relation graph': 82.5, flowchart: 65.5, puzzle: 62.5, layout: 97.6 }, average: 82.1 },
  { model: 'Claude-3.5-Sonnet', accuracy: { chart: 67.2, table: 84.4, 'road map': 59.2, dashboard: 54.0, 'relation graph': 58.5, flowchart: 49.2, puzzle: 62.4, layout: 82.9 }, average: 64.7 },
  { model: 'GPT-4o', accuracy: { chart: 61.8, table: 88.8, 'road map': 37.8, dashboard: 54.8, 'relation graph': 54.5, flowchart: 54.3, puzzle: 45.4, layout: 82.5 }, average: 60.0 },
  { model: 'GPT-4V', accuracy: { chart: 50.6, table: 75.8, 'road map': 23.3, dashboard: 36.2, 'relation graph': 52.4, flowchart: 45.3, puzzle: 35.9, layout: 76.6 }, average: 49.5 },
  { model: 'Llava-1.5-7B', accuracy: { chart: 10.5, table: 15.8, 'road map': 0.3, dashboard: 16.5, 'relation graph': 29.6, flowchart: 9.6, puzzle: 3.4, layout: 37.7 }, average: 15.4 },
  { model: 'Llava-1.5-7B tuned on the 62k', accuracy: { chart: 30.3, table: 51.8, 'road map': 67.7, dashboard: 16.5, 'relation graph': 30.1, flowchart: 12.3, puzzle: 3.6, layout: 44.1 }, average: 32.0 },
];

/**
 * The paper's column for an absynth scenario id (charts, tables, roadmap, graphs, flowcharts), or
 * `undefined` for a scenario the paper had no counterpart of (such as `maze`, plain grid mazes).
 */
export function paperColumnOf(scenario: string): PaperColumn | undefined {
  return columnByScenario[scenario];
}

/**
 * The paper's column for a file of benchmark rows, by its stem, or for a release row's `type`
 * (which holds the scenario's folder name): the release's files (`eval_chart`, `eval_table`,
 * `eval_road_map`, `eval_dashboard`, `eval_relation_graph`, `eval_flowchart`,
 * `eval_visual_puzzle`, `eval_planar_layout`), the short names of its earlier split (chart, table,
 * maze, dashboard, org, flowchart, iq, layout; `maze` is the road map), or an absynth `mmsi`
 * export (`<scenario>.jsonl`).
 */
export function paperColumnOfFile(stem: string): PaperColumn | undefined {
  const name = stem
    .toLowerCase()
    .replace(/[-\s]+/g, '_')
    .replace(/^(eval|test|val|bench(mark)?)_/, '')
    .replace(/_?(test|val|eval|bench(mark)?)$/, '');
  return columnByReleaseFile[name] ?? columnByScenario[name];
}

const columnByScenario: Readonly<Record<string, PaperColumn>> = {
  charts: 'chart',
  tables: 'table',
  roadmap: 'road map',
  graphs: 'relation graph',
  flowcharts: 'flowchart',
};

const columnByReleaseFile: Readonly<Record<string, PaperColumn>> = {
  road_map: 'road map',
  relation_graph: 'relation graph',
  visual_puzzle: 'puzzle',
  planar_layout: 'layout',
  chart: 'chart',
  table: 'table',
  maze: 'road map',
  dashboard: 'dashboard',
  org: 'relation graph',
  flowchart: 'flowchart',
  iq: 'puzzle',
  layout: 'layout',
};
