#!/usr/bin/env node
// Packs @absynth/render, core, topics, maps, tables, charts, graphs, eval and the absynth CLI (and
// the example plugin) with `npm pack`, installs the tarballs with their registry dependencies into
// an empty project, and generates mazes there through the SDK and the installed bin: the
// published packages must work on their own, outside the workspace. Then every `absynth` command
// of the README and docs runs there verbatim (scripts/docs-commands.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runDocsCommands } from './docs-commands.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'absynth-pack-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  // Every package the CLI depends on, so nothing is looked up in the registry under our names.
  const pack = (folder) => join(work, run('npm', ['pack', '--silent', '--pack-destination', work], join(root, folder)).trim().split('\n').pop());
  const names = ['render', 'core', 'engine', 'topics', 'maps', 'tables', 'charts', 'graphs', 'dashboards', 'testkit', 'eval', 'cli'];
  const tarball = Object.fromEntries(names.map((name) => [name, pack(join('packages', name))]));
  const tarballs = names.filter((name) => name !== 'testkit').map((name) => tarball[name]);

  // A maze-only install: the kernel, render and maps hold no model client, no thread pool.
  const mazeOnly = join(work, 'maze-only');
  run('mkdir', ['-p', mazeOnly]);
  writeFileSync(join(mazeOnly, 'package.json'), JSON.stringify({ name: 'maze-only', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball.render, tarball.core, tarball.maps], mazeOnly);
  for (const forbidden of ['openai', 'p-limit', '@absynth/engine']) {
    if (existsSync(join(mazeOnly, 'node_modules', forbidden))) throw new Error(`a maze-only install holds ${forbidden}`);
  }
  writeFileSync(
    join(mazeOnly, 'check.mjs'),
    `import { rngFromKey, scoreResponse } from '@absynth/core';
import { maze } from '@absynth/maps';
const params = maze.params.parse({});
const scene = maze.sample(rngFromKey('maze-only'), params, { size: maze.size?.(params) ?? { width: 512, height: 512 }, resources: {} });
const asked = maze.tasks.map((task) => task.ask(scene, rngFromKey('ask'))).filter(Boolean);
if (asked.length === 0) throw new Error('no questions');
for (const q of asked) if (scoreResponse(maze, scene, q.answer, 'The answer is 0.') === undefined) throw new Error('unscored');
`,
  );
  run('node', ['check.mjs'], mazeOnly);
  console.log(`pack smoke: a maze-only install (core, render, maps) holds no openai or p-limit: ${folderSize(join(mazeOnly, 'node_modules'))} in node_modules`);
  // The example plugin, installed like a third-party scenario package (the docs load it by name too).
  tarballs.push(pack(join('examples', 'custom-scenario')));
  const project = join(work, 'project');
  run('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pack-smoke', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', ...tarballs], project);
  writeFileSync(
    join(project, 'smoke.mjs'),
    `import { scoreResponse } from '@absynth/core';
import { generate } from '@absynth/engine';
import { maze } from '@absynth/maps';
let n = 0;
for await (const s of generate({ scenario: maze, count: 3, seed: 7, level: 2 })) {
  if (s.png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  for (const q of s.qa) if (scoreResponse(maze, s.scene, q.answer, q.answerText) !== 1) throw new Error(q.id);
  n += s.qa.length;
}
if (n === 0) throw new Error('no questions');
// Worker threads import the scenario by package name from the installed core.
const one = [], two = [];
for await (const s of generate({ scenario: maze, count: 4, seed: 7 })) one.push(s.png.toString('base64'));
for await (const s of generate({ scenario: maze, count: 4, seed: 7, workers: 2, modules: ['@absynth/maps'] })) two.push(s.png.toString('base64'));
if (one.join() !== two.join()) throw new Error('worker threads gave different images');
console.log('pack smoke: ' + n + ' questions from the packed @absynth/maps');
`,
  );
  process.stdout.write(run('node', ['smoke.mjs'], project));
  const bin = join(project, 'node_modules', '.bin', 'absynth');
  process.stdout.write(`pack smoke: ${run(bin, ['generate', 'maze', '--count', '70', '--seed', '7', '--workers', '2', '--out', 'out'], project)}`);
  for (const scenario of ['roadmap', 'tables', 'charts', 'graphs', 'flowcharts']) {
    process.stdout.write(`pack smoke: ${run(bin, ['generate', scenario, '--count', '5', '--out', `out-${scenario}`], project)}`);
  }
  // chart.js and @napi-rs/canvas come from the registry here, and charts draw in worker threads too.
  process.stdout.write(
    `pack smoke: ${run(bin, ['generate', 'charts', '--count', '6', '--level', '5', '--workers', '2', '--out', 'out-composite'], project)}`,
  );
  // Training exports and the eval command come with the packed CLI too.
  process.stdout.write(`pack smoke: ${run(bin, ['export', '--format', 'llava', '--turns', 'multi', '--rationale', '--data', 'out-tables', '--out', 'llava'], project)}`);
  process.stdout.write(`pack smoke: ${run(bin, ['export', '--format', 'webdataset', '--shard-size', '2', '--data', 'out-charts', '--out', 'wds'], project)}`);
  run(bin, ['eval', '--help'], project);
  const packed = readdirSync(join(project, 'node_modules', '@absynth')).map((name) => `@absynth/${name}`);
  console.log(`pack smoke: installed ${[...packed.sort(), 'absynth'].join(', ')} from tarballs`);
  const started = performance.now();
  const ran = await runDocsCommands({ root, project });
  // A reader that found few commands would pass without checking the docs.
  if (ran < 40 && process.env.ABSYNTH_DOCS_FILES === undefined) throw new Error(`docs commands: only ${ran} absynth commands found in the README and docs; the reader is broken`);
  console.log(`pack smoke: ${ran} commands of the README and docs ran verbatim in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The bytes of the files under `dir`, in MB. */
function folderSize(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
