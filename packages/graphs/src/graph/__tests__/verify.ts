import type { SampleRecord } from '@absynth/engine';
import { expect } from 'vitest';
import { graphs } from '../scenario.js';
import type { GraphScene } from '../scene.js';
import {
  ancestorsOf,
  childrenOfNode,
  descendantsOf,
  edgeCounts,
  familyOfTitle,
  figureDescriptions,
  floydWarshall,
  leavesOf,
  lowestCommonAbove,
  type ParsedGraph,
  parseGraphText,
  pathLength,
  reachableFrom,
  simplePaths,
  treeOf,
} from './reference.js';

/** Task ids the verifier has checked, for tests that make sure no task is skipped. */
export const verifiedGraphTasks = new Map<string, number>();

const sorted = (ids: readonly string[]) => [...ids].sort();

/** The labels a question quotes, in order. Labels never contain a double quote. */
function quoted(question: string): string[] {
  return [...question.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
}

/** Rechecks every answer of a generated graph sample from the parsed text rendering of its scene. */
export function verifyGraph(sample: SampleRecord<GraphScene>): void {
  const { scene } = sample;
  const g: ParsedGraph = parseGraphText(graphs.text?.(scene) ?? '');
  // Region ids are the scene's node ids; the text lists nodes in the scene's order.
  expect(g.labels, sample.id).toEqual(scene.nodes.map((n) => n.label));
  const idOf = (i: number) => scene.nodes[i]?.id ?? `?${i}`;
  const indexOf = (label: string, where: string) => {
    const i = g.labels.indexOf(label);
    expect(i, `${where}: "${label}" is a node`).toBeGreaterThanOrEqual(0);
    return i;
  };
  const hops = floydWarshall(g, false);
  const weights = floydWarshall(g, true);
  for (const qa of sample.qa) {
    const where = `${sample.id} ${qa.task}: ${qa.question} -> ${JSON.stringify(qa.answer)} ${JSON.stringify(qa.regions.map((r) => r.id))}`;
    const ids = qa.regions.map((r) => r.id);
    const names = quoted(qa.question);
    verifiedGraphTasks.set(qa.task, (verifiedGraphTasks.get(qa.task) ?? 0) + 1);
    switch (qa.task) {
      case 'figure-type': {
        expect(qa.answer.type, where).toBe('choice');
        if (qa.answer.type !== 'choice') break;
        const right = familyOfTitle(g.title, g.tree, g.directed);
        expect(right, `${where}: family of the title`).toBeDefined();
        const options = qa.answer.options;
        expect(Object.keys(options).sort(), where).toEqual(['A', 'B', 'C', 'D']);
        const texts = Object.values(options);
        expect(new Set(texts).size, where).toBe(4);
        for (const t of texts) expect(figureDescriptions as readonly string[], where).toContain(t);
        expect(options[qa.answer.value], where).toBe(right);
        for (const [letter, t] of Object.entries(options)) expect(qa.question.includes(`${letter}. ${t}`), where).toBe(true);
        // Trees and networks must not be confused by the family.
        expect(['an organisation chart', 'a research group hierarchy', 'a family tree'].includes(right ?? ''), where).toBe(g.tree);
        expect(ids, where).toEqual(['title']);
        break;
      }
      case 'node-colour': {
        expect(names, where).toHaveLength(1);
        const i = indexOf(names[0] as string, where);
        expect(qa.answer, where).toEqual({ type: 'text', value: g.colours[i] });
        expect(ids, where).toEqual([idOf(i)]);
        break;
      }
      case 'node-shape': {
        expect(names, where).toHaveLength(1);
        const i = indexOf(names[0] as string, where);
        expect(qa.answer.type, where).toBe('choice');
        if (qa.answer.type !== 'choice') break;
        const words: Record<string, RegExp> = { box: /square corners/, rounded: /rounded corners/, ellipse: /^ellipse/, hexagon: /^hexagon$/ };
        expect(Object.values(qa.answer.options).length, where).toBe(4);
        expect(words[g.outline]?.test(qa.answer.options[qa.answer.value] ?? ''), where).toBe(true);
        expect(ids, where).toEqual([idOf(i)]);
        break;
      }
      case 'colour-count': {
        const name = /(?:filled in|Count the) ([a-z ]+?)(?: nodes)?(?: in the figure)?[?.]$/.exec(qa.question)?.[1] ?? '';
        const matching = g.colours.flatMap((c, i) => (c === name ? [i] : []));
        expect(matching.length, `${where}: some ${name} node`).toBeGreaterThan(0);
        expect(qa.answer, where).toEqual({ type: 'integer', value: matching.length });
        expect(sorted(ids), where).toEqual(sorted(matching.map(idOf)));
        break;
      }
      case 'node-exists': {
        expect(names, where).toHaveLength(1);
        const i = g.labels.indexOf(names[0] as string);
        expect(qa.answer, where).toEqual({ type: 'boolean', value: i >= 0 });
        expect(ids, where).toEqual(i >= 0 ? [idOf(i)] : []);
        break;
      }
      case 'count': {
        expect(qa.answer.type, where).toBe('integer');
        if (/^(How many nodes does|Count the nodes in)/.test(qa.question)) {
          expect(qa.answer, where).toEqual({ type: 'integer', value: g.labels.length });
          expect(sorted(ids), where).toEqual(sorted(g.labels.map((_, i) => idOf(i))));
        } else {
          expect(qa.question.includes(g.directed ? 'arrows' : 'lines'), where).toBe(true);
          expect(qa.answer, where).toEqual({ type: 'integer', value: g.edges.length });
          expect(sorted(ids), where).toEqual(sorted(g.edges.map((_, k) => `e${k + 1}`)));
        }
        break;
      }
      case 'tree-count': {
        expect(g.tree, where).toBe(true);
        const t = treeOf(g);
        expect(qa.answer.type, where).toBe('integer');
        const value = qa.answer.type === 'integer' ? qa.answer.value : Number.NaN;
        if (/no node below them|ends of the branches/.test(qa.question)) {
          const leaves = leavesOf(t);
          expect(value, where).toBe(leaves.length);
          expect(sorted(ids), where).toEqual(sorted(leaves.map(idOf)));
        } else if (/directly below|one level down/.test(qa.question)) {
          expect(names, where).toHaveLength(1);
          const i = indexOf(names[0] as string, where);
          const children = childrenOfNode(t, i);
          expect(children.length, `${where}: asked of a node with children`).toBeGreaterThan(0);
          expect(value, where).toBe(children.length);
          expect(ids[0], where).toBe(idOf(i));
          expect(sorted(ids.slice(1)), where).toEqual(sorted(children.map(idOf)));
        } else {
          expect(/at any depth|every level below/.test(qa.question), where).toBe(true);
          expect(names, where).toHaveLength(1);
          const i = indexOf(names[0] as string, where);
          const below = descendantsOf(t, i);
          expect(below.length, where).toBeGreaterThan(0);
          expect(value, where).toBe(below.length);
          expect(ids, where).toEqual([idOf(i)]);
        }
        break;
      }
      case 'shortest-path': {
        expect(g.tree, where).toBe(false);
        expect(names.length, where).toBeGreaterThanOrEqual(2);
        const a = indexOf(names[0] as string, where);
        const b = indexOf(names[1] as string, where);
        expect(a, where).not.toBe(b);
        expect(/following the arrows/i.test(qa.question), `${where}: says whether arrows are followed`).toBe(g.directed);
        const byWeight = g.weighted;
        const d = ((byWeight ? weights : hops)[a] as number[])[b] as number;
        expect(Number.isFinite(d), `${where}: ${names[1]} reachable from ${names[0]}`).toBe(true);
        if (!byWeight) expect(d, `${where}: at least two steps`).toBeGreaterThanOrEqual(2);
        const shortest = simplePaths(g, a, b, byWeight, d);
        expect(shortest.length, where).toBeGreaterThan(0);
        for (const p of shortest) expect(pathLength(g, p, byWeight), where).toBe(d);
        const regionPath = ids.map((id) => scene.nodes.findIndex((n) => n.id === id));
        // The regions are one shortest path, in order.
        expect(shortest.map((p) => p.join()), `${where}: regions are a shortest path`).toContain(regionPath.join());
        if (qa.answer.type === 'list') {
          expect(/pass through/.test(qa.question), where).toBe(true);
          expect(qa.answer.ordered, where).toBe(true);
          expect(shortest, `${where}: the path is unique`).toHaveLength(1);
          expect(qa.answer.value, where).toEqual((shortest[0] as number[]).map((i) => g.labels[i]));
        } else {
          expect(qa.answer, where).toEqual({ type: 'integer', value: d });
          if (byWeight) expect(/total distance|Adding the numbers/.test(qa.question), where).toBe(true);
          else expect(/how many edges|number of steps/i.test(qa.question), where).toBe(true);
        }
        break;
      }
      case 'most-connected': {
        const counts = edgeCounts(g);
        const most = Math.max(...counts);
        const top = counts.flatMap((c, i) => (c === most ? [i] : []));
        expect(top, `${where}: one node has the most connections`).toHaveLength(1);
        expect(qa.answer, where).toEqual({ type: 'text', value: g.labels[top[0] as number] });
        expect(ids, where).toEqual([idOf(top[0] as number)]);
        break;
      }
      case 'reachable': {
        expect(g.directed && !g.tree, where).toBe(true);
        expect(names, where).toHaveLength(2);
        const a = indexOf(names[0] as string, where);
        const b = indexOf(names[1] as string, where);
        expect(a, where).not.toBe(b);
        expect(qa.answer, where).toEqual({ type: 'boolean', value: reachableFrom(g, a).has(b) });
        expect(Number.isFinite((hops[a] as number[])[b]), where).toBe(reachableFrom(g, a).has(b));
        expect(ids, where).toEqual([idOf(a), idOf(b)]);
        break;
      }
      case 'common-superior': {
        expect(g.tree, where).toBe(true);
        const t = treeOf(g);
        expect(names, where).toHaveLength(2);
        const a = indexOf(names[0] as string, where);
        const b = indexOf(names[1] as string, where);
        expect(a, where).not.toBe(b);
        // Neither is above the other, as the task promises.
        expect(ancestorsOf(t, b).includes(a), `${where}: "${names[0]}" is above "${names[1]}"`).toBe(false);
        expect(ancestorsOf(t, a).includes(b), `${where}: "${names[1]}" is above "${names[0]}"`).toBe(false);
        const common = lowestCommonAbove(t, a, b);
        expect(common, where).toBeDefined();
        expect(qa.question.includes(g.title.endsWith('family tree') ? 'ancestor' : 'superior') || qa.question.startsWith('Going up'), where).toBe(true);
        expect(qa.answer, where).toEqual({ type: 'text', value: g.labels[common as number] });
        expect(ids, where).toEqual([idOf(a), idOf(b), idOf(common as number)]);
        break;
      }
      default:
        throw new Error(`unexpected task ${qa.task}`);
    }
  }
}
