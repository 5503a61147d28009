// Renders a few mazes per level in both drawing styles through the full pipeline and writes
// the PNGs and their questions to a folder, for looking at by eye.
// Usage (after `npm run build`): node packages/maps/scripts/preview.mjs [out-dir] [per-level]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@absynth/engine';
import { maze } from '../dist/index.js';

const out = process.argv[2] ?? '/tmp/maze-preview';
const perLevel = Number(process.argv[3] ?? 2);
mkdirSync(out, { recursive: true });

const lines = [];
for (const level of [1, 2, 3, 4, 5]) {
  for (const style of ['walls', 'blocks']) {
    const started = performance.now();
    for await (const sample of generate({ scenario: maze, level, params: { style }, seed: 7, count: perLevel })) {
      const file = `level${level}-${style}-${sample.index}.png`;
      writeFileSync(join(out, file), sample.png);
      lines.push(`# ${file} (${sample.width}×${sample.height}, theme ${sample.theme}, ${sample.scene.algorithm})`);
      for (const qa of sample.qa) lines.push(`- ${qa.task}: ${qa.question}\n  → ${qa.answerText}`);
    }
    const ms = (performance.now() - started) / perLevel;
    console.log(`level ${level} ${style}: ${ms.toFixed(1)} ms per image`);
  }
}
writeFileSync(join(out, 'questions.md'), `${lines.join('\n')}\n`);
console.log(`wrote ${out}`);
