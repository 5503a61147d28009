#!/usr/bin/env node
// Generated-docs maker: rewrites docs/scenarios.md (the scenario catalog) and the params and
// levels tables of each scenario package's README from the scenarios themselves. Tests fail when
// a committed file differs from what this writes. Usage (after `npm run build`):
//   node scripts/docs.mjs          print what would change
//   node scripts/docs.mjs --write  write the files
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { levelsTable, paramsTable, replaceMarkedSection } from '@absynth/core';
import { maze, roadmap } from '@absynth/maps';
import { charts } from '@absynth/charts';
import { dashboards } from '@absynth/dashboards';
import { flowcharts, graphs } from '@absynth/graphs';
import { tables } from '@absynth/tables';
import { builtinCatalog, scenarioCatalog } from 'absynth';

const root = resolve(import.meta.dirname, '..');
const files = new Map([[resolve(root, 'docs/scenarios.md'), scenarioCatalog(builtinCatalog)]]);

// Each scenario's tables sit between its own markers: `params`/`levels` for the maze (the
// README's first scenario), `params-<id>`/`levels-<id>` for the others.
const mapsReadme = resolve(root, 'packages/maps/README.md');
let maps = readFileSync(mapsReadme, 'utf8');
for (const [scenario, suffix] of [
  [maze, ''],
  [roadmap, '-roadmap'],
]) {
  maps = replaceMarkedSection(maps, `params${suffix}`, paramsTable(scenario));
  maps = replaceMarkedSection(maps, `levels${suffix}`, levelsTable(scenario));
}
files.set(mapsReadme, maps);

const tablesReadme = resolve(root, 'packages/tables/README.md');
let tablesDoc = readFileSync(tablesReadme, 'utf8');
tablesDoc = replaceMarkedSection(tablesDoc, 'params', paramsTable(tables));
tablesDoc = replaceMarkedSection(tablesDoc, 'levels', levelsTable(tables));
files.set(tablesReadme, tablesDoc);

const chartsReadme = resolve(root, 'packages/charts/README.md');
let chartsDoc = readFileSync(chartsReadme, 'utf8');
chartsDoc = replaceMarkedSection(chartsDoc, 'params', paramsTable(charts));
chartsDoc = replaceMarkedSection(chartsDoc, 'levels', levelsTable(charts));
files.set(chartsReadme, chartsDoc);

const graphsReadme = resolve(root, 'packages/graphs/README.md');
let graphsDoc = readFileSync(graphsReadme, 'utf8');
for (const [scenario, suffix] of [
  [graphs, ''],
  [flowcharts, '-flowcharts'],
]) {
  graphsDoc = replaceMarkedSection(graphsDoc, `params${suffix}`, paramsTable(scenario));
  graphsDoc = replaceMarkedSection(graphsDoc, `levels${suffix}`, levelsTable(scenario));
}
files.set(graphsReadme, graphsDoc);

const dashboardsReadme = resolve(root, 'packages/dashboards/README.md');
let dashboardsDoc = readFileSync(dashboardsReadme, 'utf8');
dashboardsDoc = replaceMarkedSection(dashboardsDoc, 'params', paramsTable(dashboards));
dashboardsDoc = replaceMarkedSection(dashboardsDoc, 'levels', levelsTable(dashboards));
files.set(dashboardsReadme, dashboardsDoc);

for (const [file, text] of files) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) continue;
  if (process.argv.includes('--write')) {
    writeFileSync(file, text);
    console.log(`wrote ${file.slice(root.length + 1)}`);
  } else {
    console.log(`stale: ${file.slice(root.length + 1)} (run with --write)`);
  }
}
