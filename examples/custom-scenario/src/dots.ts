import { answer, defineScenario, z } from '@absynth/core';

/** Colour names a person would use, with the exact colour drawn. */
const colours = {
  red: '#d62728',
  blue: '#1f77b4',
  green: '#2ca02c',
  orange: '#ff7f0e',
  purple: '#9467bd',
  brown: '#8c564b',
} as const;

type ColourName = keyof typeof colours;

/** One dot: its centre and radius in pixels and its colour's name. */
export interface Dot {
  x: number;
  y: number;
  r: number;
  colour: ColourName;
}

/** The scene: the dots on a blank canvas of the image's size (`width` × `height` pixels). */
export interface DotsScene {
  width: number;
  height: number;
  dots: Dot[];
}

const params = z.object({
  minDots: z.number().int().min(1).max(40).default(3).describe('Fewest dots in an image.'),
  maxDots: z.number().int().min(1).max(40).default(9).describe('Most dots in an image.'),
  colours: z.number().int().min(2).max(6).default(3).describe('How many different colours an image uses.'),
});

/** Counting coloured dots: how many of a colour, and which colour is most common. */
export const dots = defineScenario({
  id: 'dots',
  version: 1,
  title: 'Coloured dots',
  summary: 'Non-overlapping coloured dots to count, by colour.',
  params,
  levels: {
    1: { minDots: 2, maxDots: 5, colours: 2 },
    2: { minDots: 3, maxDots: 8, colours: 3 },
    3: { minDots: 5, maxDots: 12, colours: 3 },
    4: { minDots: 8, maxDots: 20, colours: 4 },
    5: { minDots: 15, maxDots: 30, colours: 5 },
  },
  size: () => ({ width: 384, height: 384 }),
  sample(rng, p, { size }): DotsScene {
    const { width, height } = size;
    const palette = rng.sample(Object.keys(colours) as ColourName[], p.colours);
    const target = rng.int(Math.min(p.minDots, p.maxDots), Math.max(p.minDots, p.maxDots));
    const placed: Dot[] = [];
    // Rejection sampling keeps dots apart so every one can be counted; the smallest image (64 px) still holds one.
    for (let tries = 0; placed.length < target && tries < 5000; tries++) {
      const r = rng.int(12, 24);
      const dot = { x: rng.int(r + 8, width - r - 8), y: rng.int(r + 8, height - r - 8), r, colour: rng.pick(palette) };
      if (placed.every((o) => Math.hypot(o.x - dot.x, o.y - dot.y) > o.r + dot.r + 6)) placed.push(dot);
    }
    return { width, height, dots: placed };
  },
  draw(scene, pen) {
    scene.dots.forEach((dot, i) => {
      // The classes say what each mark is, so the testkit can count the dots of a colour in the drawing.
      pen.circle(dot.x, dot.y, dot.r, { fill: colours[dot.colour], stroke: pen.theme.foreground, strokeWidth: 1 }, { id: `dot-${i}`, class: `dot dot-${dot.colour}` });
    });
  },
  tasks: [
    {
      id: 'count-colour',
      kind: 'perception',
      summary: 'How many dots have a given colour.',
      ask(scene, rng) {
        const colour = rng.pick([...new Set(scene.dots.map((d) => d.colour))]);
        const matching = scene.dots.flatMap((d, i) => (d.colour === colour ? [i] : []));
        return {
          question: [`How many ${colour} dots are there?`, `Count the ${colour} dots in the image.`],
          answer: answer.integer(matching.length),
          rationale: [`Looking at every dot, ${matching.length} of the ${scene.dots.length} are ${colour}.`],
          regions: matching.map((i) => `dot-${i}`),
          // What a reader must see: the dots of the colour, all the dots, and that colour on a dot.
          needs: {
            counts: `dot-${colour}`,
            tallies: [{ class: 'dot', count: scene.dots.length }],
            colours: [{ name: colour, hex: colours[colour], region: `dot-${matching[0]}`, among: 'dot' }],
          },
        };
      },
    },
    {
      id: 'most-common',
      kind: 'colour',
      summary: 'Which colour most dots have, when one colour leads.',
      ask(scene) {
        const counts = new Map<ColourName, number>();
        for (const d of scene.dots) counts.set(d.colour, (counts.get(d.colour) ?? 0) + 1);
        const ranked = [...counts].sort((a, b) => b[1] - a[1]);
        const [first, second] = ranked;
        if (first === undefined || (second !== undefined && second[1] === first[1])) return undefined;
        const example = scene.dots.findIndex((d) => d.colour === first[0]);
        return {
          question: 'Which colour do most of the dots have?',
          answer: answer.text(first[0]),
          rationale: [ranked.map(([c, n]) => `${n} ${c}`).join(', ') + '.', `${first[0]} has the most dots.`],
          needs: {
            tallies: ranked.map(([c, n]) => ({ class: `dot-${c}`, count: n })),
            colours: [{ name: first[0], hex: colours[first[0]], region: `dot-${example}`, among: 'dot' }],
          },
        };
      },
    },
  ],
});

declare module '@absynth/core' {
  interface ScenarioRegistry {
    dots: typeof dots;
  }
}
