import { testScenario } from '@absynth/testkit';
import { charts } from '../scenario.js';
import { verifyCharts } from './verify.js';

testScenario(charts, { verify: verifyCharts });
