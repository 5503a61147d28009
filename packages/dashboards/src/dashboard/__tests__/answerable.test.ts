import { testAnswerable } from '@absynth/testkit';
import { dashboards } from '../scenario.js';
import { dashboardTasks } from '../tasks.js';

// Every question says what a reader needs: needles read against the labels round their dials
// (finer with the small ticks), clock hands against the face, captions legible, zone and needle
// colours checked in the pixels.
testAnswerable(dashboards, { count: 40, required: dashboardTasks.map((task) => task.id) });
testAnswerable(dashboards, { count: 30, seed: 3, params: { twoNeedles: 1, zones: 1, kinds: 'gauges' }, required: dashboardTasks.map((task) => task.id) });
