#!/usr/bin/env node
// Dashboards benchmark (see harness.mjs). Usage, after `npm run build`:
//   node bench/dashboards.mjs [--count N] [--compare N]
import { dashboards } from '@absynth/dashboards';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: dashboards, module: '@absynth/dashboards', noun: 'dashboards', defaultCount: 5000, matplotlibScript: 'dashboards-matplotlib.py' });
