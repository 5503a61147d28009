import { testGoldenSamples } from '@absynth/testkit';
import { charts } from '../scenario.js';

testGoldenSamples(charts, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 2, theme: 'dark', style: 'crisp' },
  { level: 4, seed: 3, index: 1, theme: 'paper', style: 'crisp' },
  { level: 5, seed: 3, index: 0, theme: 'blueprint', style: 'crisp' },
]);
