// A weight belongs to one edge: its label must not sit where another edge crosses it, or a
// reader cannot tell which edge it measures. Read from the display list.
import { resolveParams, rngFromKey } from '@absynth/core';
import { type Box, createPen, type Pen, type Point } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { segmentHitsBox } from '../../layout/quality.js';
import { graphs } from '../scenario.js';
import type { GraphScene } from '../scene.js';

type Shape = Pen['shapes'][number];
const perLevel = 25;

describe('city networks of levels 2 to 5, 25 each', () => {
  // Weights used to sit at the middle of their edge wherever another edge crossed there (7 of
  // these 100 drawings); they now slide along their edge to a free spot. One drawing has no free
  // spot on an edge and is allowed for.
  it('no weight label is crossed by an edge other than its own, but in at most one drawing', async () => {
    const out: string[] = [];
    for (const level of [2, 3, 4, 5] as const) for (let index = 0; index < perLevel; index++) {
      const params = resolveParams(graphs, level, { family: 'city-network' });
      const size = graphs.size?.(params as never) ?? { width: 640, height: 480 };
      const scene = graphs.sample(rngFromKey(`graph-weights\u0000${level}\u0000${index}`), params as never, { size, resources: {} }) as GraphScene;
      const pen = createPen(size);
      await graphs.draw(scene, pen);
      const lines = new Map<string, readonly Point[]>();
      const labels = new Map<string, Box>();
      const nodes = new Set(scene.nodes.map((n) => n.id));
      const nodeBoxes = new Map<string, Box>();
      for (const s of pen.shapes as readonly Shape[]) {
        if (s.kind === 'polyline' && s.id !== undefined) lines.set(s.id, s.points);
        if (s.kind === 'group' && s.id?.endsWith('-weight')) labels.set(s.id.replace(/-weight$/, ''), s.box);
        if (s.kind === 'group' && s.id !== undefined && nodes.has(s.id)) nodeBoxes.set(s.id, s.box);
      }
      // An edge drawn through a node it does not join is another defect (see the report of this
      // change): a weight beside such an edge is not judged here.
      const throughNode = (id: string, points: readonly Point[]) => {
        const edge = scene.edges[Number(id.slice(1)) - 1];
        return [...nodeBoxes].some(
          ([node, b]) => node !== edge?.from && node !== edge?.to && points.slice(1).some((p, k) => segmentHitsBox(points[k] as Point, p, { x: b.x + 4, y: b.y + 4, width: b.width - 8, height: b.height - 8 })),
        );
      };
      for (const [edge, box] of labels) {
        const inner = { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
        for (const [other, points] of lines) {
          if (other === edge || throughNode(other, points)) continue;
          for (let k = 1; k < points.length; k++) {
            if (segmentHitsBox(points[k - 1] as Point, points[k] as Point, inner)) out.push(`level ${level} #${index}: the weight of ${edge} is crossed by ${other}`);
          }
        }
      }
    }
    const drawings = new Set(out.map((line) => line.split(':')[0]));
    expect(drawings.size, out.join('\n')).toBeLessThanOrEqual(1);
  });
});
