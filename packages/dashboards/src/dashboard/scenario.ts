import { defineScenario } from '@absynth/core';
import { drawDashboard } from './draw.js';
import { dashboardLevels, dashboardParams, dashboardSize } from './params.js';
import { sampleDashboard } from './sample.js';
import { dashboardTasks } from './tasks.js';
import { dashboardText } from './text.js';

/** Dashboards: analog clocks and circular gauges, read from their hands and needles and operated on. */
export const dashboards = defineScenario({
  id: 'dashboards',
  version: 1,
  title: 'Dashboards',
  summary:
    'One to four instruments per image, analog clocks (Arabic, Roman or no numerals, minute marks, hands of three shapes, second hands) and circular gauges (speedometer, tachometer, fuel, pressure, voltmeter, humidity) with numbered and small ticks, offset scales, sweeps from 180° to 300°, coloured zones and one or two needles; questions ask for the reading (within half a small tick), the range, unit and step of a scale, the zone a needle is in, the gap between two needles, the time shown and the time some hours and minutes later or earlier.',
  params: dashboardParams,
  levels: dashboardLevels,
  size: dashboardSize,
  sample: sampleDashboard,
  draw: drawDashboard,
  tasks: dashboardTasks,
  text: dashboardText,
});
