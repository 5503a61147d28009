#!/usr/bin/env node
// Maze benchmark: absynth's throughput and peak memory at level 3, 512×512, and the same mazes
// drawn by Matplotlib in the same run, on one thread against one process and on every core
// against as many processes.
// Usage: node bench/maze.mjs [--count N] [--compare N]   (after `npm run build`)
// Installs Debian's python3-matplotlib with apt-get when /usr/bin/python3 lacks it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetWriter, generate, planRun, resolveParams, sampleScene } from '@absynth/core';
import { maze } from '@absynth/maps';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '20000' }, compare: { type: 'string', default: '400' } },
});
const count = Number(values.count);
const compare = Number(values.compare);
const cores = Math.min(8, availableParallelism());
const level = 3;
const seed = 1;
const size = { width: 512, height: 512 };
const python = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'absynth-bench-'));

function ensureMatplotlib() {
  const has = () => spawnSync(python, ['-c', 'import matplotlib'], { stdio: 'ignore' }).status === 0;
  if (has()) return true;
  console.error('installing python3-matplotlib with apt-get ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', 'python3-matplotlib'], { stdio: 'ignore', env });
  return has();
}

/** Generates `n` mazes through the whole pipeline and writes them as a dataset. */
async function runAbsynth(n, workers, out) {
  const options = { scenario: maze, level, seed, count: n, size, theme: 'light', workers, modules: ['@absynth/maps'] };
  const plan = planRun(options);
  const writer = await DatasetWriter.open(out, { force: true });
  let questions = 0;
  const began = performance.now();
  for await (const sample of generate(options)) {
    await writer.write(sample);
    questions += sample.qa.length;
  }
  await writer.close(plan);
  return { images: n, questions, seconds: (performance.now() - began) / 1000 };
}

function runMatplotlib(scenes, processes) {
  const out = join(work, `matplotlib-${processes}`);
  mkdirSync(out, { recursive: true });
  const result = JSON.parse(
    execFileSync(python, [join(import.meta.dirname, 'maze-matplotlib.py'), String(size.width), out, String(processes)], {
      input: `${scenes.join('\n')}\n`,
      encoding: 'utf8',
    }),
  );
  return result.images / result.seconds;
}

const f = (x, digits = 1) => x.toFixed(digits);

try {
  await runAbsynth(20, 1, join(work, 'warm'));

  const main = await runAbsynth(count, cores, join(work, 'main'));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`absynth maze, level ${level}, ${size.width}x${size.height}, ${count} samples written to disk, one process, ${cores} worker threads:`);
  console.log(`  ${f(main.images / main.seconds)} images/s, ${f(main.questions / main.seconds)} questions/s, ${f(main.seconds, 2)} s`);
  console.log(`  peak memory (max RSS of the process) ${f(peakMb)} MB`);

  const single = await runAbsynth(compare, 1, join(work, 'single'));
  const parallel = await runAbsynth(compare, cores, join(work, 'parallel'));
  const singleRate = single.images / single.seconds;
  const parallelRate = parallel.images / parallel.seconds;
  console.log(`same ${compare} mazes, whole pipeline (sample, questions, draw, PNG, write):`);
  console.log(`  absynth, one thread        ${f(singleRate)} images/s, ${f(single.questions / single.seconds)} questions/s`);
  console.log(`  absynth, ${cores} worker threads  ${f(parallelRate)} images/s`);

  if (!ensureMatplotlib()) {
    console.log('Matplotlib comparison skipped: python3-matplotlib could not be installed.');
  } else {
    const params = resolveParams(maze, level);
    const scenes = Array.from({ length: compare }, (_, i) => JSON.stringify(sampleScene(maze, params, seed, i)));
    const mplSingle = runMatplotlib(scenes, 1);
    const mplParallel = runMatplotlib(scenes, cores);
    console.log(`the same ${compare} mazes drawn by Matplotlib (Agg; draw and savefig only):`);
    console.log(`  one process                ${f(mplSingle)} images/s`);
    console.log(`  ${cores} processes                ${f(mplParallel)} images/s`);
    console.log(`ratio, absynth / Matplotlib:`);
    console.log(`  one thread vs one process  ${f(singleRate / mplSingle, 2)}x`);
    console.log(`  ${cores} threads vs ${cores} processes  ${f(parallelRate / mplParallel, 2)}x`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
