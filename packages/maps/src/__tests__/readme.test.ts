import { testReadme } from '@absynth/testkit';
import { maze } from '../maze/scenario.js';
import { roadmap } from '../roadmap/scenario.js';

// The README's tables are generated from the params schema and the level presets; these fail
// when either changes without the README.
testReadme(new URL('../../README.md', import.meta.url), [maze, roadmap], { regenerate: 'npm run build && node scripts/docs.mjs --write' });
