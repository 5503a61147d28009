import { describe, expect, it } from 'vitest';
import { rngFromKey } from '../../rng.js';
import { answer, answerText, corruptAnswer, scoreAnswer } from '../index.js';

// Routes whose runs name the markers they end at are written as the paper's numbered steps.
describe('routes with markers at the ends of their runs', () => {
  const route = answer.route(
    [
      { direction: 'right', count: 2, to: '5N' },
      { direction: 'up', count: 2, to: 't2' },
      { direction: 'up', count: 3, to: '7E' },
      { direction: 'left', count: 4 },
      { direction: 'down', count: 1 },
    ],
    ['5N', 't2', '7E'],
  );

  it('keeps a run that ends at a marker apart from the next run the same way', () => {
    expect(route.steps.map((s) => `${s.direction} ${s.count}`)).toEqual(['right 2', 'up 2', 'up 3', 'left 4', 'down 1']);
  });

  it('is written as numbered steps that name the markers', () => {
    expect(answerText(route)).toBe(
      '1. Move right 2 until you reach 5N. 2. Move up 2 until you reach t2. 3. Move up 3 until you reach 7E. 4. Move left 4. 5. Move down 1 to the end.',
    );
  });

  it('scores its own text 1, and the same moves written as runs', () => {
    expect(scoreAnswer(route, answerText(route))).toBe(1);
    expect(scoreAnswer(route, `The answer is ${answerText(route)}`)).toBe(1);
    expect(scoreAnswer(route, 'right 2, up 5, left 4, down 1 via 5N, t2, 7E')).toBe(1);
    expect(scoreAnswer(route, 'right 2, up 5, left 4, down 1')).toBe(1);
  });

  it('scores other moves or markers out of order below 1', () => {
    expect(scoreAnswer(route, 'right 2, up 4, left 4, down 1')).toBe(0);
    expect(scoreAnswer(route, 'right 2, up 5, left 4, down 1 via t2, 5N')).toBe(0);
    for (let seed = 0; seed < 50; seed++) {
      const rng = rngFromKey(`corrupt-${seed}`);
      const pick = (n: number) => rng.int(0, n - 1);
      expect(scoreAnswer(route, answerText(corruptAnswer(route, pick)))).toBeLessThan(1);
    }
  });
});
