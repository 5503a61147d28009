import { testReadme } from '@absynth/testkit';
import { tables } from '../table/scenario.js';

testReadme(new URL('../../README.md', import.meta.url), [tables], { regenerate: 'npm run build && node scripts/docs.mjs --write' });
