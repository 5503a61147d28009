import type { GraphScene } from './scene.js';

/** The graph as text: title, kind, the nodes with their colours, their outline, and one line per edge. */
export function graphText(scene: GraphScene): string {
  const byId = new Map(scene.nodes.map((n) => [n.id, n.label]));
  const arrow = scene.directed ? '->' : '--';
  return [
    `Title: ${scene.title}`,
    `Kind: ${scene.tree ? 'tree' : 'network'}, ${scene.directed ? 'directed' : 'undirected'}${scene.weighted ? ', weighted' : ''}`,
    `Nodes: ${scene.nodes.map((n) => `${n.label} (${n.colour.name})`).join('; ')}`,
    `Node outline: ${scene.nodes[0]?.shape ?? 'box'}`,
    'Edges:',
    ...scene.edges.map((e) => `${byId.get(e.from)} ${arrow} ${byId.get(e.to)}${e.weight === null ? '' : ` [${e.weight}]`}`),
  ].join('\n');
}
