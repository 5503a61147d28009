#!/usr/bin/env node
// Runs the drawing-first gate over many items of every built-in scenario at every level, in
// every theme, and prints what it finds: questions checked, problems by kind (with an example),
// and the share of distinct topics and shapes among the items of each level.
//
//   node scripts/answerable-survey.mjs [--count 1000] [--scenario charts] [--levels 1,3,5]
//
// Run `npm run build` first. Exits 1 when the gate found a problem, 2 on a bad option.
import { parseArgs } from 'node:util';
import { charts } from '@absynth/charts';
import { dashboards } from '@absynth/dashboards';
import { sampleScene } from '@absynth/engine';
import { flowcharts, graphs } from '@absynth/graphs';
import { maze, roadmap } from '@absynth/maps';
import { resolveParams } from '@absynth/core';
import { themeNames } from '@absynth/render';
import { tables } from '@absynth/tables';
import { itemAnswerability } from '@absynth/testkit/gate';

/** Per scenario: what an item is about (its topic) and what it looks like (its shape), as strings. */
const surveyed = {
  maze: { scenario: maze, topic: (s) => `${s.algorithm} ${s.style}`, shape: (s) => `${s.rows}x${s.cols} ${s.algorithm} ${s.style} ${s.labels}` },
  roadmap: { scenario: roadmap, topic: (s) => s.markers.map((m) => m.label).join(','), shape: (s) => `${s.size} ${s.markers.length} markers, route ${s.route.length}` },
  tables: { scenario: tables, topic: (s) => s.tables.map((t) => `${t.topic}/${t.measure}`).join(' + '), shape: (s) => s.tables.map((t) => `${t.rows.length}x${t.columns.length}${t.group === null ? '' : ' grouped'}`).join(' + ') },
  charts: { scenario: charts, topic: (s) => s.charts.map((c) => c.title).join(' + '), shape: (s) => s.charts.map((c) => `${c.kind} ${c.categories.length}x${c.series.length}`).join(' + ') },
  graphs: { scenario: graphs, topic: (s) => s.title, shape: (s) => `${s.family} ${s.nodes.length} nodes ${s.edges.length} edges${s.directed ? ' directed' : ''}${s.weighted ? ' weighted' : ''}` },
  dashboards: {
    scenario: dashboards,
    topic: (s) => s.instruments.map((i) => (i.kind === 'clock' ? 'clock' : `${i.type} ${i.unit}`)).join(' + '),
    shape: (s) => s.instruments.map((i) => (i.kind === 'clock' ? `clock ${i.numerals} ${i.hands} ${i.ticks}${i.seconds === null ? '' : ' seconds'}` : `${i.type} ${i.scale.min}-${i.scale.max}/${i.scale.major}/${i.scale.minor} ${i.scale.sweep}° ${i.zones.length} zones ${i.needles.length} needles`)).join(' + ') + ` ${s.face} ${s.finish}`,
  },
  flowcharts: { scenario: flowcharts, topic: (s) => `${s.name}: ${s.title}`, shape: (s) => `${s.family} ${s.nodes.length} symbols ${s.edges.length} arrows ${s.direction}` },
};

/** Stops with a usage error: the message, exit code 2. */
function usage(message) {
  console.error(`answerable-survey: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { count: { type: 'string', default: '1000' }, scenario: { type: 'string' }, levels: { type: 'string', default: '1,2,3,4,5' }, seed: { type: 'string', default: '1' } },
  }));
} catch (error) {
  usage(error.message);
}
const count = Number(values.count);
const seed = Number(values.seed);
const levels = values.levels.split(',').map(Number);
if (!Number.isSafeInteger(count) || count < 1) usage(`--count: ${JSON.stringify(values.count)} is not a positive integer`);
if (!Number.isSafeInteger(seed) || seed < 0) usage(`--seed: ${JSON.stringify(values.seed)} is not a non-negative integer`);
if (levels.some((level) => ![1, 2, 3, 4, 5].includes(level))) usage(`--levels: ${JSON.stringify(values.levels)} is not a comma-separated list of levels 1 to 5`);
const ids = values.scenario === undefined ? Object.keys(surveyed) : [values.scenario];
for (const id of ids) if (!(id in surveyed)) usage(`--scenario: no built-in scenario "${id}" (one of ${Object.keys(surveyed).join(', ')})`);

let failed = 0;
for (const id of ids) {
  const { scenario, topic, shape } = surveyed[id];
  const styles = scenario.styles ?? ['crisp', 'sketch'];
  for (const level of levels) {
    const problems = [];
    let questions = 0;
    const topics = new Set();
    const shapes = new Set();
    const params = resolveParams(scenario, level);
    for (let index = 0; index < count; index++) {
      const theme = themeNames[index % themeNames.length];
      const style = styles[Math.floor(index / themeNames.length) % styles.length];
      const item = await itemAnswerability(scenario, { level, seed, index, theme, style });
      problems.push(...item.problems);
      questions += item.checked;
      const scene = sampleScene(scenario, params, { level, seed, index });
      topics.add(topic(scene));
      shapes.add(shape(scene));
    }
    failed += problems.length;
    const share = (set) => `${((100 * set.size) / count).toFixed(1)}%`;
    console.log(`${id} level ${level}: ${count} items, ${questions} questions checked, ${problems.length} problems; distinct topics ${share(topics)}, distinct shapes ${share(shapes)}`);
    // Problems of one kind differ only in their numbers and quoted names.
    const kinds = new Map();
    for (const problem of problems) {
      const kind = problem.replace(/^\S+ \([^)]*\) /, '').replace(/"[^"]*"/g, '"…"').replace(/[\d.]+/g, 'N');
      kinds.set(kind, [...(kinds.get(kind) ?? []), problem]);
    }
    for (const [kind, all] of kinds) console.log(`  ${all.length} × ${kind}\n      e.g. ${all[0]}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
