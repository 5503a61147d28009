// A node-colour question names a colour: the node's pixels must be that colour, and every other
// node colour of the image far from it (CIEDE2000) and not another shade of its hue ("pale
// yellow" beside "yellow"), so no reader could take one name for another.
import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { colourDifference, createPen, decodePng, getTheme, modalColour, namedColour, renderImage, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { graphs } from '../scenario.js';
import type { GraphScene } from '../scene.js';
import { nodeColourTask } from '../tasks.js';

const perLevel = 12;
/** CIEDE2000 difference below which two fills may be taken for one another. */
const leastColourDifference = 30;
const hue = (name: string) => name.split(' ').at(-1);

describe.each([1, 2, 3, 4, 5] as const)('level %i: node colours', (level: Level) => {
  it('the named colour is the colour of the node pixels, and far from every other node colour in the image', async () => {
    const out: string[] = [];
    for (let index = 0; index < perLevel; index++) {
      const params = resolveParams(graphs, level, {});
      const size = graphs.size?.(params as never) ?? { width: 640, height: 480 };
      const key = `graph-colours\u0000${level}\u0000${index}`;
      const scene = graphs.sample(rngFromKey(key), params as never, { size, resources: {} }) as GraphScene;
      const pen = createPen({ ...size, theme: getTheme(themeNames[index % themeNames.length] as string) });
      await graphs.draw(scene, pen);
      const pixels = decodePng(renderImage(pen, { style: 'crisp' }).png);
      const regions = pen.regions();
      // The fill of each node: the commonest pixel colour in its box (its label covers less).
      const fills = new Map<string, string>();
      for (const node of scene.nodes) {
        const box = regions.get(node.id);
        if (box === undefined) throw new Error(`${key}: node ${node.id} has no region`);
        fills.set(node.id, modalColour(pixels, box) as string);
      }
      const named = [...new Set(scene.nodes.map((n) => n.colour.name))];
      for (let q = 0; q < 4; q++) {
        const asked = nodeColourTask.ask(scene, rngFromKey(`${key}\u0000${q}`));
        if (asked === undefined || asked.answer.type !== 'text') continue;
        const name = asked.answer.value;
        const label = /"([^"]+)"/.exec(Array.isArray(asked.question) ? (asked.question[0] as string) : (asked.question as string))?.[1];
        const node = scene.nodes.find((n) => n.label === label);
        if (node === undefined) throw new Error(`${key}: no node "${label}"`);
        const drawn = fills.get(node.id) as string;
        const off = colourDifference(drawn, namedColour(name).hex);
        if (off > 2) out.push(`${key}: "${label}" is asked as ${name} but drawn ${drawn} (ΔE ${off.toFixed(1)})`);
        for (const other of named.filter((o) => o !== name)) {
          const apart = colourDifference(namedColour(other).hex, namedColour(name).hex);
          if (apart < leastColourDifference || hue(other) === hue(name)) out.push(`${key}: ${name} beside ${other} (ΔE ${apart.toFixed(1)})`);
        }
      }
    }
    expect(out).toEqual([]);
  });
});
