// Hand-worked examples of the node-shape and colour-count questions.
import { rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import type { GraphNode, GraphScene } from '../scene.js';
import { colourCountTask, nodeShapeTask } from '../tasks.js';

const node = (id: string, label: string, colour: string, hex: string): GraphNode => ({ id, label, shape: 'hexagon', colour: { name: colour, hex }, at: null });

// Five friends: Ada, Ben and Cy in yellow, Dee in light blue, Eve in pink.
const scene: GraphScene = {
  family: 'social-network',
  title: 'Friends',
  tree: false,
  directed: false,
  weighted: false,
  nodes: [node('n1', 'Ada', 'yellow', '#f5d327'), node('n2', 'Ben', 'yellow', '#f5d327'), node('n3', 'Cy', 'yellow', '#f5d327'), node('n4', 'Dee', 'light blue', '#a8d1f5'), node('n5', 'Eve', 'pink', '#f7b6c8')],
  edges: [
    { from: 'n1', to: 'n2', weight: null },
    { from: 'n2', to: 'n3', weight: null },
    { from: 'n3', to: 'n4', weight: null },
    { from: 'n4', to: 'n5', weight: null },
  ],
  layout: 'force',
};

describe('graph questions worked by hand', () => {
  it('counts the nodes of each fill: 3 yellow, 1 light blue, 1 pink', () => {
    const counts = new Map<string, unknown>();
    for (let n = 0; n < 60; n++) {
      const q = colourCountTask.ask(scene, rngFromKey(`count\u0000${n}`));
      const name = /filled in ([a-z ]+)\?|Count the ([a-z ]+) nodes/.exec(String(q?.question[0]))?.slice(1).find(Boolean);
      if (q?.answer.type === 'integer') counts.set(name ?? '', q.answer.value);
    }
    expect(Object.fromEntries(counts)).toEqual({ yellow: 3, 'light blue': 1, pink: 1 });
  });

  it('names the outline among four, the right letter pointing at "hexagon"', () => {
    for (let n = 0; n < 20; n++) {
      const q = nodeShapeTask.ask(scene, rngFromKey(`shape\u0000${n}`));
      expect(q?.answer.type).toBe('choice');
      if (q?.answer.type !== 'choice') continue;
      expect(Object.values(q.answer.options).sort()).toEqual(['ellipse (oval)', 'hexagon', 'rectangle with rounded corners', 'rectangle with square corners']);
      expect(q.answer.options[q.answer.value]).toBe('hexagon');
    }
  });
});
