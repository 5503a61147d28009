#!/usr/bin/env node
// Generated-file maker: draws the maze shown at the top of README.md into
// docs/images/maze-sample.png and prints the question and answer the README quotes.
// packages/maps/src/maze/__tests__/golden-images.test.ts fails when either is stale.
// Usage (after `npm run build`): node scripts/readme-sample.mjs [--write]
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '@absynth/engine';
import { maze } from '@absynth/maps';

/** The README's sample: which item, and which of its questions. */
export const readmeSample = {
  options: { scenario: maze, level: 2, seed: 7, start: 3, count: 1, theme: 'light', params: { style: 'walls', labels: 'legend' } },
  task: 'cell-on-route',
};

const root = resolve(import.meta.dirname, '..');
for await (const sample of generate(readmeSample.options)) {
  const qa = sample.qa.find((q) => q.task === readmeSample.task);
  if (qa === undefined) throw new Error(`item ${sample.id} has no ${readmeSample.task} question`);
  console.log(`Q: ${qa.question}\nA: ${qa.answerText}`);
  if (process.argv.includes('--write')) {
    writeFileSync(join(root, 'docs', 'images', 'maze-sample.png'), sample.png);
    console.log('wrote docs/images/maze-sample.png');
  }
}
