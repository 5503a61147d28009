import { inspectItem, planRun } from '@absynth/engine';
import { answerabilityProblems, testAnswerable } from '@absynth/testkit';
import { describe, expect, it } from 'vitest';
import { maze } from '../scenario.js';

// Every task says what a reader needs: the S and G letters (or the legend) and the letters A–D
// read legibly and clear of other texts, the dead ends counted in the drawing (in all and row by
// row), and the rows, columns and moves stated counted on the drawn grid.
testAnswerable(maze, { count: 30, required: ['shortest-route', 'route-length', 'goal-reachable', 'dead-ends', 'cell-on-route'] });

// Blocks mazes on every theme and style: walls the colour of the edge ring and open squares
// that of the background, far apart, checked by the gate's colour rules.
testAnswerable(maze, { count: 24, seed: 2, params: { style: 'blocks' }, required: ['shortest-route', 'route-length', 'goal-reachable', 'dead-ends', 'cell-on-route'] });

// The needs are not vacuous: an answer off by one from the drawn dead ends, a dead end moved to
// another row, and a rationale whose numbers are not derived each fail the gate.
describe('maze needs catch planted defects', () => {
  it('fails a wrong count, a wrong row tally and undeclared numbers', { timeout: 120_000 }, async () => {
    let planted = 0;
    for (let index = 0; index < 6; index++) {
      const { sample, shapes } = await inspectItem(planRun({ scenario: maze, level: 3, seed: 4, start: index, count: 1 }), index);
      const drawing = { shapes, width: sample.width, height: sample.height };
      for (const qa of sample.qa) {
        const needs = qa.needs;
        if (needs === undefined) continue;
        const question = { phrasings: qa.phrasings, answer: qa.answer, answerText: qa.answerText, rationale: qa.steps, needs };
        expect(answerabilityProblems({ ...question, needs: { ...needs, derived: [] } }, drawing)).not.toEqual([]);
        if (qa.answer.type === 'integer' && needs.counts !== undefined) {
          expect(answerabilityProblems({ ...question, answer: { type: 'integer', value: qa.answer.value + 1 } }, drawing)).not.toEqual([]);
          const [first, ...rest] = needs.tallies ?? [];
          if (first !== undefined) {
            expect(answerabilityProblems({ ...question, needs: { ...needs, tallies: [{ ...first, count: first.count + 1 }, ...rest] } }, drawing)).not.toEqual([]);
          }
          planted++;
        }
      }
    }
    expect(planted).toBeGreaterThan(0);
  });
});
