import { defineScenario } from '@absynth/core';
import { drawCharts } from './draw.js';
import { chartLevels, chartParams, chartSize } from './params.js';
import { sampleCharts } from './sample.js';
import { chartTasks } from './tasks.js';
import { chartsText } from './text.js';

/** Bar, line, area, pie, doughnut and scatter charts, alone or in composites, drawn with chart.js. */
export const charts = defineScenario({
  id: 'charts',
  version: 4,
  title: 'Charts',
  summary:
    'Bar (vertical, horizontal, grouped, stacked), line (single and multi-series), area, pie, doughnut and scatter charts of topic data, drawn with chart.js, alone or as composites of 2 to 4; questions ask for titles, axis titles and legend entries, a caption, counts and colours, values, the highest or lowest category, differences, sums, averages, ratios, percentage changes, the largest rise, correlations, medians, the category with a printed value, whether two lines cross, whether the bars are vertical or horizontal, where the legend is and whether gridlines are drawn.',
  params: chartParams,
  levels: chartLevels,
  size: chartSize,
  sample: sampleCharts,
  draw: drawCharts,
  // chart.js paints the chart on a canvas, which the pen places as an image: it has no hand-drawn form.
  styles: ['crisp'],
  tasks: chartTasks,
  text: chartsText,
});
