#!/usr/bin/env node
// Maze benchmark (see harness.mjs). Usage, after `npm run build`:
//   node bench/maze.mjs [--count N] [--compare N]
import { maze } from '@absynth/maps';
import { runBenchmark } from './harness.mjs';

await runBenchmark({ scenario: maze, module: '@absynth/maps', noun: 'mazes', defaultCount: 20000, matplotlibScript: 'maze-matplotlib.py' });
