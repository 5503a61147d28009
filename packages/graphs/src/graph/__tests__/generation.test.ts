// Every level meets its documented bounds, and has real variety: measured over 1,000 sampled
// scenes per level (sampled only, not drawn).
import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import type { GraphParams } from '../params.js';
import { graphs } from '../scenario.js';
import type { GraphScene } from '../scene.js';

const perLevel = 1000;
const levels = [1, 2, 3, 4, 5] as const;

function scenes(level: Level, extra: Partial<GraphParams> = {}): { params: GraphParams; scenes: GraphScene[] } {
  const params = resolveParams(graphs, level, extra) as GraphParams;
  const size = graphs.size?.(params) ?? { width: 640, height: 480 };
  const list = Array.from({ length: perLevel }, (_, i) => graphs.sample(rngFromKey(`graph-generation\u0000${level}\u0000${JSON.stringify(extra)}\u0000${i}`), params, { size, resources: {} }) as GraphScene);
  return { params, scenes: list };
}

/** Levels below the root of each node of a tree (edges from parent to child). */
function depths(scene: GraphScene): Map<string, number> {
  const parent = new Map(scene.edges.map((e) => [e.to, e.from]));
  const depth = (id: string): number => (parent.has(id) ? 1 + depth(parent.get(id) as string) : 0);
  return new Map(scene.nodes.map((n) => [n.id, depth(n.id)]));
}

/** A tree's shape regardless of labels and child order, such as `((())())`. */
function shape(scene: GraphScene): string {
  const children = new Map<string, string[]>(scene.nodes.map((n) => [n.id, []]));
  for (const e of scene.edges) children.get(e.from)?.push(e.to);
  const root = scene.nodes.find((n) => !scene.edges.some((e) => e.to === n.id))?.id as string;
  const of = (id: string): string => `(${(children.get(id) ?? []).map(of).sort().join('')})`;
  return of(root);
}

const byLevel = new Map(levels.map((level) => [level, scenes(level)]));

describe.each(levels)('level %i: documented bounds over 1,000 graphs', (level) => {
  const { params, scenes: list } = byLevel.get(level) as { params: GraphParams; scenes: GraphScene[] };

  it('between two thirds of `nodes` (at least 4) and `nodes`, networks stopping at 24', () => {
    const out: string[] = [];
    for (const scene of list) {
      const most = scene.tree ? params.nodes : Math.min(24, params.nodes);
      const least = Math.max(4, Math.ceil((most * 2) / 3));
      if (scene.nodes.length < least || scene.nodes.length > most) out.push(`${scene.family} ${scene.title}: ${scene.nodes.length} nodes, not ${least} to ${most}`);
    }
    expect(out).toEqual([]);
  });

  it('trees have one root and every node under it; family trees span at most four generations; no module is used by more than three', () => {
    const out: string[] = [];
    for (const scene of list) {
      if (scene.tree) {
        const roots = scene.nodes.filter((n) => !scene.edges.some((e) => e.to === n.id));
        if (roots.length !== 1 || scene.edges.length !== scene.nodes.length - 1) out.push(`${scene.title}: not a tree`);
        const generations = Math.max(...depths(scene).values()) + 1;
        if (scene.family === 'family-tree' && generations > 4) out.push(`${scene.title}: ${generations} generations`);
      }
      if (scene.family === 'dependency-graph') {
        for (const n of scene.nodes) {
          const users = scene.edges.filter((e) => e.to === n.id).length;
          if (users > 3) out.push(`${scene.title}: ${n.label} used by ${users}`);
        }
      }
    }
    expect(out).toEqual([]);
  });
});

describe('variety over 1,000 graphs per level', () => {
  // Before the fix, level 1 had 11 tree shapes over three families and one shape was a fifth of all trees.
  it.each(levels)('level %i: many tree shapes, none common, and many titles', (level) => {
    const list = (byLevel.get(level) as { scenes: GraphScene[] }).scenes;
    const trees = list.filter((s) => s.tree);
    const counts = new Map<string, number>();
    for (const t of trees) counts.set(`${t.family} ${shape(t)}`, (counts.get(`${t.family} ${shape(t)}`) ?? 0) + 1);
    const commonest = Math.max(...counts.values()) / trees.length;
    expect(commonest, 'share of the commonest tree shape').toBeLessThanOrEqual(0.15);
    // Level 1 trees have 4 or 5 nodes: 13 shapes per family at most.
    expect(counts.size, 'distinct tree shapes').toBeGreaterThanOrEqual(level === 1 ? 20 : level === 2 ? 100 : 250);
    expect(new Set(list.map((s) => s.title)).size, 'distinct titles').toBeGreaterThanOrEqual(50);
  });
});
