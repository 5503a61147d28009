import { defineScenario } from '@absynth/core';
import { drawFlowchart } from './draw.js';
import { flowchartLevels, flowchartParams, flowchartSize } from './params.js';
import { sampleFlowchart } from './sample.js';
import { flowchartTasks } from './tasks.js';
import { flowchartText } from './text.js';

/** Flowcharts: small algorithms that run, and daily workflows, with the standard symbols. */
export const flowcharts = defineScenario({
  id: 'flowcharts',
  version: 4,
  title: 'Flowcharts',
  summary:
    'Algorithm flowcharts (absolute value, largest of three, grades, leap years, sums, factorials, digit sums, GCD, primality, counting loops…) whose drawn symbols are the program that runs, and daily workflows with decisions, laid out with elkjs; questions ask for the output for given inputs, counts of symbols, the step before or after one, which branch a decision takes, how often a loop step runs, the first and last step, whether a shape of symbol is drawn, how many shapes are used, and the fill colour of a kind of symbol.',
  params: flowchartParams,
  levels: flowchartLevels,
  size: flowchartSize,
  sample: sampleFlowchart,
  draw: drawFlowchart,
  tasks: flowchartTasks,
  text: flowchartText,
});
