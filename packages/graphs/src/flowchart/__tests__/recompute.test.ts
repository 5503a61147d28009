import { testRecompute } from '@absynth/testkit';
import { flowcharts } from '../scenario.js';
import { verifiedFlowTasks, verifyFlowchart } from './verify.js';

// A changed question names symbol s2 in place of its first region (s3 when that is s2).
testRecompute(flowcharts, { verify: verifyFlowchart, verified: verifiedFlowTasks, changeRegion: (id, i) => (i > 0 ? id : id === 's2' ? 's3' : 's2') });
