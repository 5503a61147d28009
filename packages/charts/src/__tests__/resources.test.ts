import { generate, rngFromKey } from '@absynth/core';
import { embeddedLibrary } from '@absynth/topics';
import { describe, expect, it } from 'vitest';
import { charts } from '../chart/scenario.js';

describe('the run’s topic library', () => {
  it('is the one given as resources.topics', async () => {
    const chosen = embeddedLibrary.topics.filter((t) => t.domain === 'economy' || t.domain === 'energy');
    const topics = { name: 'economy and energy', version: '2.0.0', topics: chosen };
    const ids = new Set(chosen.map((t) => t.id));
    for await (const sample of generate({ scenario: charts, level: 5, count: 12, modality: 'text', resources: { topics } })) {
      for (const chart of sample.scene.charts) {
        expect(ids.has(chart.topic), chart.topic).toBe(true);
        if (chart.scatter !== null) expect(ids.has(chart.scatter.topic), chart.scatter.topic).toBe(true);
      }
    }
  });

  it('names the problem when the library cannot make a chart', () => {
    const topics = { name: 'none fit', version: '1.0.0', topics: embeddedLibrary.topics.filter((t) => t.shapes.length === 1 && t.shapes[0] === 'share').slice(0, 1) };
    expect(() => charts.sample(rngFromKey('no fit'), { ...charts.params.parse({}), type: 'scatter' }, { topics })).toThrow('no topic of the library can make a scatter chart');
  });
});

