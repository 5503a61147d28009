import { testScenario } from '@absynth/testkit';
import { graphs } from '../scenario.js';
import { verifyGraph } from './verify.js';

testScenario(graphs, { verify: verifyGraph });
