import { createPen, getTheme, renderImage, rngFromKey, resolveParams } from '@absynth/core';
import { writeFileSync } from 'node:fs';
import { graphs } from './dist/index.js';
const fams = ['organisation', 'research-group', 'family-tree', 'city-network', 'social-network', 'dependency-graph'];
for (const level of [2, 4, 5]) for (const family of fams) {
  const params = { ...resolveParams(graphs, level), family };
  const scene = graphs.sample(rngFromKey(`g${level}${family}`), params);
  const pen = createPen({ ...graphs.size(params), theme: getTheme(level === 4 ? 'dark' : 'light') });
  const t = performance.now();
  await graphs.draw(scene, pen);
  const png = renderImage(pen).png;
  writeFileSync(`/tmp/gp/${family}-${level}.png`, png);
  console.log(level, family, scene.nodes.length, scene.layout, (performance.now() - t).toFixed(1), 'ms');
}
