import { testGoldenSamples } from '@absynth/testkit';
import { dashboards } from '../scenario.js';

testGoldenSamples(dashboards, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 2, theme: 'dark', style: 'crisp' },
  { level: 5, seed: 3, index: 0, theme: 'paper', style: 'crisp' },
  { level: 4, seed: 5, index: 1, theme: 'pastel', style: 'sketch' },
]);
