import { testScenario } from '@absynth/testkit';
import { graphs } from '../graph/scenario.js';
import { verifyGraph } from './graph-verify.js';

testScenario(graphs, { verify: verifyGraph });
