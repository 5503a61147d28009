import { testRecompute, testScenario } from '@absynth/testkit';
import { dashboards } from '../scenario.js';
import { verifyDashboard } from './reference.js';

testScenario(dashboards, { verify: (sample) => verifyDashboard(sample) });

const verified = new Map<string, number>();
testRecompute(dashboards, { count: 60, verify: (sample) => verifyDashboard(sample, verified), verified });
