// The benchmark harness: a scenario's throughput and peak memory at level 3, 512×512, through
// the whole pipeline to a dataset on disk, on one thread and on a worker thread per core (each
// large run a child process of its own, so its peak memory is its own), and the first
// --compare of the same items drawn by a baseline script in the same run (Matplotlib, or another
// renderer such as Graphviz), in one process and in a pool. The ratios compare steady rates.
// Installs the baseline's Debian package (python3-matplotlib, graphviz) with apt-get when its
// check fails. Entry scripts: bench/maze.mjs, roadmap.mjs, charts.mjs, tables.mjs, graphs.mjs,
// flowcharts.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveParams } from '@absynth/core';
import { DatasetWriter, generate, planRun, sampleScene } from '@absynth/engine';

/**
 * What one benchmark measures: a scenario, the module that exports it (for the worker threads),
 * its plural noun, and the baseline that draws the same items: either `matplotlibScript` (a
 * script in bench/ drawing with Matplotlib) or `baseline: { name, script, apt, check, how }`
 * (the baseline's name in the output, its script in bench/, the Debian package apt-get installs
 * when the `check` command, an argv array, fails, and what its timing covers).
 */
export async function runBenchmark({ scenario, module, noun, defaultCount, matplotlibScript, baseline: given }) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: String(defaultCount) },
      compare: { type: 'string', default: '400' },
      // Internal: run one large generation in this process and print its figures as JSON.
      'run-only': { type: 'string' },
    },
  });
  const count = Number(values.count);
  const compare = Number(values.compare);
  const cores = Math.min(8, availableParallelism());
  const level = 3;
  const seed = 1;
  const size = { width: 512, height: 512 };
  const python = '/usr/bin/python3';
  const baseline = given ?? {
    name: 'Matplotlib',
    script: matplotlibScript,
    apt: 'python3-matplotlib',
    check: [python, '-c', 'import matplotlib'],
    how: 'Agg; draw and savefig only, pool start-up excluded',
  };
  const work = mkdtempSync(join(tmpdir(), 'absynth-bench-'));

  function ensureBaseline() {
    const [command, ...args] = baseline.check;
    const has = () => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
    if (has()) return true;
    console.error(`installing ${baseline.apt} with apt-get ...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', baseline.apt], { stdio: 'ignore', env });
    return has();
  }

  /** Generates `n` items through the whole pipeline and writes them as a dataset. */
  async function runAbsynth(n, workers, out) {
    const options = { scenario, level, seed, count: n, size, theme: 'light', workers, modules: [module] };
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

  function runBaseline(scenes, processes) {
    const out = join(work, `baseline-${processes}`);
    mkdirSync(out, { recursive: true });
    const result = JSON.parse(
      execFileSync(python, [join(import.meta.dirname, baseline.script), String(size.width), out, String(processes)], {
        input: `${scenes.join('\n')}\n`,
        encoding: 'utf8',
      }),
    );
    // Keep the baseline's images for a look: BENCH_KEEP=folder.
    if (process.env.BENCH_KEEP) cpSync(out, join(process.env.BENCH_KEEP, `${scenario.id}-${baseline.name.toLowerCase()}-${processes}`), { recursive: true });
    return result.images / result.seconds;
  }

  const f = (x, digits = 1) => x.toFixed(digits);

  /** One large run in a child process: its rate and its own peak memory. */
  function largeRun(workers) {
    const out = execFileSync(process.execPath, [process.argv[1], '--count', String(count), '--run-only', String(workers)], {
      encoding: 'utf8',
    });
    return JSON.parse(out);
  }

  try {
    if (values['run-only'] !== undefined) {
      await runAbsynth(20, 1, join(work, 'warm'));
      const run = await runAbsynth(count, Number(values['run-only']), join(work, 'main'));
      console.log(JSON.stringify({ ...run, peakMb: process.resourceUsage().maxRSS / 1024 }));
    } else {
      console.log(`absynth ${scenario.id}, level ${level}, ${size.width}x${size.height}, ${count} samples written to disk, one process:`);
      const rates = {};
      for (const workers of [1, cores]) {
        const run = largeRun(workers);
        rates[workers] = run.images / run.seconds;
        const label = workers === 1 ? 'one thread      ' : `${workers} worker threads`;
        console.log(
          `  ${label}  ${f(rates[workers])} images/s, ${f(run.questions / run.seconds)} questions/s, ${f(run.seconds, 1)} s, peak memory ${f(run.peakMb)} MB`,
        );
      }

      const name = baseline.name;
      if (!ensureBaseline()) {
        console.log(`${name} comparison skipped: ${baseline.apt} could not be installed.`);
      } else {
        const params = resolveParams(scenario, level);
        const scenes = Array.from({ length: compare }, (_, i) => JSON.stringify(sampleScene(scenario, params, seed, i)));
        const single = runBaseline(scenes, 1);
        const parallel = runBaseline(scenes, cores);
        console.log(`the first ${compare} of the same ${noun} drawn by ${name} (${baseline.how}):`);
        console.log(`  one process                ${f(single)} images/s`);
        console.log(`  ${cores} processes                ${f(parallel)} images/s`);
        console.log(`ratio, absynth / ${name}:`);
        console.log(`  one thread vs one process                  ${f(rates[1] / single, 2)}x`);
        console.log(`  ${cores} worker threads vs ${cores} processes          ${f(rates[cores] / parallel, 2)}x`);
        console.log(`  one absynth process vs one ${name} one  ${f(rates[cores] / single, 2)}x`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
