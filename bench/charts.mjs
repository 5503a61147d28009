#!/usr/bin/env node
// Charts benchmark (see harness.mjs). Usage, after `npm run build`:
//   node bench/charts.mjs [--count N] [--compare N]
import { charts } from '@absynth/charts';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: charts, module: '@absynth/charts', noun: 'charts', defaultCount: 3000, matplotlibScript: 'charts-matplotlib.py' });
