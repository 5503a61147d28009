import { inspectItem, planRun } from '@absynth/engine';
import { decodePng } from '@absynth/render';
import { answerabilityProblems, testAnswerable } from '@absynth/testkit';
import { describe, expect, it } from 'vitest';
import { roadmap } from '../scenario.js';

// Every task says what a reader needs: the markers read legibly and clear of each other, the
// markers counted in the drawing (in all and row by row), the grid's size counted in its rows and
// columns, the four named colours against the pixels of their areas and dots and apart from each
// other, and the rows, columns, moves and turns stated counted on the drawn grid.
testAnswerable(roadmap, { count: 30, required: ['find-route', 'closest-marker', 'route-turns', 'marker-on-route', 'marker-count'] });

// The needs are not vacuous: the area colours named the wrong way round, a grid size the drawing
// does not have, a marker count off by one and undeclared numbers each fail the gate.
describe('road-map needs catch planted defects', () => {
  it('fails swapped colours, a wrong size, a wrong count and undeclared numbers', { timeout: 120_000 }, async () => {
    const seen = { colours: 0, counts: 0 };
    for (let index = 0; index < 4; index++) {
      const { sample, shapes } = await inspectItem(planRun({ scenario: roadmap, level: 3, seed: 4, start: index, count: 1 }), index);
      if (sample.png === null) throw new Error(`${sample.id} has no image`);
      const drawing = { shapes, pixels: decodePng(sample.png), width: sample.width, height: sample.height };
      for (const qa of sample.qa) {
        const needs = qa.needs;
        if (needs === undefined) continue;
        const question = { phrasings: qa.phrasings, answer: qa.answer, answerText: qa.answerText, rationale: qa.steps, needs };
        expect(answerabilityProblems({ ...question, needs: { ...needs, derived: [] } }, drawing)).not.toEqual([]);
        const size = needs.tallies?.map((t) => (t.class === 'map-row' ? { ...t, count: t.count + 1 } : t));
        expect(answerabilityProblems({ ...question, needs: { ...needs, tallies: size } }, drawing)).not.toEqual([]);
        const [obstacle, free, ...dots] = needs.colours ?? [];
        if (obstacle !== undefined && free !== undefined) {
          const swapped = [{ ...obstacle, name: free.name, hex: free.hex }, { ...free, name: obstacle.name, hex: obstacle.hex }, ...dots];
          expect(answerabilityProblems({ ...question, needs: { ...needs, colours: swapped } }, drawing)).not.toEqual([]);
          seen.colours++;
        }
        if (qa.answer.type === 'integer' && needs.counts !== undefined) {
          expect(answerabilityProblems({ ...question, answer: { type: 'integer', value: qa.answer.value + 1 } }, drawing)).not.toEqual([]);
          seen.counts++;
        }
      }
    }
    expect(seen.colours).toBeGreaterThan(0);
    expect(seen.counts).toBeGreaterThan(0);
  });
});
