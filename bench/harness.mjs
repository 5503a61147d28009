// The benchmark harness: a scenario's throughput and peak memory at level 3, 512×512, through
// the whole pipeline to a dataset on disk, on one thread and on a worker thread per core (each
// large run a child process of its own, so its peak memory is its own), and the first
// --compare of the same items drawn by a Matplotlib script in the same run, in one process and
// in a pool. The ratios compare steady rates. Installs Debian's python3-matplotlib with apt-get
// when /usr/bin/python3 lacks it. Entry scripts: bench/maze.mjs, bench/roadmap.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetWriter, generate, planRun, resolveParams, sampleScene } from '@absynth/core';

/** What one benchmark measures: a scenario, the module that exports it (for the worker threads), its plural noun, and the Matplotlib script that draws the same items. */
export async function runBenchmark({ scenario, module, noun, defaultCount, matplotlibScript }) {
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

  function runMatplotlib(scenes, processes) {
    const out = join(work, `matplotlib-${processes}`);
    mkdirSync(out, { recursive: true });
    const result = JSON.parse(
      execFileSync(python, [join(import.meta.dirname, matplotlibScript), String(size.width), out, String(processes)], {
        input: `${scenes.join('\n')}\n`,
        encoding: 'utf8',
      }),
    );
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

      if (!ensureMatplotlib()) {
        console.log('Matplotlib comparison skipped: python3-matplotlib could not be installed.');
      } else {
        const params = resolveParams(scenario, level);
        const scenes = Array.from({ length: compare }, (_, i) => JSON.stringify(sampleScene(scenario, params, seed, i)));
        const mplSingle = runMatplotlib(scenes, 1);
        const mplParallel = runMatplotlib(scenes, cores);
        console.log(`the first ${compare} of the same ${noun} drawn by Matplotlib (Agg; draw and savefig only, pool start-up excluded):`);
        console.log(`  one process                ${f(mplSingle)} images/s`);
        console.log(`  ${cores} processes                ${f(mplParallel)} images/s`);
        console.log('ratio, absynth / Matplotlib:');
        console.log(`  one thread vs one process                  ${f(rates[1] / mplSingle, 2)}x`);
        console.log(`  ${cores} worker threads vs ${cores} processes          ${f(rates[cores] / mplParallel, 2)}x`);
        console.log(`  one absynth process vs one Matplotlib one  ${f(rates[cores] / mplSingle, 2)}x`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
