import { testScenario } from '@absynth/testkit';
import { graphs } from '../graph/scenario.js';

testScenario(graphs);
