import { rngFromKey } from '@absynth/core';
import { getTheme } from '@absynth/render';
import { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';

describe('chart.js', () => {
  it('is registered when the first chart is drawn, not when the package is imported', async () => {
    const { charts, renderChart } = await import('../../index.js');
    expect(Chart.registry.controllers.get('bar')).toBeUndefined();
    const scene = charts.sample(rngFromKey('registration'), charts.params.parse({ type: 'bar' }), { size: { width: 640, height: 480 }, resources: {} });
    for (const [k, chart] of scene.charts.entries()) renderChart(chart, k, 640, 480, getTheme('light'));
    expect(Chart.registry.controllers.get('bar')).toBeDefined();
  });
});
