#!/usr/bin/env node
// Road-map benchmark (see harness.mjs). Usage, after `npm run build`:
//   node bench/roadmap.mjs [--count N] [--compare N]
import { roadmap } from '@absynth/maps';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: roadmap, module: '@absynth/maps', noun: 'road maps', defaultCount: 20000, matplotlibScript: 'roadmap-matplotlib.py' });
