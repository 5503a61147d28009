import { testAnswerable } from '@absynth/testkit';
import { graphs } from '../scenario.js';
import { graphTasks } from '../tasks.js';

const required = graphTasks.map((task) => task.id);

// Every task says what a reader needs, checked against the drawing: the title and node labels
// (and, on weighted networks, every weight) drawn legibly and clear of other texts; nodes, edges,
// leaves, children and descendants counted in the drawing, and the lines at a node tallied;
// distances and steps derived from the printed weights; node colours against the pixels.
testAnswerable(graphs, { count: 30, required });

// Organisation charts of levels 4 and 5 are the widest trees: laid out going down or right, a
// third of them drew their labels at 8 to 9 px (a 27-node chart filled 28% of a 1280 px width);
// they now hang each department's teams in a column when that draws them larger.
testAnswerable(graphs, { count: 20, levels: [4, 5], params: { family: 'organisation' }, required });
