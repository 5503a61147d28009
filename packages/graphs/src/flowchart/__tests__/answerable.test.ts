import { testAnswerable } from '@absynth/testkit';
import { flowcharts } from '../scenario.js';
import { flowchartTasks } from '../tasks.js';

// Every task says what a reader needs, checked against the drawing: the symbols and Yes/No labels
// a question quotes or a run follows drawn legibly and clear of other texts; symbols counted by
// kind in the drawing; inputs given by the question, outputs and loop counts derived by running
// the printed chart.
testAnswerable(flowcharts, { count: 30, required: flowchartTasks.map((task) => task.id) });
