import { testReadme } from '@absynth/testkit';
import { charts } from '../chart/scenario.js';

testReadme(new URL('../../README.md', import.meta.url), [charts], { regenerate: 'npm run build && node scripts/docs.mjs --write' });
