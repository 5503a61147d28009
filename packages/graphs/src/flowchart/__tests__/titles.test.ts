// Titles must state the parameters that are drawn: a caption that names a value the sampled
// variant changes ("Counting multiples of 3 and of 5" over `i mod 2` and `i mod 7`) contradicts
// the chart. The texts are read from the pen's display list, not from the scene.
import { resolveParams, rngFromKey } from '@absynth/core';
import { createPen, type Pen } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { algorithms } from '../algorithm-catalogue.js';
import { flowcharts } from '../scenario.js';
import type { FlowchartScene } from '../scene.js';

type Shape = Pen['shapes'][number];

/** The title and the text of every symbol (wrapped lines joined), as drawn. */
function drawnTexts(pen: Pen, scene: FlowchartScene): { title: string; symbols: string[] } {
  const flat = (shapes: readonly Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === 'group' ? [s, ...flat(s.children)] : [s]));
  const all = flat(pen.shapes);
  const textOf = (s: Shape): string[] => (s.kind === 'text' ? [s.text] : s.kind === 'group' ? s.children.flatMap(textOf) : []);
  const title = all.find((s) => s.kind === 'text' && s.id === 'title');
  const ids = new Set(scene.nodes.map((n) => n.id));
  const symbols = all.filter((s) => s.kind === 'group' && s.id !== undefined && ids.has(s.id)).map((s) => textOf(s).join(' '));
  return { title: title?.kind === 'text' ? title.text : '', symbols };
}

const numbers = (text: string) => [...text.matchAll(/\b\d+\b/g)].map((m) => Number(m[0]));
const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];

/** Scenes of every algorithm, `each` of them, sampled (without drawing) over every symbol count. */
function scenesByAlgorithm(each: number): Map<string, FlowchartScene[]> {
  const byName = new Map<string, FlowchartScene[]>(algorithms.map((a) => [a.id, []]));
  for (let i = 0; i < 40_000 && [...byName.values()].some((list) => list.length < each); i++) {
    const params = resolveParams(flowcharts, 3, { family: 'algorithm', symbols: 6 + (i % 11) });
    const scene = flowcharts.sample(rngFromKey(`flowchart-titles\u0000${i}`), params as never, { size: { width: 768, height: 960 }, resources: {} }) as FlowchartScene;
    const list = byName.get(scene.name) as FlowchartScene[];
    if (list.length < each) list.push(scene);
  }
  return byName;
}

describe('algorithm titles state exactly the drawn parameters', () => {
  it('every algorithm, 24 variants each: numbers and variable names in the title are the drawn ones', async () => {
    const problems: string[] = [];
    for (const [name, scenes] of scenesByAlgorithm(24)) {
      expect(scenes.length, name).toBe(24);
      const drawings = [];
      for (const scene of scenes) {
        const pen = createPen({ width: 768, height: 960 });
        await flowcharts.draw(scene, pen);
        drawings.push(drawnTexts(pen, scene));
      }
      // Names of variables any variant of this algorithm reads ("score", "mark").
      const inputsOf = (symbols: string[]) => symbols.flatMap((t) => (/^Input (.*)$/.exec(t)?.[1] ?? '').split(/, /).filter(Boolean));
      const everyInput = new Set(drawings.flatMap((d) => inputsOf(d.symbols)));
      for (const { title, symbols } of drawings) {
        const where = `${name}: "${title}" over ${JSON.stringify(symbols)}`;
        const drawnNumbers = new Set(symbols.flatMap(numbers));
        for (const k of numbers(title)) if (!drawnNumbers.has(k)) problems.push(`${where}: ${k} is not drawn`);
        // A title word that names an input of some variant ("score", "mark") must be drawn in this one.
        const drawnWords = new Set(symbols.flatMap(words));
        for (const w of words(title)) if (everyInput.has(w) && !drawnWords.has(w)) problems.push(`${where}: "${w}" is not drawn in this chart`);
        // A title naming the divisors it counts names exactly the divisors the decisions test.
        const counted = /multiples of (\d+) and of (\d+)/.exec(title);
        const divisors = new Set(symbols.flatMap((t) => [...t.matchAll(/mod (\d+) = 0\?/g)].map((m) => Number(m[1]))));
        if (counted !== null && [...divisors].sort().join() !== [counted[1], counted[2]].map(Number).sort().join()) {
          problems.push(`${where}: the decisions test ${[...divisors].join(' and ')}`);
        }
        if (name === 'fizz-buzz-count' && counted === null) problems.push(`${where}: does not name the divisors`);
      }
    }
    expect(problems).toEqual([]);
  });
});
