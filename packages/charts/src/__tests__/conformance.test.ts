import { testScenario } from '@absynth/testkit';
import { charts } from '../chart/scenario.js';
import { verifyCharts } from './verify.js';

testScenario(charts, { verify: verifyCharts });
