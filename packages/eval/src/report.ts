import { basename } from 'node:path';
import { type Dataset, VERSION } from '@absynth/engine';
import type { RunSettings } from './engine.js';
import { type PaperColumn, paperColumnOf, paperColumns, paperTableA1 } from './paper.js';
import { readPredictions } from './predictions.js';

/** Accuracy over a group of questions (captions excluded: they are ROUGE-L, reported apart). */
export interface Score {
  /** Questions of the group in the evaluated data. */
  questions: number;
  /** Of those, with a prediction. */
  answered: number;
  /** Of those, failures (no usable reply; scored 0). */
  failures: number;
  /** Mean score over the answered questions, in [0, 1]; null when none was answered. */
  accuracy: number | null;
}

/** Captions: the mean ROUGE-L F-measure, never counted as right or wrong. */
export interface CaptionScore {
  questions: number;
  answered: number;
  failures: number;
  /** Mean ROUGE-L over the answered captions, in [0, 1]; null when none was answered. */
  rougeL: number | null;
}

/** Route questions (road maps): the map-aware score, partial credit by ordered landmark coverage. */
export interface RouteScore {
  questions: number;
  answered: number;
  failures: number;
  /** Mean route score in [0, 1] (1 for any valid route to the end, else landmark coverage kept below 1). */
  meanScore: number | null;
  /** Share of answered routes that are valid routes (score 1). */
  validShare: number | null;
  /** Mean of other measures the predictions carry (such as `paperMarkerRecall` for benchmark rows). */
  extra?: Record<string, number>;
}

/** One scenario's results. */
export interface ScenarioReport extends Score {
  scenario: string;
  /** The paper's column this scenario compares with, if any. */
  paperColumn: PaperColumn | null;
  byKind: Record<string, Score>;
  byLevel: Record<string, Score>;
  captions: CaptionScore | null;
  routes: RouteScore | null;
}

/** The paper's published rows beside the model's, over the scenarios both have. */
export interface PaperComparison {
  /** The columns compared (the paper's names), in the paper's order. */
  columns: PaperColumn[];
  /** The model evaluated here, in percent per column, and its mean over these columns. */
  model: { name: string; percent: Partial<Record<PaperColumn, number>>; mean: number | null };
  /** Each published row, in percent per compared column, and its mean over the same columns. */
  rows: { model: string; percent: Partial<Record<PaperColumn, number>>; mean: number; paperAverage: number }[];
}

/** `report.json`. */
export interface EvalReport {
  tool: { name: 'absynth'; version: string };
  settings: RunSettings;
  /** Questions in the evaluated data (after `limit`). */
  questions: number;
  answered: number;
  unanswered: number;
  failures: number;
  /** The unweighted mean of the scenarios' accuracies, as the paper averages. */
  mean: number | null;
  /** Accuracy over every answered question, all scenarios pooled. */
  pooled: number | null;
  scenarios: ScenarioReport[];
  byKind: Record<string, Score>;
  byLevel: Record<string, Score>;
  captions: CaptionScore | null;
  paper: PaperComparison | null;
}

/** One question of the evaluated data, as the report groups it. */
export interface QuestionRef {
  id: string;
  scenario: string;
  kind: string;
  level: number | null;
  answerType: string;
}

class Tally {
  questions = 0;
  answered = 0;
  failures = 0;
  sum = 0;
  add(score: number | undefined, failed: boolean): void {
    this.questions++;
    if (score === undefined) return;
    this.answered++;
    this.sum += score;
    if (failed) this.failures++;
  }
  mean(): number | null {
    return this.answered === 0 ? null : this.sum / this.answered;
  }
  score(): Score {
    return { questions: this.questions, answered: this.answered, failures: this.failures, accuracy: this.mean() };
  }
}

const tallyIn = (map: Map<string, Tally>, key: string): Tally => {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
};

const scores = (map: Map<string, Tally>): Record<string, Score> =>
  Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, t]) => [k, t.score()]));

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** The datasets evaluated, or the questions of the data in order. */
  datasets?: readonly Dataset[];
  questions?: AsyncIterable<QuestionRef>;
  /** The predictions file. */
  predictions: string;
  settings: RunSettings;
  comparePaper?: boolean;
  /** Only the first N questions were evaluated. */
  limit?: number | undefined;
  /** The paper's column of a scenario; default {@link paperColumnOf}. */
  columnOf?: (scenario: string) => PaperColumn | undefined;
}

/**
 * The key of a question in predictions and reports: its id, prefixed with its dataset's folder
 * name when several datasets are evaluated together, since two datasets of one scenario and seed
 * (with other params) hold the same ids.
 */
export function questionKey(datasets: readonly Dataset[], dataset: Dataset, id: string): string {
  return datasets.length > 1 ? `${basename(dataset.dir)}/${id}` : id;
}

async function* datasetQuestions(datasets: readonly Dataset[]): AsyncGenerator<QuestionRef> {
  for (const dataset of datasets) {
    for await (const record of dataset.samples) {
      for (const qa of record.qa) yield { id: questionKey(datasets, dataset, qa.id), scenario: record.scenario, kind: qa.kind, level: record.level, answerType: qa.answer.type };
    }
  }
}

