import { type Rng, type SampleContext, sentenceCase } from '@absynth/core';
import {
  type CategorySetName,
  categorySets,
  compatibleShapes,
  drawCategories,
  type ContentIdea,
  fillableTitles,
  ideasOf,
  libraryOf,
  generateSeriesValues,
  runTitleValues,
  type TitleValues,
  type Topic,
} from '@absynth/topics';
import { headerOfMeasure, headerUnit, saysUnit, unitInCells } from './format.js';
import type { TableParams } from './params.js';
import type { Table, TableScene } from './scene.js';

const placeSets: ReadonlySet<CategorySetName> = new Set(['countries', 'cities', 'continents']);

/**
 * Whether a title names the unit in brackets where it says nothing: after a measure that already
 * says it ("Wins (wins)", "Frost days (days)", "Pupils per teacher (pupils per teacher)") or for
 * plain counts ("Satellites launched (count)").
 */
function redundantUnit(title: string, topic: Topic): boolean {
  const { name } = topic.unit;
  return title.toLowerCase().includes(`(${name.toLowerCase()})`) && (name === 'count' || saysUnit(topic.measure, name));
}

/** One table from a topic not used yet in the image, or `undefined` when the draw is unusable. */
function sampleTable(rng: Rng, params: TableParams, topic: Topic): Table | undefined {
  const rowSet = rng.pick(topic.categories);
  const members = categorySets[rowSet].members.length;
  const rowCount = Math.min(members, rng.int(Math.max(3, params.rows - 2), params.rows));
  if (rowCount < 3) return undefined;
  const seriesSets = topic.series.sets.filter((set) => set !== rowSet);
  const seriesSet = seriesSets.length === 0 ? undefined : rng.pick(seriesSets);
  const wanted = rng.int(Math.max(1, params.columns - 1), params.columns);
  const columnCount =
    seriesSet === undefined ? 1 : Math.min(wanted, topic.series.max, categorySets[seriesSet].members.length);
  const shape = rng.pick(compatibleShapes(topic, rowSet));
  const rows = drawCategories(rng, rowSet, rowCount);
  const series = columnCount > 1 && seriesSet !== undefined ? drawCategories(rng, seriesSet, columnCount) : undefined;
  const values = generateSeriesValues(rng, topic, shape, rows, columnCount);

  const unit = topic.unit.symbol;
  const places = placeSets.has(rowSet) || (series !== undefined && placeSets.has(series.set));
  const years = rowSet === 'years' || series?.set === 'years';
  const fill: TitleValues = { ...runTitleValues(rows) };
  if (!places) fill.place = rng.pick(categorySets.countries.members);
  if (!years) fill.year = String(rng.int(2015, 2024));
  const titles = fillableTitles(topic, fill).filter((candidate) => !redundantUnit(candidate, topic));
  const title = rng.pick(titles.length > 0 ? titles : [topic.measure]);

  const grouped = series !== undefined && rng.bool(params.grouping);
  const measureHeader = headerOfMeasure(topic.measure, unit);
  const headers = series === undefined ? [measureHeader] : series.labels.map((label) => (grouped ? label : `${label}${headerUnit(unit)}`));
  return {
    title,
    topic: topic.id,
    measure: topic.measure,
    unit,
    unitName: topic.unit.name,
    decimals: topic.unit.decimals,
    labelHeader: sentenceCase(categorySets[rowSet].noun),
    rows: [...rows.labels],
    columns: headers.map((header, i) => ({ header, values: [...(values[i] ?? [])] })),
    group: grouped ? (unitInCells({ unit }) ? topic.measure : measureHeader) : null,
    style: params.style === 'auto' ? rng.pick(['zebra', 'rules'] as const) : params.style,
  };
}

/** A table laid out from a model-proposed idea (validated by `contentIdeaSchema`): its categories as rows, its series as columns, its values as given. */
export function tableFromIdea(rng: Rng, params: TableParams, idea: ContentIdea, topic = 'proposed'): Table {
  const unit = idea.unit.symbol;
  const multi = idea.series.length > 1;
  const grouped = multi && rng.bool(params.grouping);
  const measureHeader = headerOfMeasure(idea.measure, unit);
  const headers = multi ? idea.series.map((s) => (grouped ? s.label : `${s.label}${headerUnit(unit)}`)) : [measureHeader];
  return {
    title: idea.title,
    topic,
    measure: idea.measure,
    unit,
    unitName: idea.unit.name,
    decimals: idea.unit.decimals,
    labelHeader: sentenceCase(idea.categoryNoun),
    rows: [...idea.categories],
    columns: headers.map((header, i) => ({ header, values: [...(idea.series[i]?.values ?? [])] })),
    group: grouped ? (unitInCells({ unit }) ? idea.measure : measureHeader) : null,
    style: params.style === 'auto' ? rng.pick(['zebra', 'rules'] as const) : params.style,
  };
}

/** Samples the tables of one image: distinct topics and distinct titles, from the run's topic library (`resources.topics`, else the embedded one). Pure: uses only its arguments. */
export function sampleTables(rng: Rng, params: TableParams, { resources }: SampleContext): TableScene {
  const ideas = ideasOf(resources);
  if (ideas !== undefined) {
    // Proposed content: each table of the image from a different idea.
    const picked = rng.sample(
      ideas.ideas.map((idea, i) => ({ idea, i })),
      Math.min(params.tables, ideas.ideas.length),
    );
    return { tables: picked.map(({ idea, i }) => tableFromIdea(rng, params, idea, `proposed-${i + 1}`)) };
  }
  const tables: Table[] = [];
  const topics = rng.shuffle(libraryOf(resources).topics);
  for (const topic of topics) {
    if (tables.length === params.tables) break;
    const table = sampleTable(rng, params, topic);
    if (table === undefined || tables.some((t) => t.title === table.title)) continue;
    tables.push(table);
  }
  return { tables };
}
