import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { createPen, getTheme, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { problems } from '../../layout/__tests__/readable.js';
import { flowcharts } from '../scenario.js';
import type { FlowchartScene } from '../scene.js';

const perLevel = 20;

async function drawFlowcharts(level: Level, extra: Record<string, unknown>, key: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const params = resolveParams(flowcharts, level, extra);
    const scene = flowcharts.sample(rngFromKey(`${key}\u0000${level}\u0000${index}`), params as never, { size: flowcharts.size?.(params as never) ?? { width: 640, height: 480 }, resources: {} }) as FlowchartScene;
    const theme = getTheme(themeNames[index % themeNames.length] as string);
    const pen = createPen({ ...(flowcharts.size?.(params as never) ?? { width: 640, height: 480 }), theme });
    await flowcharts.draw(scene, pen);
    const what = `level ${level} ${key} #${index} (${scene.family} ${scene.name}, ${scene.nodes.length} symbols)`;
    for (const p of problems(pen, scene.nodes.map((n) => ({ id: n.id, text: n.text })))) out.push(`${what}: ${p}`);
  }
  return out;
}

describe.each([1, 2, 3, 4, 5] as const)('level %i drawings', (level: Level) => {
  it('flowcharts: every symbol text drawn readable, inside its symbol, nothing overlapping', async () => {
    const found = await drawFlowcharts(level, {}, 'flowcharts-draw', perLevel);
    for (const family of ['algorithm', 'workflow']) found.push(...(await drawFlowcharts(level, { family }, `flowcharts-draw-${family}`, 2)));
    expect(found).toEqual([]);
  });
});
