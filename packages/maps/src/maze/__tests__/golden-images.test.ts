import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { GeneratedSample } from '@absynth/engine';
import { generate } from '@absynth/engine';
import { testGoldenSamples } from '@absynth/testkit';
import { describe, expect, it } from 'vitest';
import { maze } from '../scenario.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function item(options: Omit<Parameters<typeof generate>[0], 'scenario' | 'count'>): Promise<GeneratedSample> {
  for await (const sample of generate({ ...options, scenario: maze, count: 1 })) return sample;
  throw new Error('no sample');
}

testGoldenSamples(maze, [
  { level: 1, seed: 7, index: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, index: 5, theme: 'dark', style: 'crisp' },
  { level: 5, seed: 2, index: 1, theme: 'paper', style: 'crisp' },
  { level: 2, seed: 3, index: 0, theme: 'pastel', style: 'sketch' },
]);

describe('the README sample', () => {
  const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
  const png = readFileSync(new URL('../../../../../docs/images/maze-sample.png', import.meta.url));

  it('is the image and question that scripts/readme-sample.mjs generates', async () => {
    const sample = await item({
      level: 2,
      seed: 7,
      start: 3,
      theme: 'light',
      params: { style: 'walls', labels: 'legend' },
    });
    expect(sha256(png), 'docs/images/maze-sample.png is stale: run node scripts/readme-sample.mjs --write').toBe(
      sha256(sample.png),
    );
    const qa = sample.qa.find((q) => q.task === 'cell-on-route');
    expect(readme, 'README sample is stale: run node scripts/readme-sample.mjs').toContain(
      `Q: ${qa?.question}\nA: ${qa?.answerText}\n`,
    );
  });
});
