import { testReadme } from '@absynth/testkit';
import { flowcharts } from '../flowchart/scenario.js';
import { graphs } from '../graph/scenario.js';

testReadme(new URL('../../README.md', import.meta.url), [graphs, flowcharts], { regenerate: 'npm run build && node scripts/docs.mjs --write' });
