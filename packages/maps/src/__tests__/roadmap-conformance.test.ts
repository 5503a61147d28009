import { testScenario } from '@absynth/testkit';
import { roadmap } from '../roadmap/scenario.js';
import { verifyRoadmap } from './roadmap-verify.js';

// Every answer the pipeline produces is rechecked by the independent path finder.
testScenario(roadmap, { verify: verifyRoadmap });
