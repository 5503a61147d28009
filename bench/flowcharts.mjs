#!/usr/bin/env node
// Flowcharts benchmark against Graphviz (see harness.mjs). Usage, after `npm run build`:
//   node bench/flowcharts.mjs [--count N] [--compare N]
import { flowcharts } from '@absynth/graphs';
import { graphviz } from './graphviz.mjs';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: flowcharts, module: '@absynth/graphs', noun: 'flowcharts', defaultCount: 2000, baseline: graphviz });
