// Renders a few table images per level in several themes through the full pipeline and writes
// the PNGs and their questions to a folder, for looking at by eye.
// Usage (after `npm run build`): node packages/tables/scripts/preview.mjs [out-dir] [per-level]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@absynth/engine';
import { tables } from '../dist/index.js';

const out = process.argv[2] ?? '/tmp/tables-preview';
const perLevel = Number(process.argv[3] ?? 2);
mkdirSync(out, { recursive: true });

const lines = [];
for (const level of [1, 2, 3, 4, 5]) {
  for (const theme of ['light', 'dark', 'paper']) {
    for await (const sample of generate({ scenario: tables, level, theme, seed: 7, count: perLevel })) {
      const file = `level${level}-${theme}-${sample.index}.png`;
      writeFileSync(join(out, file), sample.png);
      lines.push(`# ${file} (${sample.width}×${sample.height})`);
      for (const qa of sample.qa) lines.push(`- ${qa.task}: ${qa.question}\n  → ${qa.answerText}`);
    }
  }
}
writeFileSync(join(out, 'questions.md'), `${lines.join('\n')}\n`);
console.log(`wrote ${out}`);
