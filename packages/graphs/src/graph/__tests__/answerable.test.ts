import { testAnswerable } from '@absynth/testkit';
import { graphs } from '../scenario.js';

// The tasks that say what a reader needs, checked against the drawing: the title and node labels
// drawn legibly, the nodes and edges counted in the drawing, node colours against the pixels.
testAnswerable(graphs, { count: 30, required: ['figure-type', 'node-colour', 'node-exists', 'count'] });
