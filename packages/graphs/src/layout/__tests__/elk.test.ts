import type { ElkNode } from 'elkjs/lib/elk-api.js';
import elkModule from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { SyncElk } from '../elk.js';

type ElkApi = { layout(graph: ElkNode): Promise<ElkNode> };
const Elk = (elkModule as unknown as { default: new () => ElkApi }).default;

function sample(algorithm: string, n: number): ElkNode {
  return {
    id: 'root',
    layoutOptions: { 'elk.algorithm': algorithm, 'elk.direction': 'DOWN', 'elk.edgeRouting': 'ORTHOGONAL', 'elk.randomSeed': '3' },
    children: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 40 + ((i * 17) % 50), height: 28 })),
    edges: Array.from({ length: n + 2 }, (_, i) => ({
      id: `e${i}`,
      sources: [`n${i % n}`],
      targets: [`n${(i * 5 + 1) % n}`],
      labels: [{ id: `l${i}`, text: ' ', width: 18, height: 14 }],
    })).filter((e) => e.sources[0] !== e.targets[0]),
  };
}

describe('SyncElk', () => {
  it('lays out exactly as the public elkjs API does', async () => {
    const engine = new SyncElk();
    const api = new Elk();
    for (const [algorithm, n] of [
      ['layered', 6],
      ['layered', 15],
      ['force', 9],
    ] as const) {
      const graph = sample(algorithm, n);
      expect(engine.layout(structuredClone(graph)), `${algorithm} ${n}`).toEqual(await api.layout(structuredClone(graph)));
    }
  });

  it('reports a layout error as an Error naming elkjs', () => {
    const engine = new SyncElk();
    const broken: ElkNode = { id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['missing'] }] };
    expect(() => engine.layout(broken)).toThrow(/^elkjs: /);
    // The engine still works after an error.
    expect(engine.layout(sample('layered', 4)).children).toHaveLength(4);
  });
});
