// Renders a few road maps per level, in every theme and both drawing styles, through the full
// pipeline and writes the PNGs, their text form and their questions to a folder, for looking at
// by eye.
// Usage (after `npm run build`): node packages/maps/scripts/preview-roadmap.mjs [out-dir] [per-level]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@absynth/engine';
import { themeNames } from '@absynth/render';
import { roadmap } from '../dist/index.js';

const out = process.argv[2] ?? '/tmp/roadmap-preview';
const perLevel = Number(process.argv[3] ?? 2);
mkdirSync(out, { recursive: true });

const lines = [];
for (const level of [1, 2, 3, 4, 5]) {
  for (const [i, theme] of themeNames.entries()) {
    const style = i % 2 === 0 ? 'crisp' : 'sketch';
    const started = performance.now();
    for await (const sample of generate({ scenario: roadmap, level, theme, style, seed: 7 + i, count: perLevel })) {
      const file = `level${level}-${theme}-${style}-${sample.index}.png`;
      writeFileSync(join(out, file), sample.png);
      const { colours } = sample.scene;
      lines.push(`# ${file} (${sample.width}×${sample.height}; obstacle ${colours.obstacle.name}, free ${colours.free.name}, start ${colours.start.name}, end ${colours.end.name})`);
      lines.push('```', roadmap.text(sample.scene), '```');
      for (const qa of sample.qa) lines.push(`- ${qa.task}: ${qa.question}\n  → ${qa.answerText}\n  ${qa.rationale.replace(/\n/g, '\n  ')}`);
    }
    const ms = (performance.now() - started) / perLevel;
    console.log(`level ${level} ${theme} ${style}: ${ms.toFixed(1)} ms per image`);
  }
}
writeFileSync(join(out, 'questions.md'), `${lines.join('\n')}\n`);
console.log(`wrote ${out}`);
