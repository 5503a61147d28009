import { testAnswerable } from '@absynth/testkit';
import { charts } from '../scenario.js';

// Every chart task says what a reader needs, checked against the drawing: titles, axis titles
// and legend labels drawn legibly; counts against the marks drawn; every value stated printed,
// or read off the drawn scale (a slice by its angle) within the precision the wording claims;
// named colours against the pixels of their marks.
testAnswerable(charts, { count: 24, required: charts.tasks.map((task) => task.id) });
