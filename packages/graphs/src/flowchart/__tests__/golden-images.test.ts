import { testGoldenSamples } from '@absynth/testkit';
import { flowcharts } from '../scenario.js';

testGoldenSamples(flowcharts, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 3, theme: 'pastel', style: 'crisp' },
  { level: 5, seed: 3, index: 1, theme: 'blueprint', style: 'sketch' },
]);
