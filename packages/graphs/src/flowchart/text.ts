import type { FlowchartScene } from './scene.js';

/** The flowchart as text: title, one line per symbol (kind and text), one line per arrow. */
export function flowchartText(scene: FlowchartScene): string {
  const text = new Map(scene.nodes.map((n) => [n.id, n.text]));
  return [
    `Title: ${scene.title}`,
    'Symbols:',
    ...scene.nodes.map((n) => `${n.id}: ${n.kind} "${n.text}"`),
    'Arrows:',
    ...scene.edges.map((e) => `${e.from} -> ${e.to}${e.label === null ? '' : ` [${e.label}]`} ("${text.get(e.from)}" to "${text.get(e.to)}")`),
  ].join('\n');
}
