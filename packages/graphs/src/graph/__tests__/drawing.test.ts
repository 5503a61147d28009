import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { createPen, getTheme, type Pen, themeNames } from '@absynth/render';
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

describe('a layout scaled down to fit', () => {
  it('draws no node label or weight under 10 px', async () => {
    const small: string[] = [];
    let scaled = 0;
    for (const level of [2, 3] as const) {
      for (let index = 0; index < 150; index++) {
        const params = resolveParams(graphs, level, {});
        const size = graphs.size?.(params as never) ?? { width: 640, height: 480 };
        const scene = graphs.sample(rngFromKey(`graphs-floor\u0000${level}\u0000${index}`), params as never, { size, resources: {} }) as GraphScene;
        const pen = createPen({ ...size, theme: getTheme('light') });
        await graphs.draw(scene, pen);
        const sizes = (shapes: Pen['shapes']): number[] =>
          shapes.flatMap((s) => (s.kind === 'text' ? [s.style.fontSize ?? 0] : s.kind === 'group' && s.id !== 'title' ? sizes(s.children) : []));
        // Every text but the title is a node label or a weight, drawn inside a group.
        const least = Math.min(...sizes(pen.shapes.filter((s) => s.kind === 'group')));
        if (least < 13) scaled++;
        if (least < 10 - 1e-9) small.push(`level ${level} #${index} (${scene.family}, ${scene.layout}): ${least.toFixed(1)} px`);
      }
    }
    expect(small).toEqual([]);
    // Drawings scaled down near the floor occur, so the check is not empty.
    expect(scaled).toBeGreaterThan(0);
  }, 300_000);
});
