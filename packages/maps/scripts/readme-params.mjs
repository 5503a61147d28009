// Prints the README's params table, generated from the params schema through core's
// `describeParams(maze)`, so the README never lists params by hand. `--levels` prints the levels
// table instead; `--write` rewrites both marked sections of packages/maps/README.md in place.
// `src/__tests__/readme.test.ts` fails when the README differs from what this prints.
// Usage (after `npm run build`): node packages/maps/scripts/readme-params.mjs [--levels | --write]
import { readFileSync, writeFileSync } from 'node:fs';
import { describeParams } from '@absynth/core';
import { maze } from '../dist/index.js';
import { levelsTable, paramsTable, replaceMarkedSection } from '../dist/readme-tables.js';

const params = paramsTable(describeParams(maze));
const levels = levelsTable(maze.levels);
const flag = process.argv[2];

if (flag === '--write') {
  const file = new URL('../README.md', import.meta.url);
  const readme = readFileSync(file, 'utf8');
  writeFileSync(file, replaceMarkedSection(replaceMarkedSection(readme, 'params', params), 'levels', levels));
  console.log(`updated ${file.pathname}`);
} else if (flag === '--levels') {
  console.log(levels);
} else if (flag === undefined) {
  console.log(params);
} else {
  console.error(`unknown option ${flag}; usage: readme-params.mjs [--levels | --write]`);
  process.exitCode = 1;
}
