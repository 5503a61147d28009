import { testAnswerable, testScenario } from '@absynth/testkit';
import { expect } from 'vitest';
import { dots } from '../dots.js';

// The whole conformance suite, plus an independent recount of every answer from the scene.
testScenario(dots, {
  verify(sample) {
    const { scene } = sample;
    for (const qa of sample.qa) {
      if (qa.answer.type === 'integer') {
        const colour = /(red|blue|green|orange|purple|brown)/.exec(qa.question)?.[1];
        expect(scene.dots.filter((d) => d.colour === colour).length).toBe(qa.answer.value);
      }
      if (qa.answer.type === 'text') {
        const tally: Record<string, number> = {};
        for (const d of scene.dots) tally[d.colour] = (tally[d.colour] ?? 0) + 1;
        const best = Math.max(...Object.values(tally));
        expect(Object.keys(tally).filter((c) => tally[c] === best)).toEqual([qa.answer.value]);
      }
    }
  },
});

// Every question checked against the drawing itself: the dots counted in the display list, the
// colour named against the pixels of a dot and against every other dot's colour.
testAnswerable(dots, { count: 24, required: ['count-colour', 'most-common'] });
