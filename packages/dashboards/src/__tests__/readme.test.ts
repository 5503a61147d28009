import { testReadme } from '@absynth/testkit';
import { dashboards } from '../dashboard/scenario.js';

testReadme(new URL('../../README.md', import.meta.url), [dashboards], { regenerate: 'npm run build && node scripts/docs.mjs --write' });
