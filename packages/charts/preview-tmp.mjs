import { createPen, getTheme, renderImage, rngFromKey, resolveParams } from '@absynth/core';
import { writeFileSync } from 'node:fs';
import { sampleCharts, drawCharts, chartParams, chartSize } from '@absynth/charts';
const kinds = process.argv.slice(2);
let n = 0;
for (const type of kinds) {
  for (let i = 0; i < 2; i++) {
    const params = chartParams.parse({ type, charts: type === 'composite' ? 4 : 1, ...(type === 'composite' ? { type: 'auto' } : {}) });
    const scene = sampleCharts(rngFromKey(`p${type}${i}`), params);
    const pen = createPen({ ...chartSize(params), theme: getTheme(i === 0 ? 'light' : 'dark') });
    let t = performance.now();
    drawCharts(scene, pen);
    const png = renderImage(pen).png;
    const ms = performance.now() - t;
    writeFileSync(`/tmp/charts-preview/${type}-${i}.png`, png);
    console.log(type, i, ms.toFixed(1), 'ms', scene.charts.map(c => `${c.kind} labels=${c.style.valueLabels} legend=${c.style.legend} grid=${c.style.gridlines} ${c.title}`).join(' | '));
  }
}
