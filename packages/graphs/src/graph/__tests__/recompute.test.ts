import { testRecompute } from '@absynth/testkit';
import { graphs } from '../scenario.js';
import { verifiedGraphTasks, verifyGraph } from './verify.js';

// A changed question names node n1 in place of its first region (n2 when that is n1).
testRecompute(graphs, { verify: verifyGraph, verified: verifiedGraphTasks, changeRegion: (id, i) => (i > 0 ? id : id === 'n1' ? 'n2' : 'n1') });
