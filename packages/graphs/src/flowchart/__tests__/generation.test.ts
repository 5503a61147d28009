// Every level meets its documented bounds, and has real variety: measured over 1,000 sampled
// charts per level and family (sampled only, not drawn).
import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { type FlowchartParams, largestWorkflow, smallestWorkflow } from '../params.js';
import { flowcharts } from '../scenario.js';
import type { FlowchartScene } from '../scene.js';

const perLevel = 1000;
const levels = [1, 2, 3, 4, 5] as const;

function sample(level: Level, family: FlowchartParams['family']): { params: FlowchartParams; scenes: FlowchartScene[] } {
  const params = resolveParams(flowcharts, level, { family }) as FlowchartParams;
  const size = flowcharts.size?.(params) ?? { width: 640, height: 480 };
  const scenes = Array.from({ length: perLevel }, (_, i) => flowcharts.sample(rngFromKey(`flowchart-generation\u0000${level}\u0000${family}\u0000${i}`), params, { size, resources: {} }) as FlowchartScene);
  return { params, scenes };
}

describe.each(levels)('level %i: documented bounds over 1,000 charts of each family', (level) => {
  it.each(['auto', 'algorithm', 'workflow'] as const)('%s: between symbols − 4 and symbols, Start and End included', (family) => {
    const { params, scenes } = sample(level, family);
    const out = scenes.filter((s) => s.nodes.length > params.symbols || s.nodes.length < params.symbols - 4).map((s) => `${s.name}: ${s.nodes.length} symbols, not ${params.symbols - 4} to ${params.symbols}`);
    expect(out).toEqual([]);
    if (family === 'auto') expect(new Set(scenes.map((s) => s.family)), 'auto mixes both families').toEqual(new Set(['algorithm', 'workflow']));
    for (const s of scenes.filter((c) => c.family === 'workflow')) {
      expect(s.nodes.length, s.name).toBeGreaterThanOrEqual(smallestWorkflow);
      expect(s.nodes.length, s.name).toBeLessThanOrEqual(largestWorkflow);
      expect(s.nodes.some((n) => n.kind === 'decision'), `${s.name}: a decision or repeat-until loop`).toBe(true);
    }
  });
});

describe('variety over 1,000 charts per level', () => {
  // Before the fix, level 1 had 7 charts (one in four the same) and level 5 only 32.
  it.each(levels)('level %i: many charts, none common', (level) => {
    const { scenes } = sample(level, 'auto');
    const counts = new Map<string, number>();
    for (const s of scenes) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
    expect(counts.size, 'distinct charts').toBeGreaterThanOrEqual(15);
    expect(Math.max(...counts.values()) / scenes.length, 'share of the commonest chart').toBeLessThanOrEqual(0.15);
    expect(new Set(scenes.map((s) => s.title)).size, 'distinct titles').toBeGreaterThanOrEqual(15);
  });
});
