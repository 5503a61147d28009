import { resolveParams } from '@absynth/core';
import { generate, sampleScene } from '@absynth/engine';
import { describe, expect, it } from 'vitest';
import { charts } from '../scenario.js';
import type { ChartScene } from '../scene.js';

const size = { width: 320, height: 240 };
const params = resolveParams(charts, 1);

async function scenes(workers: number): Promise<ChartScene[]> {
  const out: ChartScene[] = [];
  const options = { scenario: charts, level: 1, seed: 3, count: 8, size, modality: 'text' } as const;
  for await (const sample of generate(workers === 1 ? options : { ...options, workers, modules: ['@absynth/charts'] })) out.push(sample.scene);
  return out;
}

describe('the image size', () => {
  it('reaches the sampler, on worker threads as on this one', async () => {
    const here = await scenes(1);
    expect(await scenes(2)).toEqual(here);
    expect(here).toEqual(here.map((_, i) => sampleScene(charts, params, { level: 1, seed: 3, index: i }, { size })));
    // What fits a 320×240 image is not what fits the default 640×480 one.
    expect(here).not.toEqual(here.map((_, i) => sampleScene(charts, params, { level: 1, seed: 3, index: i })));
  });
});
