import { testRecompute } from '@absynth/testkit';
import { charts } from '../scenario.js';
import { verifiedTasks, verifyCharts } from './verify.js';

testRecompute(charts, { verify: verifyCharts, verified: verifiedTasks, count: 150 });
