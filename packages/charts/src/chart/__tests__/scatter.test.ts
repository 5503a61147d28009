import { generate } from '@absynth/engine';
import { topicRelations } from '@absynth/topics';
import { describe, expect, it } from 'vitest';
import { charts } from '../scenario.js';

/** Pearson's correlation of two equally long series. */
function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, i) => {
    const dy = (ys[i] as number) - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('scatter plots', () => {
  it('pair only related topics, and their points run the way the pair is known to', async () => {
    const sign = new Map(topicRelations.map((r) => [`${r.x} ${r.y}`, r.sign]));
    let scatters = 0;
    for await (const sample of generate({ scenario: charts, level: 4, seed: 5, count: 60, modality: 'text', params: { type: 'scatter' } })) {
      for (const chart of sample.scene.charts) {
        if (chart.scatter === null) continue;
        const key = `${chart.scatter.topic} ${chart.topic}`;
        expect(sign.has(key), `${sample.id}: ${key}`).toBe(true);
        const r = correlation(chart.scatter.values, chart.series[0]?.values ?? []);
        expect(Math.sign(r), `${sample.id}: ${key} r = ${r.toFixed(2)}`).toBe(sign.get(key));
        scatters++;
      }
    }
    expect(scatters).toBeGreaterThanOrEqual(60);
  });
});
