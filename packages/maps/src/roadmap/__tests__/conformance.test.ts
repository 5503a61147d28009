import { testScenario } from '@absynth/testkit';
import { roadmap } from '../scenario.js';
import { verifyRoadmap } from './verify.js';

// Every answer the pipeline produces is rechecked by the independent path finder.
testScenario(roadmap, { verify: verifyRoadmap });
