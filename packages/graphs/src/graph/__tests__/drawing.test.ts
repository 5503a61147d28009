import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { createPen, getTheme, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { problems } from '../../layout/__tests__/readable.js';
import { graphs } from '../scenario.js';
import { type GraphScene, graphFamilies } from '../scene.js';

const perLevel = 20;

async function drawGraphs(level: Level, extra: Record<string, unknown>, key: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const params = resolveParams(graphs, level, extra);
    const scene = graphs.sample(rngFromKey(`${key}\u0000${level}\u0000${index}`), params as never, { size: graphs.size?.(params as never) ?? { width: 640, height: 480 }, resources: {} }) as GraphScene;
    const theme = getTheme(themeNames[index % themeNames.length] as string);
    const pen = createPen({ ...(graphs.size?.(params as never) ?? { width: 640, height: 480 }), theme });
    await graphs.draw(scene, pen);
    const what = `level ${level} ${key} #${index} (${scene.family}, ${scene.layout}, ${scene.nodes.length} nodes)`;
    for (const p of problems(pen, scene.nodes.map((n) => ({ id: n.id, text: n.label })))) out.push(`${what}: ${p}`);
  }
  return out;
}

describe.each([1, 2, 3, 4, 5] as const)('level %i drawings', (level: Level) => {
  it('graphs: every label drawn readable, inside its node, nothing overlapping', async () => {
    const found = await drawGraphs(level, {}, 'graphs-draw', perLevel);
    for (const family of graphFamilies) found.push(...(await drawGraphs(level, { family }, `graphs-draw-${family}`, 2)));
    expect(found).toEqual([]);
  });
});

describe('the largest graphs the params allow', () => {
  it('34 nodes of every family draw readable', async () => {
    const found: string[] = [];
    for (const family of graphFamilies) found.push(...(await drawGraphs(5, { family, nodes: 34 }, `graphs-draw-34-${family}`, 3)));
    expect(found).toEqual([]);
  });
});
