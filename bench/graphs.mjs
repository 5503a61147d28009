#!/usr/bin/env node
// Graphs benchmark against Graphviz (see harness.mjs). Usage, after `npm run build`:
//   node bench/graphs.mjs [--count N] [--compare N]
import { graphs } from '@absynth/graphs';
import { graphviz } from './graphviz.mjs';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: graphs, module: '@absynth/graphs', noun: 'graphs', defaultCount: 2000, baseline: graphviz });
