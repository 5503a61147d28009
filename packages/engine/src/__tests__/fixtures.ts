import { defineScenario, defineTask } from '@absynth/core';
import { z } from 'zod';

/** A small scenario for the pipeline tests: bars of random heights, which is tallest. */
export const bars = defineScenario({
  id: 'test-bars',
  version: 1,
  title: 'Test bars',
  summary: 'Vertical bars of different heights.',
  params: z.object({
    bars: z.number().int().min(2).max(12).default(4).describe('Number of bars.'),
    colour: z.enum(['accent', 'palette']).default('palette').describe('How bars are coloured.'),
  }),
  levels: { 1: { bars: 2 }, 2: { bars: 3 }, 3: { bars: 4 }, 4: { bars: 6 }, 5: { bars: 10 } },
  sample(rng, params) {
    const heights = rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], params.bars);
    return { heights, colour: params.colour };
  },
  draw(scene, pen) {
    const w = pen.width / scene.heights.length;
    scene.heights.forEach((h, i) => {
      const fill = scene.colour === 'accent' ? pen.theme.accent : (pen.theme.palette[i % 8] ?? '#000');
      pen.rect(i * w + 4, pen.height - h * 30, w - 8, h * 30, { fill }, { id: `bar-${i}` });
    });
  },
  tasks: [
    defineTask({
      id: 'count',
      kind: 'perception',
      summary: 'How many bars there are.',
      ask: (scene: { heights: number[] }) => ({
        question: ['How many bars are there?', 'Count the bars.'],
        answer: { type: 'integer', value: scene.heights.length },
        rationale: [`There are ${scene.heights.length} bars.`],
      }),
    }),
    defineTask({
      id: 'tallest',
      kind: 'data-extraction',
      summary: 'Which bar is tallest, counting from the left.',
      ask: (scene: { heights: number[] }) => {
        const tallest = scene.heights.indexOf(Math.max(...scene.heights));
        return {
          question: 'Counting from 1 at the left, which bar is the tallest?',
          answer: { type: 'integer', value: tallest + 1 },
          rationale: [`Bar ${tallest + 1} has height ${scene.heights[tallest]}, the largest.`],
          regions: [`bar-${tallest}`],
        };
      },
    }),
  ],
});
