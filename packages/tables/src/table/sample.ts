import { type Rng, type SampleResources, sentenceCase } from '@absynth/core';
import {
  type CategorySetName,
  categorySets,
  compatibleShapes,
  drawCategories,
  fillableTitles,
  libraryOf,
  generateSeriesValues,
  runTitleValues,
  type TitleValues,
  type Topic,
} from '@absynth/topics';
import { headerUnit, unitInCells } from './format.js';
import type { TableParams } from './params.js';
import type { Table, TableScene } from './scene.js';

const placeSets: ReadonlySet<CategorySetName> = new Set(['countries', 'cities', 'continents']);

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
  const title = rng.pick(fillableTitles(topic, fill));

  const grouped = series !== undefined && rng.bool(params.grouping);
  const measureHeader = `${topic.measure}${headerUnit(unit)}`;
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

/** Samples the tables of one image: distinct topics and distinct titles, from the run's topic library (`resources.topics`, else the embedded one). Pure: uses only its arguments. */
export function sampleTables(rng: Rng, params: TableParams, resources: SampleResources = {}): TableScene {
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
