import { testScenario } from '@absynth/testkit';
import { flowcharts } from '../scenario.js';
import { verifyFlowchart } from './verify.js';

// Workflows come from a library of 91 procedures, so a long run repeats each of them in other
// colours; 200 items is the run in which a repeated scene would be a defect.
testScenario(flowcharts, { distinctCount: 200, overlapCount: 200, verify: verifyFlowchart });
