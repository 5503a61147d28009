import { flowcharts } from '../flowchart/scenario.js';
import { verifiedFlowTasks, verifyFlowchart } from './flow-verify.js';
import { recomputeSuite } from './recompute.js';

recomputeSuite({ noun: 'flowchart', scenario: flowcharts, verify: verifyFlowchart, verified: verifiedFlowTasks, regionSwap: ['s2', 's3'] });
