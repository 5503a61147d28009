import { createHash } from 'node:crypto';
import type { GeneratedSample } from '@absynth/core';
import { generate } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { tables } from '../table/scenario.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function item(options: Omit<Parameters<typeof generate>[0], 'scenario' | 'count'>): Promise<GeneratedSample> {
  for await (const sample of generate({ ...options, scenario: tables, count: 1 })) return sample;
  throw new Error('no sample');
}

// Golden items: (level, seed, index, theme, style) → image hash and answers. A change here means
// the output for a seed changed: look at the new images, bump the tables version, update these.
const goldens = [
  { level: 1, seed: 7, start: 0, theme: 'light', style: 'crisp' },
  { level: 3, seed: 7, start: 2, theme: 'dark', style: 'crisp' },
  { level: 5, seed: 3, start: 0, theme: 'paper', style: 'crisp' },
  { level: 2, seed: 5, start: 1, theme: 'pastel', style: 'sketch' },
] as const;

describe('golden table images', () => {
  it.each(goldens)('level $level, seed $seed, index $start, $theme, $style', async (golden) => {
    const sample = await item(golden);
    const answers = Object.fromEntries(sample.qa.map((q) => [q.task, q.answerText]));
    expect({ png: sha256(sample.png), answers }).toMatchSnapshot();
  });
});
