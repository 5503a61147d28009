#!/usr/bin/env node
// Tables benchmark (see harness.mjs). Usage, after `npm run build`:
//   node bench/tables.mjs [--count N] [--compare N]
import { tables } from '@absynth/tables';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: tables, module: '@absynth/tables', noun: 'tables', defaultCount: 3000, matplotlibScript: 'tables-matplotlib.py' });
