import type { Rng } from '@absynth/core';
import { e, type Stmt } from './program.js';

/** An algorithm drawn as a flowchart: its statements, input variables and example inputs. */
export interface AlgorithmChart {
  /** The caption, when it names a value this variant chose (divisors, variable names); otherwise the algorithm's `title`. */
  title?: string;
  program: Stmt[];
  inputs: string[];
  examples: number[][];
}

/** One algorithm family, whose drawings vary (variable names, thresholds, texts). */
export interface Algorithm {
  id: string;
  /** The caption of every variant, or the generic name when `make` words the caption from its parameters. */
  title: string;
  /** Roughly how many symbols its flowchart has, for matching levels. */
  size: number;
  make(rng: Rng): AlgorithmChart;
}

const { n, v, op } = e;

function names(rng: Rng, count: number): string[] {
  return rng.pick([
    ['a', 'b', 'c'],
    ['x', 'y', 'z'],
    ['p', 'q', 'r'],
  ]).slice(0, count);
}

function examples(count: number, draw: () => number[]): number[][] {
  const out: number[][] = [];
  for (let tries = 0; out.length < count && tries < 200; tries++) {
    const values = draw();
    if (!out.some((o) => o.join() === values.join())) out.push(values);
  }
  return out;
}

/** The algorithms of the paper's flowcharts and more, from three symbols to loops inside branches. */
export const algorithms: readonly Algorithm[] = [
  {
    id: 'absolute-value',
    title: 'Absolute value',
    size: 5,
    make(rng) {
      const [x = 'x'] = names(rng, 1);
      return {
        program: [{ s: 'input', vars: [x] }, { s: 'if', cond: op('<', x, 0), yes: [{ s: 'assign', name: x, expr: op('-', 0, x) }], no: [] }, { s: 'print', expr: v(x) }],
        inputs: [x],
        examples: examples(6, () => [rng.int(-40, 40)]),
      };
    },
  },
  {
    id: 'even-or-odd',
    title: 'Even or odd',
    size: 5,
    make(rng) {
      const [x = 'x'] = names(rng, 1);
      return {
        program: [{ s: 'input', vars: [x] }, { s: 'if', cond: op('==', op('mod', x, 2), 0), yes: [{ s: 'say', text: 'Even' }], no: [{ s: 'say', text: 'Odd' }] }],
        inputs: [x],
        examples: examples(6, () => [rng.int(0, 99)]),
      };
    },
  },
  {
    id: 'larger-of-two',
    title: 'Larger of two numbers',
    size: 6,
    make(rng) {
      const [a = 'a', b = 'b'] = names(rng, 2);
      return {
        program: [{ s: 'input', vars: [a, b] }, { s: 'if', cond: op('>', a, b), yes: [{ s: 'print', expr: v(a) }], no: [{ s: 'print', expr: v(b) }] }],
        inputs: [a, b],
        examples: examples(6, () => [rng.int(1, 60), rng.int(1, 60)]),
      };
    },
  },
  {
    id: 'rectangle-area',
    title: 'Area of a rectangle',
    size: 5,
    make(rng) {
      const [w, h, area] = rng.pick([
        ['w', 'h', 'a'],
        ['width', 'height', 'area'],
        ['l', 'b', 'a'],
      ]) as [string, string, string];
      return {
        program: [{ s: 'input', vars: [w, h] }, { s: 'assign', name: area, expr: op('*', w, h) }, { s: 'print', expr: v(area) }],
        inputs: [w, h],
        examples: examples(6, () => [rng.int(2, 15), rng.int(2, 15)]),
      };
    },
  },
  {
    id: 'pass-or-fail',
    title: 'Pass or fail',
    size: 6,
    make(rng) {
      const s = rng.pick(['score', 'mark']);
      const pass = rng.pick([40, 50, 60]);
      return {
        program: [{ s: 'input', vars: [s] }, { s: 'if', cond: op('>=', s, pass), yes: [{ s: 'say', text: 'Pass' }], no: [{ s: 'say', text: 'Fail' }] }],
        inputs: [s],
        examples: examples(6, () => [rng.pick([pass, rng.int(0, 100)])]),
      };
    },
  },
  {
    id: 'discount',
    title: 'Price after a discount',
    size: 7,
    make(rng) {
      const price = rng.pick(['price', 'cost']);
      const [over, off] = rng.pick([
        [50, 5],
        [100, 10],
        [80, 15],
      ]) as [number, number];
      return {
        title: `${price === 'price' ? 'Price' : 'Cost'} after a discount`,
        program: [
          { s: 'input', vars: [price] },
          { s: 'if', cond: op('>=', price, over), yes: [{ s: 'assign', name: price, expr: op('-', price, off) }], no: [] },
          { s: 'print', expr: v(price) },
        ],
        inputs: [price],
        examples: examples(6, () => [rng.pick([over, rng.int(10, 2 * over)])]),
      };
    },
  },
  {
    id: 'maximum-of-three',
    title: 'Largest of three numbers',
    size: 9,
    make(rng) {
      const [a = 'a', b = 'b', c = 'c'] = names(rng, 3);
      const m = 'm';
      return {
        program: [
          { s: 'input', vars: [a, b, c] },
          { s: 'assign', name: m, expr: v(a) },
          { s: 'if', cond: op('>', b, m), yes: [{ s: 'assign', name: m, expr: v(b) }], no: [] },
          { s: 'if', cond: op('>', c, m), yes: [{ s: 'assign', name: m, expr: v(c) }], no: [] },
          { s: 'print', expr: v(m) },
        ],
        inputs: [a, b, c],
        examples: examples(6, () => [rng.int(1, 50), rng.int(1, 50), rng.int(1, 50)]),
      };
    },
  },
  {
    id: 'grade',
    title: 'Grade from a score',
    size: 11,
    make(rng) {
      const s = rng.pick(['score', 'mark', 'points']);
      const title = s === 'points' ? 'Grade from the points' : `Grade from a ${s}`;
      const top = rng.pick([90, 85, 80]);
      const step = rng.pick([10, 15]);
      const grades = ['A', 'B', 'C', 'D'];
      let tail: Stmt[] = [{ s: 'say', text: 'Fail' }];
      for (let g = grades.length - 2; g >= 0; g--) {
        tail = [{ s: 'if', cond: op('>=', s, top - g * step), yes: [{ s: 'say', text: grades[g] as string }], no: tail }];
      }
      return { title, program: [{ s: 'input', vars: [s] }, ...tail], inputs: [s], examples: examples(6, () => [rng.int(top - 3 * step, 100)]) };
    },
  },
  {
    id: 'leap-year',
    title: 'Leap year',
    size: 10,
    make(rng) {
      const y = rng.pick(['y', 'year']);
      return {
        program: [
          { s: 'input', vars: [y] },
          {
            s: 'if',
            cond: op('==', op('mod', y, 400), 0),
            yes: [{ s: 'say', text: 'Leap year' }],
            no: [
              {
                s: 'if',
                cond: op('==', op('mod', y, 100), 0),
                yes: [{ s: 'say', text: 'Not a leap year' }],
                no: [{ s: 'if', cond: op('==', op('mod', y, 4), 0), yes: [{ s: 'say', text: 'Leap year' }], no: [{ s: 'say', text: 'Not a leap year' }] }],
              },
            ],
          },
        ],
        inputs: [y],
        examples: examples(6, () => [rng.pick([4 * rng.int(473, 507), rng.int(1890, 2030), rng.pick([1900, 2000, 2100, 1600, 1800])])]),
      };
    },
  },
  {
    id: 'sum-to-n',
    title: 'Sum of 1 to n',
    size: 8,
    make(rng) {
      const [s, i] = rng.pick([
        ['s', 'i'],
        ['total', 'k'],
      ]) as [string, string];
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: s, expr: n(0) },
          { s: 'assign', name: i, expr: n(1) },
          { s: 'while', cond: op('<=', i, 'n'), body: [{ s: 'assign', name: s, expr: op('+', s, i) }, { s: 'assign', name: i, expr: op('+', i, 1) }] },
          { s: 'print', expr: v(s) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(1, 15)]),
      };
    },
  },
  {
    id: 'factorial',
    title: 'Factorial',
    size: 7,
    make(rng) {
      const f = rng.pick(['f', 'p']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: f, expr: n(1) },
          { s: 'while', cond: op('>', 'n', 1), body: [{ s: 'assign', name: f, expr: op('*', f, 'n') }, { s: 'assign', name: 'n', expr: op('-', 'n', 1) }] },
          { s: 'print', expr: v(f) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(0, 7)]),
      };
    },
  },
  {
    id: 'digit-sum',
    title: 'Sum of the digits',
    size: 7,
    make(rng) {
      const s = rng.pick(['s', 'sum']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: s, expr: n(0) },
          { s: 'while', cond: op('>', 'n', 0), body: [{ s: 'assign', name: s, expr: op('+', s, op('mod', 'n', 10)) }, { s: 'assign', name: 'n', expr: op('div', 'n', 10) }] },
          { s: 'print', expr: v(s) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(10, 99999)]),
      };
    },
  },
  {
    id: 'gcd-subtraction',
    title: 'Greatest common divisor by subtraction',
    size: 8,
    make(rng) {
      const [a = 'a', b = 'b'] = names(rng, 2);
      return {
        program: [
          { s: 'input', vars: [a, b] },
          { s: 'while', cond: op('!=', a, b), body: [{ s: 'if', cond: op('>', a, b), yes: [{ s: 'assign', name: a, expr: op('-', a, b) }], no: [{ s: 'assign', name: b, expr: op('-', b, a) }] }] },
          { s: 'print', expr: v(a) },
        ],
        inputs: [a, b],
        examples: examples(6, () => {
          const g = rng.int(1, 9);
          return [g * rng.int(1, 8), g * rng.int(1, 8)];
        }),
      };
    },
  },
  {
    id: 'gcd-euclid',
    title: "Euclid's algorithm",
    size: 8,
    make(rng) {
      const [a = 'a', b = 'b'] = names(rng, 2);
      return {
        program: [
          { s: 'input', vars: [a, b] },
          { s: 'while', cond: op('!=', b, 0), body: [{ s: 'assign', name: 't', expr: op('mod', a, b) }, { s: 'assign', name: a, expr: v(b) }, { s: 'assign', name: b, expr: v('t') }] },
          { s: 'print', expr: v(a) },
        ],
        inputs: [a, b],
        examples: examples(6, () => {
          const g = rng.int(1, 12);
          return [g * rng.int(1, 12), g * rng.int(1, 12)];
        }),
      };
    },
  },
  {
    id: 'primality',
    title: 'Is it a prime number?',
    size: 11,
    make(rng) {
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: 'd', expr: n(2) },
          { s: 'assign', name: 'p', expr: n(1) },
          {
            s: 'while',
            cond: op('<=', op('*', 'd', 'd'), 'n'),
            body: [{ s: 'if', cond: op('==', op('mod', 'n', 'd'), 0), yes: [{ s: 'assign', name: 'p', expr: n(0) }], no: [] }, { s: 'assign', name: 'd', expr: op('+', 'd', 1) }],
          },
          { s: 'if', cond: op('==', 'p', 1), yes: [{ s: 'say', text: 'Prime' }], no: [{ s: 'say', text: 'Not prime' }] },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(2, 60)]),
      };
    },
  },
  {
    id: 'count-multiples',
    title: 'Counting multiples',
    size: 10,
    make(rng) {
      const c = rng.pick(['c', 'count']);
      return {
        program: [
          { s: 'input', vars: ['n', 'k'] },
          { s: 'assign', name: c, expr: n(0) },
          { s: 'assign', name: 'i', expr: n(1) },
          {
            s: 'while',
            cond: op('<=', 'i', 'n'),
            body: [{ s: 'if', cond: op('==', op('mod', 'i', 'k'), 0), yes: [{ s: 'assign', name: c, expr: op('+', c, 1) }], no: [] }, { s: 'assign', name: 'i', expr: op('+', 'i', 1) }],
          },
          { s: 'print', expr: v(c) },
        ],
        inputs: ['n', 'k'],
        examples: examples(6, () => [rng.int(5, 40), rng.int(2, 7)]),
      };
    },
  },
  {
    id: 'power',
    title: 'Power by repeated multiplication',
    size: 7,
    make(rng) {
      return {
        program: [
          { s: 'input', vars: ['b', 'e'] },
          { s: 'assign', name: 'r', expr: n(1) },
          { s: 'while', cond: op('>', 'e', 0), body: [{ s: 'assign', name: 'r', expr: op('*', 'r', 'b') }, { s: 'assign', name: 'e', expr: op('-', 'e', 1) }] },
          { s: 'print', expr: v('r') },
        ],
        inputs: ['b', 'e'],
        examples: examples(6, () => [rng.int(2, 9), rng.int(0, 4)]),
      };
    },
  },
  {
    id: 'sign',
    title: 'Positive, negative or zero',
    size: 8,
    make(rng) {
      const [x = 'x'] = names(rng, 1);
      return {
        program: [
          { s: 'input', vars: [x] },
          {
            s: 'if',
            cond: op('>', x, 0),
            yes: [{ s: 'say', text: 'Positive' }],
            no: [{ s: 'if', cond: op('<', x, 0), yes: [{ s: 'say', text: 'Negative' }], no: [{ s: 'say', text: 'Zero' }] }],
          },
        ],
        inputs: [x],
        examples: examples(6, () => [rng.pick([0, rng.int(-30, 30)])]),
      };
    },
  },

  {
    id: 'triangle-type',
    title: 'What kind of triangle?',
    size: 10,
    make(rng) {
      const [a = 'a', b = 'b', c = 'c'] = names(rng, 3);
      return {
        program: [
          { s: 'input', vars: [a, b, c] },
          {
            s: 'if',
            cond: op('or', op('or', op('<=', op('+', a, b), c), op('<=', op('+', a, c), b)), op('<=', op('+', b, c), a)),
            yes: [{ s: 'say', text: 'Not a triangle' }],
            no: [
              {
                s: 'if',
                cond: op('and', op('==', a, b), op('==', b, c)),
                yes: [{ s: 'say', text: 'Equilateral' }],
                no: [
                  {
                    s: 'if',
                    cond: op('or', op('or', op('==', a, b), op('==', b, c)), op('==', a, c)),
                    yes: [{ s: 'say', text: 'Isosceles' }],
                    no: [{ s: 'say', text: 'Scalene' }],
                  },
                ],
              },
            ],
          },
        ],
        inputs: [a, b, c],
        examples: examples(6, () => {
          const side = rng.int(2, 9);
          return rng.pick([
            [side, side, side],
            [side, side, rng.int(1, 2 * side - 1)],
            [rng.int(2, 9), rng.int(2, 9), rng.int(2, 9)],
            [1, 2, rng.int(3, 6)],
          ]);
        }),
      };
    },
  },
  {
    id: 'quadratic-roots',
    title: 'Real roots of a quadratic',
    size: 9,
    make(rng) {
      return {
        program: [
          { s: 'input', vars: ['a', 'b', 'c'] },
          { s: 'assign', name: 'd', expr: op('-', op('*', 'b', 'b'), op('*', op('*', 4, 'a'), 'c')) },
          {
            s: 'if',
            cond: op('>', 'd', 0),
            yes: [{ s: 'say', text: 'Two real roots' }],
            no: [{ s: 'if', cond: op('==', 'd', 0), yes: [{ s: 'say', text: 'One real root' }], no: [{ s: 'say', text: 'No real roots' }] }],
          },
        ],
        inputs: ['a', 'b', 'c'],
        examples: examples(6, () => {
          const a = rng.int(1, 4);
          const r = rng.int(-5, 5);
          return rng.pick([
            [a, -2 * a * r, a * r * r],
            [a, rng.int(-9, 9), rng.int(-9, 9)],
          ]);
        }),
      };
    },
  },
  {
    id: 'reverse-digits',
    title: 'Reversing the digits',
    size: 8,
    make(rng) {
      const r = rng.pick(['r', 'rev']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: r, expr: n(0) },
          { s: 'while', cond: op('>', 'n', 0), body: [{ s: 'assign', name: r, expr: op('+', op('*', r, 10), op('mod', 'n', 10)) }, { s: 'assign', name: 'n', expr: op('div', 'n', 10) }] },
          { s: 'print', expr: v(r) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(10, 9999)]),
      };
    },
  },
  {
    id: 'collatz-steps',
    title: 'Steps to reach 1 (Collatz)',
    size: 10,
    make(rng) {
      const c = rng.pick(['c', 'steps']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: c, expr: n(0) },
          {
            s: 'while',
            cond: op('!=', 'n', 1),
            body: [
              { s: 'if', cond: op('==', op('mod', 'n', 2), 0), yes: [{ s: 'assign', name: 'n', expr: op('div', 'n', 2) }], no: [{ s: 'assign', name: 'n', expr: op('+', op('*', 3, 'n'), 1) }] },
              { s: 'assign', name: c, expr: op('+', c, 1) },
            ],
          },
          { s: 'print', expr: v(c) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(1, 30)]),
      };
    },
  },
  {
    id: 'ticket-price',
    title: 'Ticket price',
    size: 11,
    make(rng) {
      const [child, senior, base] = [rng.pick([12, 14, 16]), rng.pick([60, 65, 70]), rng.pick([8, 10, 12])];
      return {
        program: [
          { s: 'input', vars: ['age', 'day'] },
          {
            s: 'if',
            cond: op('<', 'age', child),
            yes: [{ s: 'assign', name: 'p', expr: n(base - 4) }],
            no: [{ s: 'if', cond: op('>=', 'age', senior), yes: [{ s: 'assign', name: 'p', expr: n(base - 2) }], no: [{ s: 'assign', name: 'p', expr: n(base) }] }],
          },
          { s: 'if', cond: op('>=', 'day', 6), yes: [{ s: 'assign', name: 'p', expr: op('+', 'p', 2) }], no: [] },
          { s: 'print', expr: v('p') },
        ],
        inputs: ['age', 'day'],
        examples: examples(6, () => [rng.int(3, 90), rng.int(1, 7)]),
      };
    },
  },
  {
    id: 'sum-of-evens',
    title: 'Sum of the even numbers up to n',
    size: 10,
    make(rng) {
      const s = rng.pick(['s', 'total']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: s, expr: n(0) },
          { s: 'assign', name: 'i', expr: n(1) },
          {
            s: 'while',
            cond: op('<=', 'i', 'n'),
            body: [{ s: 'if', cond: op('==', op('mod', 'i', 2), 0), yes: [{ s: 'assign', name: s, expr: op('+', s, 'i') }], no: [] }, { s: 'assign', name: 'i', expr: op('+', 'i', 1) }],
          },
          { s: 'print', expr: v(s) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(1, 20)]),
      };
    },
  },
  {
    id: 'bmi-category',
    title: 'Body mass index category',
    size: 13,
    make(rng) {
      return {
        program: [
          { s: 'input', vars: ['w', 'h'] },
          { s: 'assign', name: 'b', expr: op('div', op('*', 'w', 10000), op('*', 'h', 'h')) },
          {
            s: 'if',
            cond: op('<', 'b', 18),
            yes: [{ s: 'say', text: 'Underweight' }],
            no: [
              {
                s: 'if',
                cond: op('<', 'b', 25),
                yes: [{ s: 'say', text: 'Healthy' }],
                no: [
                  {
                    s: 'if',
                    cond: op('<', 'b', 30),
                    yes: [{ s: 'say', text: 'Overweight' }],
                    no: [{ s: 'if', cond: op('<', 'b', 35), yes: [{ s: 'say', text: 'Obese' }], no: [{ s: 'say', text: 'Severely obese' }] }],
                  },
                ],
              },
            ],
          },
        ],
        inputs: ['w', 'h'],
        examples: examples(6, () => [rng.int(45, 120), rng.int(150, 195)]),
      };
    },
  },
  {
    id: 'fizz-buzz-count',
    title: 'Counting multiples of two numbers',
    size: 13,
    make(rng) {
      const [x, y] = rng.pick([
        [3, 5],
        [2, 7],
        [4, 6],
      ]) as [number, number];
      return {
        // The divisors vary, so the caption names the ones drawn.
        title: `Counting multiples of ${x} and of ${y}`,
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: 'f', expr: n(0) },
          { s: 'assign', name: 'b', expr: n(0) },
          { s: 'assign', name: 'i', expr: n(1) },
          {
            s: 'while',
            cond: op('<=', 'i', 'n'),
            body: [
              { s: 'if', cond: op('==', op('mod', 'i', x), 0), yes: [{ s: 'assign', name: 'f', expr: op('+', 'f', 1) }], no: [] },
              { s: 'if', cond: op('==', op('mod', 'i', y), 0), yes: [{ s: 'assign', name: 'b', expr: op('+', 'b', 1) }], no: [] },
              { s: 'assign', name: 'i', expr: op('+', 'i', 1) },
            ],
          },
          { s: 'print', expr: op('+', 'f', 'b') },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(5, 30)]),
      };
    },
  },
  {
    id: 'perfect-number',
    title: 'Is it a perfect number?',
    size: 12,
    make(rng) {
      const s = rng.pick(['s', 'sum']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: s, expr: n(0) },
          { s: 'assign', name: 'd', expr: n(1) },
          {
            s: 'while',
            cond: op('<', 'd', 'n'),
            body: [{ s: 'if', cond: op('==', op('mod', 'n', 'd'), 0), yes: [{ s: 'assign', name: s, expr: op('+', s, 'd') }], no: [] }, { s: 'assign', name: 'd', expr: op('+', 'd', 1) }],
          },
          { s: 'if', cond: op('==', s, 'n'), yes: [{ s: 'say', text: 'Perfect' }], no: [{ s: 'say', text: 'Not perfect' }] },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.pick([6, 28, rng.int(2, 30)])]),
      };
    },
  },
  {
    id: 'postage',
    title: 'Postage for a parcel',
    size: 13,
    make(rng) {
      const [light, medium, heavy] = rng.pick([
        [1, 5, 10],
        [2, 5, 20],
        [1, 3, 8],
      ]) as [number, number, number];
      const base = rng.pick([3, 4, 5]);
      const express = rng.pick([2, 5]);
      return {
        program: [
          { s: 'input', vars: ['kg', 'fast'] },
          {
            s: 'if',
            cond: op('<=', 'kg', light),
            yes: [{ s: 'assign', name: 'c', expr: n(base) }],
            no: [
              {
                s: 'if',
                cond: op('<=', 'kg', medium),
                yes: [{ s: 'assign', name: 'c', expr: n(2 * base) }],
                no: [{ s: 'if', cond: op('<=', 'kg', heavy), yes: [{ s: 'assign', name: 'c', expr: n(3 * base) }], no: [{ s: 'assign', name: 'c', expr: n(5 * base) }] }],
              },
            ],
          },
          { s: 'if', cond: op('==', 'fast', 1), yes: [{ s: 'assign', name: 'c', expr: op('+', 'c', express) }], no: [] },
          { s: 'print', expr: v('c') },
        ],
        inputs: ['kg', 'fast'],
        examples: examples(6, () => [rng.int(1, heavy + 5), rng.int(0, 1)]),
      };
    },
  },
  {
    id: 'count-primes',
    title: 'Counting primes up to n',
    size: 16,
    make(rng) {
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: 'c', expr: n(0) },
          { s: 'assign', name: 'k', expr: n(2) },
          {
            s: 'while',
            cond: op('<=', 'k', 'n'),
            body: [
              { s: 'assign', name: 'd', expr: n(2) },
              { s: 'assign', name: 'p', expr: n(1) },
              {
                s: 'while',
                cond: op('<=', op('*', 'd', 'd'), 'k'),
                body: [{ s: 'if', cond: op('==', op('mod', 'k', 'd'), 0), yes: [{ s: 'assign', name: 'p', expr: n(0) }], no: [] }, { s: 'assign', name: 'd', expr: op('+', 'd', 1) }],
              },
              { s: 'if', cond: op('==', 'p', 1), yes: [{ s: 'assign', name: 'c', expr: op('+', 'c', 1) }], no: [] },
              { s: 'assign', name: 'k', expr: op('+', 'k', 1) },
            ],
          },
          { s: 'print', expr: v('c') },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(2, 30)]),
      };
    },
  },
  {
    id: 'celsius-to-fahrenheit',
    title: 'Celsius to Fahrenheit',
    size: 5,
    make(rng) {
      const [c, f] = rng.pick([
        ['c', 'f'],
        ['t', 'f'],
      ]) as [string, string];
      return {
        program: [{ s: 'input', vars: [c] }, { s: 'assign', name: f, expr: op('+', op('div', op('*', c, 9), 5), 32) }, { s: 'print', expr: v(f) }],
        inputs: [c],
        // Multiples of 5 convert exactly, so the rounding of `div` never decides an answer.
        examples: examples(6, () => [5 * rng.int(-4, 8)]),
      };
    },
  },
  {
    id: 'perimeter-of-a-rectangle',
    title: 'Perimeter of a rectangle',
    size: 5,
    make(rng) {
      const [l, w, p] = rng.pick([
        ['l', 'w', 'p'],
        ['x', 'y', 'p'],
        ['length', 'width', 'perimeter'],
      ]) as [string, string, string];
      return {
        program: [{ s: 'input', vars: [l, w] }, { s: 'assign', name: p, expr: op('*', 2, op('+', l, w)) }, { s: 'print', expr: v(p) }],
        inputs: [l, w],
        examples: examples(6, () => [rng.int(1, 20), rng.int(1, 20)]),
      };
    },
  },
  {
    id: 'service-charge',
    title: 'Adding a service charge',
    size: 5,
    make(rng) {
      const pct = rng.pick([10, 15, 20]);
      return {
        title: `Adding a ${pct}% service charge`,
        program: [{ s: 'input', vars: ['bill'] }, { s: 'assign', name: 't', expr: op('div', op('*', 'bill', pct), 100) }, { s: 'print', expr: op('+', 'bill', 't') }],
        inputs: ['bill'],
        // Bills in multiples of 20 give whole charges at every rate drawn.
        examples: examples(6, () => [20 * rng.int(1, 12)]),
      };
    },
  },
  {
    id: 'multiple-of',
    title: 'Is it a multiple?',
    size: 6,
    make(rng) {
      const [x] = rng.pick([['n'], ['x']]) as [string];
      const k = rng.pick([3, 4, 5, 6, 7, 9]);
      return {
        title: `Is it a multiple of ${k}?`,
        program: [
          { s: 'input', vars: [x] },
          { s: 'if', cond: op('==', op('mod', x, k), 0), yes: [{ s: 'say', text: `Multiple of ${k}` }], no: [{ s: 'say', text: `Not a multiple of ${k}` }] },
        ],
        inputs: [x],
        examples: examples(6, () => [rng.pick([k * rng.int(1, 12), rng.int(1, 99)])]),
      };
    },
  },
  {
    id: 'speed-limit',
    title: 'Checking a speed limit',
    size: 6,
    make(rng) {
      const limit = rng.pick([20, 30, 40, 50, 60, 70]);
      return {
        title: `Checking a ${limit} mph speed limit`,
        program: [{ s: 'input', vars: ['speed'] }, { s: 'if', cond: op('>', 'speed', limit), yes: [{ s: 'say', text: 'Too fast' }], no: [{ s: 'say', text: 'Within the limit' }] }],
        inputs: ['speed'],
        examples: examples(6, () => [rng.pick([limit, limit + 1, rng.int(limit - 15, limit + 20)])]),
      };
    },
  },
  {
    id: 'thermostat',
    title: 'A thermostat',
    size: 6,
    make(rng) {
      const t = rng.pick(['t', 'temp']);
      const target = rng.pick([18, 19, 20, 21]);
      return {
        title: `Thermostat set to ${target} degrees`,
        program: [{ s: 'input', vars: [t] }, { s: 'if', cond: op('<', t, target), yes: [{ s: 'say', text: 'Heating on' }], no: [{ s: 'say', text: 'Heating off' }] }],
        inputs: [t],
        examples: examples(6, () => [rng.pick([target, rng.int(10, 26)])]),
      };
    },
  },
  {
    id: 'difference',
    title: 'Difference between two numbers',
    size: 7,
    make(rng) {
      const [a = 'a', b = 'b'] = names(rng, 2);
      const d = rng.pick(['d', 'diff']);
      return {
        program: [
          { s: 'input', vars: [a, b] },
          { s: 'if', cond: op('>', a, b), yes: [{ s: 'assign', name: d, expr: op('-', a, b) }], no: [{ s: 'assign', name: d, expr: op('-', b, a) }] },
          { s: 'print', expr: v(d) },
        ],
        inputs: [a, b],
        examples: examples(6, () => [rng.int(1, 60), rng.int(1, 60)]),
      };
    },
  },
  {
    id: 'parking-charge',
    title: 'Parking charge',
    size: 7,
    make(rng) {
      const free = rng.pick([1, 2, 3]);
      const rate = rng.pick([2, 3, 4]);
      return {
        title: `Parking charge after ${free} free ${free === 1 ? 'hour' : 'hours'}`,
        program: [
          { s: 'input', vars: ['h'] },
          { s: 'if', cond: op('<=', 'h', free), yes: [{ s: 'assign', name: 'c', expr: n(0) }], no: [{ s: 'assign', name: 'c', expr: op('*', op('-', 'h', free), rate) }] },
          { s: 'print', expr: v('c') },
        ],
        inputs: ['h'],
        examples: examples(6, () => [rng.pick([free, rng.int(1, 10)])]),
      };
    },
  },
  {
    id: 'first-multiples',
    title: 'The first multiples of a number',
    size: 7,
    make(rng) {
      const [x] = rng.pick([['n'], ['x']]) as [string];
      const k = rng.pick([4, 5, 6]);
      return {
        title: `The first ${k} multiples of ${x}`,
        program: [
          { s: 'input', vars: [x] },
          { s: 'assign', name: 'i', expr: n(1) },
          { s: 'while', cond: op('<=', 'i', k), body: [{ s: 'print', expr: op('*', x, 'i') }, { s: 'assign', name: 'i', expr: op('+', 'i', 1) }] },
        ],
        inputs: [x],
        examples: examples(6, () => [rng.int(2, 12)]),
      };
    },
  },
  {
    id: 'countdown',
    title: 'Countdown to lift-off',
    size: 7,
    make(rng) {
      const c = rng.pick(['n', 'c']);
      return {
        program: [
          { s: 'input', vars: [c] },
          { s: 'while', cond: op('>', c, 0), body: [{ s: 'print', expr: v(c) }, { s: 'assign', name: c, expr: op('-', c, 1) }] },
          { s: 'say', text: 'Lift-off' },
        ],
        inputs: [c],
        examples: examples(6, () => [rng.int(1, 6)]),
      };
    },
  },
  {
    id: 'savings-weeks',
    title: 'Weeks to save up',
    size: 7,
    make(rng) {
      const k = rng.pick([3, 4, 5, 10]);
      return {
        title: `Weeks to save up at ${k} a week`,
        program: [
          { s: 'input', vars: ['goal'] },
          { s: 'assign', name: 'w', expr: n(0) },
          { s: 'while', cond: op('<', op('*', 'w', k), 'goal'), body: [{ s: 'assign', name: 'w', expr: op('+', 'w', 1) }] },
          { s: 'print', expr: v('w') },
        ],
        inputs: ['goal'],
        examples: examples(6, () => [rng.pick([k * rng.int(1, 6), rng.int(1, 6 * k)])]),
      };
    },
  },
  {
    id: 'round-to-nearest',
    title: 'Rounding to the nearest ten',
    size: 8,
    make(rng) {
      const base = rng.pick([10, 100]);
      return {
        title: `Rounding to the nearest ${base}`,
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: 'r', expr: op('mod', 'n', base) },
          { s: 'if', cond: op('>=', 'r', base / 2), yes: [{ s: 'assign', name: 'n', expr: op('+', op('-', 'n', 'r'), base) }], no: [{ s: 'assign', name: 'n', expr: op('-', 'n', 'r') }] },
          { s: 'print', expr: v('n') },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.pick([base * rng.int(1, 9) + base / 2, rng.int(1, 10 * base - 1)])]),
      };
    },
  },
  {
    id: 'digit-count',
    title: 'Counting the digits',
    size: 8,
    make(rng) {
      const c = rng.pick(['c', 'd']);
      return {
        program: [
          { s: 'input', vars: ['n'] },
          { s: 'assign', name: c, expr: n(0) },
          { s: 'while', cond: op('>', 'n', 0), body: [{ s: 'assign', name: 'n', expr: op('div', 'n', 10) }, { s: 'assign', name: c, expr: op('+', c, 1) }] },
          { s: 'print', expr: v(c) },
        ],
        inputs: ['n'],
        examples: examples(6, () => [rng.int(1, 10 ** rng.int(1, 5) - 1)]),
      };
    },
  },
  {
    id: 'multiply-by-addition',
    title: 'Multiplying by repeated addition',
    size: 8,
    make(rng) {
      const [a = 'a', b = 'b'] = names(rng, 2);
      const p = rng.pick(['s', 't']);
      return {
        program: [
          { s: 'input', vars: [a, b] },
          { s: 'assign', name: p, expr: n(0) },
          { s: 'while', cond: op('>', b, 0), body: [{ s: 'assign', name: p, expr: op('+', p, a) }, { s: 'assign', name: b, expr: op('-', b, 1) }] },
          { s: 'print', expr: v(p) },
        ],
        inputs: [a, b],
        examples: examples(6, () => [rng.int(2, 12), rng.int(0, 6)]),
      };
    },
  },
  {
    id: 'divide-by-subtraction',
    title: 'Dividing by repeated subtraction',
    size: 8,
    make(rng) {
      const [a = 'a', b = 'b'] = names(rng, 2);
      const q = rng.pick(['k', 'm']);
      return {
        program: [
          { s: 'input', vars: [a, b] },
          { s: 'assign', name: q, expr: n(0) },
          { s: 'while', cond: op('>=', a, b), body: [{ s: 'assign', name: a, expr: op('-', a, b) }, { s: 'assign', name: q, expr: op('+', q, 1) }] },
          { s: 'print', expr: v(q) },
        ],
        inputs: [a, b],
        examples: examples(6, () => [rng.int(0, 40), rng.int(2, 9)]),
      };
    },
  },
];
