import { graphs } from '../graph/scenario.js';
import { verifiedGraphTasks, verifyGraph } from './graph-verify.js';
import { recomputeSuite } from './recompute.js';

recomputeSuite({ noun: 'graph', scenario: graphs, verify: verifyGraph, verified: verifiedGraphTasks, regionSwap: ['n1', 'n2'] });
