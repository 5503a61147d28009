import { rngFromKey } from '@absynth/core';
import { generate } from '@absynth/engine';
import { embeddedLibrary } from '@absynth/topics';
import { describe, expect, it } from 'vitest';
import { chartSize } from '../params.js';
import { charts } from '../scenario.js';
import { verifyCharts } from './verify.js';

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
    const params = { ...charts.params.parse({}), type: 'scatter' as const };
    expect(() => charts.sample(rngFromKey('no fit'), params, { size: chartSize(params), resources: { topics } })).toThrow('no topic of the library can make a scatter chart');
  });

  it('draws model-proposed ideas as given, and every answer checks out against their values', async () => {
    const ideas = {
      name: 'proposed ideas',
      version: '1.0.0',
      ideas: [
        { title: 'Library loans in Leeds, 2023', kind: 'bar', measure: 'Library loans', unit: { symbol: 'k', name: 'thousand loans', decimals: 1 }, categoryNoun: 'month', categories: ['Jan', 'Feb', 'Mar', 'Apr', 'May'], series: [{ label: 'Library loans', values: [41.5, 39.2, 44.8, 47.1, 52.3] }] },
        { title: 'How commuters travel in Porto', kind: 'doughnut', measure: 'Share of commuters', unit: { symbol: '%', name: 'percent', decimals: 0 }, categoryNoun: 'mode', categories: ['Car', 'Bus', 'Metro', 'Bicycle', 'Walking'], series: [{ label: 'Share of commuters', values: [38, 22, 25, 5, 10] }] },
        { title: 'Solar and wind output, 2015–2022', kind: 'multi-line', measure: 'Electricity output', unit: { symbol: 'TWh', name: 'terawatt hours', decimals: 0 }, categoryNoun: 'year', categories: ['2015', '2016', '2017', '2018', '2019', '2020'], series: [{ label: 'Solar', values: [8, 10, 12, 15, 19, 24] }, { label: 'Wind', values: [30, 33, 31, 36, 38, 41] }] },
      ],
    };
    let count = 0;
    for (const level of [2, 5] as const) {
      for await (const sample of generate({ scenario: charts, level, count: 10, seed: 4, modality: 'text', resources: { ideas } })) {
        verifyCharts(sample);
        for (const chart of sample.scene.charts) expect(ideas.ideas.map((i) => i.title)).toContain(chart.title);
        count += sample.qa.length;
      }
    }
    expect(count).toBeGreaterThan(60);
  });
});
