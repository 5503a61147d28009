import { testGoldenSamples } from '@absynth/testkit';
import { tables } from '../scenario.js';

testGoldenSamples(tables, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 2, theme: 'dark', style: 'crisp' },
  { level: 5, seed: 3, index: 0, theme: 'paper', style: 'crisp' },
  { level: 2, seed: 5, index: 1, theme: 'pastel', style: 'sketch' },
]);
