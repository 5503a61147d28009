#!/usr/bin/env node
// Maze benchmark: absynth's throughput and peak memory at level 3 in one process, and the same
// mazes drawn by Matplotlib in the same run. Usage: node bench/maze.mjs [--count N] [--compare N]
// Needs `npm run build` first; installs Debian's python3-matplotlib with apt when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetWriter, generate, planRun, resolveParams, sampleScene } from '@absynth/core';
import { maze } from '@absynth/maps';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '20000' }, compare: { type: 'string', default: '300' } },
});
const count = Number(values.count);
const compare = Number(values.compare);
const level = 3;
const seed = 1;
const size = { width: 512, height: 512 };
const python = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'absynth-bench-'));

function ensureMatplotlib() {
  if (spawnSync(python, ['-c', 'import matplotlib'], { stdio: 'ignore' }).status === 0) return true;
  console.error('installing python3-matplotlib with apt-get ...');
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt(['update']);
  apt(['install', '-y', 'python3-matplotlib']);
  return spawnSync(python, ['-c', 'import matplotlib'], { stdio: 'ignore' }).status === 0;
}

async function timeAbsynth(n, out) {
  const options = { scenario: maze, level, seed, count: n, size, theme: 'light' };
  const plan = planRun(options);
  const writer = await DatasetWriter.open(out, { force: true });
  let questions = 0;
  const began = performance.now();
  for await (const sample of generate(options)) {
    await writer.write(sample);
    questions += sample.qa.length;
  }
  await writer.close(plan);
  const seconds = (performance.now() - began) / 1000;
  return { images: n, questions, seconds };
}

const fmt = (x, digits = 1) => x.toFixed(digits);

try {
  // Warm up the JIT and resvg's font database once, outside the timings.
  await timeAbsynth(20, join(work, 'warm'));

  const main = await timeAbsynth(count, join(work, 'main'));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`absynth maze, level ${level}, 512x512, ${count} samples written to disk, one process:`);
  console.log(`  ${fmt(main.images / main.seconds)} images/s, ${fmt(main.questions / main.seconds)} questions/s, ${fmt(main.seconds, 2)} s`);
  console.log(`  peak memory (max RSS) ${fmt(peakMb)} MB`);

  const same = await timeAbsynth(compare, join(work, 'compare'));
  const absynthRate = same.images / same.seconds;
  if (!ensureMatplotlib()) {
    console.log('Matplotlib comparison skipped: python3-matplotlib could not be installed.');
  } else {
    const params = resolveParams(maze, level);
    const scenes = [];
    for (let i = 0; i < compare; i++) scenes.push(JSON.stringify(sampleScene(maze, params, seed, i)));
    const out = join(work, 'matplotlib');
    execFileSync('mkdir', ['-p', out]);
    const result = JSON.parse(
      execFileSync(python, [join(import.meta.dirname, 'maze-matplotlib.py'), String(size.width), out], {
        input: `${scenes.join('\n')}\n`,
        encoding: 'utf8',
      }),
    );
    const mplRate = result.images / result.seconds;
    console.log(`same ${compare} mazes, drawn and written as PNG:`);
    console.log(`  absynth    ${fmt(absynthRate)} images/s (whole pipeline: sample, questions, draw, PNG, write)`);
    console.log(`  Matplotlib ${fmt(mplRate)} images/s (draw and savefig only)`);
    console.log(`  ratio      ${fmt(absynthRate / mplRate, 2)}x`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
