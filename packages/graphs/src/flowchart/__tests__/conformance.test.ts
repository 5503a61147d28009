import { testScenario } from '@absynth/testkit';
import { flowcharts } from '../scenario.js';
import { verifyFlowchart } from './verify.js';

// Workflows come from a library of 147 procedures, so a long run repeats each of them in other
// colours; 200 items is the run in which a repeated scene would be a defect. Levels 1 to 3 share
// the small workflows (a chart has symbols − 4 to symbols), whose scenes number about 10^5, so two
// levels of 200 items share one by chance about once in three pairs: the overlap check runs 150.
// (Version 3 of the flowcharts met such a chance pair at 200 items.)
testScenario(flowcharts, { distinctCount: 200, overlapCount: 150, verify: verifyFlowchart });