/**
 * The report of an evaluation: every question of the data joined with its prediction. Accuracy
 * is the mean score of the answered questions (failures count 0; questions not yet asked are
 * left out and counted as unanswered); captions are ROUGE-L, apart; the overall figure is the
 * unweighted mean over scenarios, as in the paper.
 */
export async function buildReport(options: BuildReportOptions): Promise<EvalReport> {
  const { byId } = await readPredictions(options.predictions);
  const questions = options.questions ?? datasetQuestions(options.datasets ?? []);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const columnOf = options.columnOf ?? paperColumnOf;
  interface Group {
    all: Tally;
    byKind: Map<string, Tally>;
    byLevel: Map<string, Tally>;
    captions: Tally;
    routes: Tally;
    valid: number;
    extra: Map<string, Tally>;
  }
  const groups = new Map<string, Group>();
  const pooled = new Tally();
  const byKind = new Map<string, Tally>();
  const byLevel = new Map<string, Tally>();
  const captions = new Tally();
  let total = 0;
  let failures = 0;
  for await (const q of questions) {
    if (total >= limit) break;
    total++;
    const prediction = byId.get(q.id);
    const score = prediction?.score;
    const failed = prediction?.error !== undefined;
    if (failed) failures++;
    let group = groups.get(q.scenario);
    if (group === undefined) {
      group = { all: new Tally(), byKind: new Map(), byLevel: new Map(), captions: new Tally(), routes: new Tally(), valid: 0, extra: new Map() };
      groups.set(q.scenario, group);
    }
    if (q.answerType === 'caption') {
      group.captions.add(score, failed);
      captions.add(score, failed);
      continue;
    }
    const level = q.level === null ? 'n/a' : String(q.level);
    for (const tally of [group.all, tallyIn(group.byKind, q.kind), tallyIn(group.byLevel, level), pooled, tallyIn(byKind, q.kind), tallyIn(byLevel, level)]) {
      tally.add(score, failed);
    }
    if (q.answerType === 'route') {
      group.routes.add(score, failed);
      if (score === 1) group.valid++;
      for (const [key, value] of Object.entries(prediction?.extra ?? {})) tallyIn(group.extra, key).add(value, false);
    }
  }
  const scenarios: ScenarioReport[] = [...groups].map(([scenario, g]) => ({
    scenario,
    paperColumn: columnOf(scenario) ?? null,
    ...g.all.score(),
    byKind: scores(g.byKind),
    byLevel: scores(g.byLevel),
    captions: g.captions.questions === 0 ? null : { questions: g.captions.questions, answered: g.captions.answered, failures: g.captions.failures, rougeL: g.captions.mean() },
    routes:
      g.routes.questions === 0
        ? null
        : {
            questions: g.routes.questions,
            answered: g.routes.answered,
            failures: g.routes.failures,
            meanScore: g.routes.mean(),
            validShare: g.routes.answered === 0 ? null : g.valid / g.routes.answered,
            ...(g.extra.size === 0 ? {} : { extra: Object.fromEntries([...g.extra].map(([k, t]) => [k, t.mean() ?? 0])) }),
          },
  }));
  const rated = scenarios.filter((s) => s.accuracy !== null);
  const mean = rated.length === 0 ? null : rated.reduce((sum, s) => sum + (s.accuracy as number), 0) / rated.length;
  const answered = pooled.answered + captions.answered;
  return {
    tool: { name: 'absynth', version: VERSION },
    settings: options.settings,
    questions: total,
    answered,
    unanswered: total - answered,
    failures,
    mean,
    pooled: pooled.mean(),
    scenarios,
    byKind: scores(byKind),
    byLevel: scores(byLevel),
    captions: captions.questions === 0 ? null : { questions: captions.questions, answered: captions.answered, failures: captions.failures, rougeL: captions.mean() },
    paper: options.comparePaper ? comparison(scenarios, options.settings.model ?? 'this model') : null,
  };
}

/** Percent with one decimal, as the paper prints. */
const percent = (fraction: number): number => Math.round(fraction * 1000) / 10;

function comparison(scenarios: readonly ScenarioReport[], name: string): PaperComparison {
  const mine = new Map<PaperColumn, number>();
  for (const s of scenarios) if (s.paperColumn !== null && s.accuracy !== null) mine.set(s.paperColumn, s.accuracy);
  const columns = paperColumns.filter((c) => mine.has(c));
  const meanOf = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);
  const modelPercent = Object.fromEntries(columns.map((c) => [c, percent(mine.get(c) as number)])) as Partial<Record<PaperColumn, number>>;
  return {
    columns,
    model: { name, percent: modelPercent, mean: meanOf(columns.map((c) => mine.get(c) as number).map((v) => v * 100)) },
    rows: paperTableA1.map((row) => ({
      model: row.model,
      percent: Object.fromEntries(columns.map((c) => [c, row.accuracy[c]])) as Partial<Record<PaperColumn, number>>,
      mean: meanOf(columns.map((c) => row.accuracy[c])) ?? 0,
      paperAverage: row.average,
    })),
  };
}
