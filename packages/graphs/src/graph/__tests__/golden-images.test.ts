import { testGoldenSamples } from '@absynth/testkit';
import { graphs } from '../scenario.js';

testGoldenSamples(graphs, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 1, theme: 'dark', style: 'crisp' },
  { level: 5, seed: 3, index: 0, theme: 'paper', style: 'sketch' },
]);
