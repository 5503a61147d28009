import { type Rng, rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { algorithms } from '../algorithm-catalogue.js';
import { compile, type Flow, run, type Stmt } from '../program.js';
import { type Workflow, type WorkflowItem, workflows } from '../workflows.js';
import { translate } from './translate.js';

/** Random inputs in the ranges each algorithm's examples use, and edge cases where valid. */
const inputRanges: Record<string, { random: (rng: Rng) => number[]; edges: number[][]; valid: (v: number[]) => boolean }> = {
  'absolute-value': { random: (r) => [r.int(-1000, 1000)], edges: [[0], [-1], [1], [-40], [40]], valid: () => true },
  'even-or-odd': { random: (r) => [r.int(-200, 200)], edges: [[0], [1], [-1], [-2], [99]], valid: () => true },
  'maximum-of-three': { random: (r) => [r.int(-50, 50), r.int(-50, 50), r.int(-50, 50)], edges: [[0, 0, 0], [-1, -2, -3], [5, 5, 1], [1, 5, 5], [5, 1, 5]], valid: () => true },
  grade: { random: (r) => [r.int(0, 100)], edges: [[0], [100], [90], [89], [85], [80], [75], [70], [60], [55], [50], [-5]], valid: () => true },
  'leap-year': { random: (r) => [r.int(1, 3000)], edges: [[1600], [1700], [1800], [1900], [2000], [2024], [2100], [2023], [0], [-4]], valid: () => true },
  'sum-to-n': { random: (r) => [r.int(-5, 60)], edges: [[0], [1], [-3], [15]], valid: () => true },
  factorial: { random: (r) => [r.int(-3, 12)], edges: [[0], [1], [2], [-1], [7]], valid: () => true },
  'digit-sum': { random: (r) => [r.int(-50, 999999)], edges: [[0], [9], [10], [99999], [-7]], valid: () => true },
  'gcd-subtraction': { random: (r) => [r.int(1, 120), r.int(1, 120)], edges: [[1, 1], [7, 7], [1, 72], [72, 1], [64, 48]], valid: ([a = 0, b = 0]) => a > 0 && b > 0 },
  'gcd-euclid': { random: (r) => [r.int(0, 200), r.int(0, 200)], edges: [[0, 5], [5, 0], [0, 0], [144, 12], [12, 144], [17, 5]], valid: ([a = 0, b = 0]) => a >= 0 && b >= 0 },
  primality: { random: (r) => [r.int(2, 400)], edges: [[2], [3], [4], [9], [25], [49], [97], [121]], valid: ([n = 0]) => n >= 2 },
  'count-multiples': { random: (r) => [r.int(0, 80), r.int(1, 12)], edges: [[0, 3], [5, 1], [40, 7], [6, 6], [5, 6]], valid: ([, k = 0]) => k > 0 },
  power: { random: (r) => [r.int(-9, 9), r.int(0, 8)], edges: [[0, 0], [2, 0], [0, 3], [-2, 3], [9, 4], [1, 8]], valid: ([, e = 0]) => e >= 0 },
  sign: { random: (r) => [r.int(-100, 100)], edges: [[0], [1], [-1]], valid: () => true },
  'triangle-type': { random: (r) => [r.int(0, 12), r.int(0, 12), r.int(0, 12)], edges: [[1, 1, 1], [1, 2, 3], [2, 2, 3], [3, 4, 5], [0, 0, 0], [5, 3, 3], [3, 5, 3]], valid: () => true },
  'quadratic-roots': { random: (r) => [r.int(-5, 5), r.int(-20, 20), r.int(-20, 20)], edges: [[1, -4, 4], [1, 0, 1], [1, 0, -1], [0, 0, 0], [2, 4, 2]], valid: () => true },
  'reverse-digits': { random: (r) => [r.int(-20, 99999)], edges: [[0], [10], [1200], [7], [12321], [-5]], valid: () => true },
  'collatz-steps': { random: (r) => [r.int(1, 300)], edges: [[1], [2], [3], [27], [97]], valid: ([n = 0]) => n >= 1 },
  'ticket-price': { random: (r) => [r.int(0, 100), r.int(1, 7)], edges: [[0, 1], [11, 6], [12, 5], [14, 6], [16, 7], [60, 1], [65, 6], [70, 7], [59, 5]], valid: () => true },
  'sum-of-evens': { random: (r) => [r.int(-5, 60)], edges: [[0], [1], [2], [-3], [20]], valid: () => true },
  'bmi-category': { random: (r) => [r.int(30, 160), r.int(140, 205)], edges: [[45, 150], [120, 150], [70, 175], [1, 100], [100, 100]], valid: ([, h = 0]) => h !== 0 },
  'fizz-buzz-count': { random: (r) => [r.int(-3, 80)], edges: [[0], [1], [15], [30], [60]], valid: () => true },
  'count-primes': { random: (r) => [r.int(-3, 120)], edges: [[0], [1], [2], [3], [30], [97]], valid: () => true },
  'larger-of-two': { random: (r) => [r.int(-60, 60), r.int(-60, 60)], edges: [[0, 0], [5, 5], [1, 2], [2, 1]], valid: () => true },
  'rectangle-area': { random: (r) => [r.int(0, 40), r.int(0, 40)], edges: [[0, 0], [1, 1], [15, 2]], valid: () => true },
  'pass-or-fail': { random: (r) => [r.int(0, 100)], edges: [[0], [39], [40], [49], [50], [59], [60], [100]], valid: () => true },
  discount: { random: (r) => [r.int(0, 250)], edges: [[0], [49], [50], [79], [80], [99], [100]], valid: () => true },
  'perfect-number': { random: (r) => [r.int(1, 500)], edges: [[1], [2], [6], [28], [496], [12]], valid: ([n = 0]) => n >= 1 },
  postage: { random: (r) => [r.int(0, 30), r.int(0, 1)], edges: [[1, 0], [1, 1], [2, 0], [3, 0], [5, 1], [8, 0], [10, 1], [20, 0], [21, 1]], valid: () => true },

  'celsius-to-fahrenheit': { random: (r) => [r.int(-60, 120)], edges: [[0], [100], [-40], [37], [-1], [1]], valid: () => true },
  'perimeter-of-a-rectangle': { random: (r) => [r.int(0, 50), r.int(0, 50)], edges: [[0, 0], [1, 1], [20, 3]], valid: () => true },
  'service-charge': { random: (r) => [r.int(0, 500)], edges: [[0], [1], [9], [10], [20], [100], [240]], valid: () => true },
  'multiple-of': { random: (r) => [r.int(-50, 150)], edges: [[0], [1], [3], [4], [5], [6], [7], [9], [-9], [36], [63]], valid: () => true },
  'speed-limit': { random: (r) => [r.int(0, 100)], edges: [[0], [20], [21], [30], [31], [40], [50], [60], [70], [71]], valid: () => true },
  thermostat: { random: (r) => [r.int(-10, 35)], edges: [[17], [18], [19], [20], [21], [22]], valid: () => true },
  difference: { random: (r) => [r.int(-60, 60), r.int(-60, 60)], edges: [[0, 0], [5, 5], [1, 9], [9, 1], [-3, 4]], valid: () => true },
  'parking-charge': { random: (r) => [r.int(0, 24)], edges: [[0], [1], [2], [3], [4], [10]], valid: () => true },
  'first-multiples': { random: (r) => [r.int(-20, 20)], edges: [[0], [1], [-1], [12]], valid: () => true },
  countdown: { random: (r) => [r.int(-5, 30)], edges: [[0], [1], [-1], [6]], valid: () => true },
  'savings-weeks': { random: (r) => [r.int(-10, 200)], edges: [[0], [1], [3], [4], [5], [10], [11], [-5]], valid: () => true },
  'round-to-nearest': { random: (r) => [r.int(0, 2000)], edges: [[0], [4], [5], [6], [49], [50], [51], [95], [150], [999]], valid: ([n = 0]) => n >= 0 },
  'digit-count': { random: (r) => [r.int(-50, 9999999)], edges: [[0], [1], [9], [10], [99], [100], [99999], [-7]], valid: () => true },
  'multiply-by-addition': { random: (r) => [r.int(-20, 20), r.int(-3, 15)], edges: [[0, 0], [5, 0], [0, 5], [-3, 4], [7, 1], [4, -2]], valid: ([, b = 0]) => b >= 0 },
  'divide-by-subtraction': { random: (r) => [r.int(0, 100), r.int(1, 12)], edges: [[0, 1], [1, 1], [5, 7], [7, 7], [40, 9], [100, 1]], valid: ([a = 0, b = 0]) => a >= 0 && b > 0 },
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The decision texts of a flow, in symbol order. */
const decisions = (flow: Flow) => flow.nodes.filter((n) => n.kind === 'decision').map((n) => n.text);

/** What each algorithm should output, written from its description, not from its flowchart. */
const references: Record<string, (inputs: number[], flow: Flow) => string[]> = {
  'absolute-value': ([x = 0]) => [String(Math.abs(x))],
  'even-or-odd': ([x = 0]) => [Math.abs(x) % 2 === 0 ? 'Even' : 'Odd'],
  'maximum-of-three': (v) => [String(Math.max(...v))],
  grade: ([s = 0], flow) => {
    // The thresholds are the numbers of the decisions, highest first: A, B and C, else Fail.
    const thresholds = decisions(flow).map((t) => Number(/≥ (\d+)\?$/.exec(t)?.[1]));
    expect(thresholds.every(Number.isFinite)).toBe(true);
    expect(thresholds).toEqual([...thresholds].sort((a, b) => b - a));
    const i = thresholds.findIndex((t) => s >= t);
    return [i < 0 ? 'Fail' : (['A', 'B', 'C', 'D'][i] as string)];
  },
  'leap-year': ([y = 0]) => [(y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 'Leap year' : 'Not a leap year'],
  'sum-to-n': ([n = 0]) => [String(n < 1 ? 0 : (n * (n + 1)) / 2)],
  factorial: ([n = 0]) => {
    let f = 1;
    for (let k = 2; k <= n; k++) f *= k;
    return [String(f)];
  },
  'digit-sum': ([n = 0]) => [String(n <= 0 ? 0 : [...String(n)].reduce((s, d) => s + Number(d), 0))],
  'gcd-subtraction': ([a = 0, b = 0]) => [String(gcd(a, b))],
  'gcd-euclid': ([a = 0, b = 0]) => [String(gcd(a, b))],
  primality: ([n = 0]) => {
    let prime = n >= 2;
    for (let d = 2; d < n; d++) if (n % d === 0) prime = false;
    return [prime ? 'Prime' : 'Not prime'];
  },
  'count-multiples': ([n = 0, k = 1]) => [String(Array.from({ length: Math.max(0, n) }, (_, i) => i + 1).filter((i) => i % k === 0).length)],
  power: ([b = 0, e = 0]) => [String(b ** e)],
  sign: ([x = 0]) => [x > 0 ? 'Positive' : x < 0 ? 'Negative' : 'Zero'],
  'triangle-type': ([a = 0, b = 0, c = 0]) => {
    if (a + b <= c || a + c <= b || b + c <= a) return ['Not a triangle'];
    if (a === b && b === c) return ['Equilateral'];
    return [a === b || b === c || a === c ? 'Isosceles' : 'Scalene'];
  },
  'quadratic-roots': ([a = 0, b = 0, c = 0]) => {
    const d = b * b - 4 * a * c;
    return [d > 0 ? 'Two real roots' : d === 0 ? 'One real root' : 'No real roots'];
  },
  'reverse-digits': ([n = 0]) => [String(n <= 0 ? 0 : Number([...String(n)].reverse().join('')))],
  'collatz-steps': ([start = 1]) => {
    let steps = 0;
    for (let n = start; n !== 1; steps++) n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    return [String(steps)];
  },
  'ticket-price': ([age = 0, day = 0], flow) => {
    // The ages, the weekday and the prices are read from the symbols: a child and a senior
    // price below the base price, and a weekend surcharge.
    const texts = flow.nodes.map((n) => n.text);
    const find = (re: RegExp) => Number(texts.map((t) => re.exec(t)?.[1]).find((x) => x !== undefined));
    const child = find(/^age < (\d+)\?$/);
    const senior = find(/^age ≥ (\d+)\?$/);
    const weekend = find(/^day ≥ (\d+)\?$/);
    const surcharge = find(/^p ← p \+ (\d+)$/);
    const prices = texts.flatMap((t) => /^p ← (\d+)$/.exec(t)?.[1] ?? []).map(Number);
    expect([child, senior, weekend, surcharge, ...prices].every(Number.isFinite)).toBe(true);
    expect(prices).toHaveLength(3);
    const [childPrice = 0, seniorPrice = 0, base = 0] = prices;
    expect(childPrice).toBeLessThan(base);
    expect(seniorPrice).toBeLessThan(base);
    const price = age < child ? childPrice : age >= senior ? seniorPrice : base;
    return [String(price + (day >= weekend ? surcharge : 0))];
  },
  'sum-of-evens': ([n = 0]) => [String(Array.from({ length: Math.max(0, n) }, (_, i) => i + 1).filter((i) => i % 2 === 0).reduce((s, i) => s + i, 0))],
  'bmi-category': ([w = 0, h = 1]) => {
    const b = Math.floor((w * 10000) / (h * h));
    return [b < 18 ? 'Underweight' : b < 25 ? 'Healthy' : b < 30 ? 'Overweight' : b < 35 ? 'Obese' : 'Severely obese'];
  },
  'fizz-buzz-count': ([n = 0], flow) => {
    const divisors = decisions(flow).flatMap((t) => /^i mod (\d+) = 0\?$/.exec(t)?.[1] ?? []).map(Number);
    expect(divisors).toHaveLength(2);
    // Multiples of both count once for each.
    return [String(divisors.reduce((s, d) => s + Math.max(0, Math.floor(n / d)), 0))];
  },
  'count-primes': ([n = 0]) => {
    let count = 0;
    for (let k = 2; k <= n; k++) if (Array.from({ length: k - 2 }, (_, i) => i + 2).every((d) => k % d !== 0)) count++;
    return [String(count)];
  },
  'larger-of-two': (v) => [String(Math.max(...v))],
  'rectangle-area': ([w = 0, h = 0]) => [String(w * h)],
  'pass-or-fail': ([s = 0], flow) => {
    const pass = Number(/≥ (\d+)\?$/.exec(decisions(flow)[0] ?? '')?.[1]);
    expect(Number.isFinite(pass)).toBe(true);
    return [s >= pass ? 'Pass' : 'Fail'];
  },
  discount: ([price = 0], flow) => {
    // The threshold and the amount off are read from the symbols.
    const texts = flow.nodes.map((n) => n.text);
    const over = Number(texts.map((t) => /≥ (\d+)\?$/.exec(t)?.[1]).find((x) => x !== undefined));
    const off = Number(texts.map((t) => /← \w+ - (\d+)$/.exec(t)?.[1]).find((x) => x !== undefined));
    expect([over, off].every(Number.isFinite)).toBe(true);
    return [String(price >= over ? price - off : price)];
  },
  'perfect-number': ([n = 0]) => {
    const divisors = Array.from({ length: Math.max(0, n - 1) }, (_, i) => i + 1).filter((d) => n % d === 0);
    return [divisors.reduce((s, d) => s + d, 0) === n ? 'Perfect' : 'Not perfect'];
  },
  postage: ([kg = 0, fast = 0], flow) => {
    // Weight limits, prices and the express surcharge are read from the symbols.
    const texts = flow.nodes.map((n) => n.text);
    const limits = texts.flatMap((t) => /^kg ≤ (\d+)\?$/.exec(t)?.[1] ?? []).map(Number);
    const prices = texts.flatMap((t) => /^c ← (\d+)$/.exec(t)?.[1] ?? []).map(Number);
    const surcharge = Number(texts.map((t) => /^c ← c \+ (\d+)$/.exec(t)?.[1]).find((x) => x !== undefined));
    expect(limits).toHaveLength(3);
    expect(prices).toHaveLength(4);
    const band = limits.findIndex((l) => kg <= l);
    const price = prices[band < 0 ? 3 : band] as number;
    return [String(price + (fast === 1 ? surcharge : 0))];
  },
  'celsius-to-fahrenheit': ([c = 0]) => [String(Math.floor((c * 9) / 5) + 32)],
  'perimeter-of-a-rectangle': ([l = 0, w = 0]) => [String(l + w + l + w)],
  'service-charge': ([bill = 0], flow) => {
    // The rate is read from the symbols.
    const pct = Number(flow.nodes.map((n) => /× (\d+) div 100$/.exec(n.text)?.[1]).find((x) => x !== undefined));
    expect(Number.isFinite(pct)).toBe(true);
    return [String(bill + Math.floor((bill * pct) / 100))];
  },
  'multiple-of': ([x = 0], flow) => {
    const k = Number(/mod (\d+) = 0\?$/.exec(decisions(flow)[0] ?? '')?.[1]);
    expect(Number.isFinite(k)).toBe(true);
    return [x % k === 0 ? `Multiple of ${k}` : `Not a multiple of ${k}`];
  },
  'speed-limit': ([speed = 0], flow) => {
    const limit = Number(/^speed > (\d+)\?$/.exec(decisions(flow)[0] ?? '')?.[1]);
    expect(Number.isFinite(limit)).toBe(true);
    return [speed > limit ? 'Too fast' : 'Within the limit'];
  },
  thermostat: ([t = 0], flow) => {
    const target = Number(/< (\d+)\?$/.exec(decisions(flow)[0] ?? '')?.[1]);
    expect(Number.isFinite(target)).toBe(true);
    return [t < target ? 'Heating on' : 'Heating off'];
  },
  difference: ([a = 0, b = 0]) => [String(Math.abs(a - b))],
  'parking-charge': ([h = 0], flow) => {
    // The free hours and the hourly rate are read from the symbols.
    const texts = flow.nodes.map((n) => n.text);
    const free = Number(texts.map((t) => /^h ≤ (\d+)\?$/.exec(t)?.[1]).find((x) => x !== undefined));
    const rate = Number(texts.map((t) => /× (\d+)$/.exec(t)?.[1]).find((x) => x !== undefined));
    expect([free, rate].every(Number.isFinite)).toBe(true);
    return [String(Math.max(0, h - free) * rate)];
  },
  'first-multiples': ([x = 0], flow) => {
    const k = Number(/^i ≤ (\d+)\?$/.exec(decisions(flow)[0] ?? '')?.[1]);
    expect(Number.isFinite(k)).toBe(true);
    return Array.from({ length: k }, (_, i) => String(x * (i + 1)));
  },
  countdown: ([c = 0]) => [...Array.from({ length: Math.max(0, c) }, (_, i) => String(c - i)), 'Lift-off'],
  'savings-weeks': ([goal = 0], flow) => {
    const k = Number(/^w × (\d+) < goal\?$/.exec(decisions(flow)[0] ?? '')?.[1]);
    expect(Number.isFinite(k)).toBe(true);
    return [String(Math.max(0, Math.ceil(goal / k)))];
  },
  'round-to-nearest': ([n = 0], flow) => {
    const base = Number(flow.nodes.map((node) => /^r ← n mod (\d+)$/.exec(node.text)?.[1]).find((x) => x !== undefined));
    expect(Number.isFinite(base)).toBe(true);
    // Halves round up.
    return [String(Math.floor((n + base / 2) / base) * base)];
  },
  'digit-count': ([n = 0]) => [String(n <= 0 ? 0 : String(n).length)],
  'multiply-by-addition': ([a = 0, b = 0]) => [String(a * b)],
  'divide-by-subtraction': ([a = 0, b = 1]) => [String(Math.floor(a / b))],
};

/** Runs a function, returning its value or the fact that it threw. */
function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: fn() };
  } catch {
    return { ok: false };
  }
}

const variants = 6;

describe('algorithm flowcharts, run two ways', () => {
  it('has inputs and a reference for every algorithm', () => {
    expect(Object.keys(inputRanges).sort()).toEqual(algorithms.map((a) => a.id).sort());
    expect(Object.keys(references).sort()).toEqual(algorithms.map((a) => a.id).sort());
  });

  it.each(algorithms.map((a) => [a.id, a] as const))('%s: the interpreter and the translated function agree', (id, algorithm) => {
    const ranges = inputRanges[id];
    if (ranges === undefined) throw new Error(`no inputs for ${id}`);
    for (let k = 0; k < variants; k++) {
      const rng = rngFromKey(`flow-translate\u0000${id}\u0000${k}`);
      const made = algorithm.make(rng);
      const flow = compile(made.program);
      const translated = translate(flow);
      const inputs = [...made.examples, ...ranges.edges, ...Array.from({ length: 200 }, () => ranges.random(rng))];
      for (const values of inputs) {
        const where = `${id} variant ${k} inputs ${values.join(',')}`;
        const expected = attempt(() => run(flow, values));
        const got = attempt(() => translated.call(values));
        expect(got.ok, `${where}: both run or both fail`).toBe(expected.ok);
        if (!expected.ok || !got.ok) continue;
        expect(got.value.outputs, where).toEqual(expected.value.outputs);
        // The same symbols are reached as often, and decisions first answered alike.
        const visits: Record<string, number> = {};
        for (const node of expected.value.path) visits[node] = (visits[node] ?? 0) + 1;
        expect(got.value.visits, where).toEqual(visits);
        const first: Record<string, string> = {};
        for (const b of expected.value.branches) first[b.node] ??= b.label;
        expect(got.value.firstBranch, where).toEqual(first);
      }
    }
  });

  it.each(algorithms.map((a) => [a.id, a] as const))('%s: the interpreter matches a hand-written reference', (id, algorithm) => {
    const ranges = inputRanges[id];
    const reference = references[id];
    if (ranges === undefined || reference === undefined) throw new Error(`no reference for ${id}`);
    for (let k = 0; k < variants; k++) {
      const rng = rngFromKey(`flow-reference\u0000${id}\u0000${k}`);
      const made = algorithm.make(rng);
      const flow = compile(made.program);
      expect(made.examples.length, `${id} has examples`).toBeGreaterThan(0);
      for (const values of made.examples) {
        expect(values, `${id} example`).toHaveLength(made.inputs.length);
        expect(ranges.valid(values), `${id} example ${values.join(',')} is a valid input`).toBe(true);
      }
      const inputs = [...made.examples, ...ranges.edges, ...Array.from({ length: 200 }, () => ranges.random(rng))].filter(ranges.valid);
      for (const values of inputs) {
        expect(run(flow, values).outputs, `${id} variant ${k} inputs ${values.join(',')}`).toEqual(reference(values, flow));
      }
    }
  });
});

/** A workflow's items as statements, written here apart from the scenario's own conversion. */
function statements(items: readonly WorkflowItem[]): Stmt[] {
  return items.map((item): Stmt => {
    if (item.kind === 'step') return { s: 'note', kind: 'process', text: item.text };
    if (item.kind === 'input' || item.kind === 'output') return { s: 'note', kind: item.kind, text: item.text };
    if (item.kind === 'if') return { s: 'ask', question: item.question, yes: statements(item.yes), no: statements(item.no) };
    return { s: 'until', question: item.question, body: statements(item.body) };
  });
}

/** Everything wrong with the shape of a compiled flowchart. */
export function flowProblems(flow: Flow): string[] {
  const problems: string[] = [];
  const starts = flow.nodes.filter((n) => n.kind === 'start');
  const ends = flow.nodes.filter((n) => n.kind === 'end');
  if (starts.length !== 1) problems.push(`${starts.length} Start symbols`);
  if (ends.length !== 1) problems.push(`${ends.length} End symbols`);
  const ids = new Set(flow.nodes.map((n) => n.id));
  for (const e of flow.edges) if (!ids.has(e.from) || !ids.has(e.to)) problems.push(`arrow ${e.from} -> ${e.to} to a missing symbol`);
  for (const node of flow.nodes) {
    const out = flow.edges.filter((e) => e.from === node.id);
    if (node.kind === 'decision') {
      const yes = out.filter((e) => e.label === 'Yes').length;
      const no = out.filter((e) => e.label === 'No').length;
      if (yes !== 1 || no !== 1 || out.length !== 2) problems.push(`decision "${node.text}" has ${yes} Yes and ${no} No arrows (${out.length} in all)`);
    } else if (node.kind === 'end') {
      if (out.length !== 0) problems.push(`End has ${out.length} arrows out`);
    } else if (out.length !== 1 || out[0]?.label !== null) problems.push(`"${node.text}" has ${out.length} arrows out`);
    if (node.kind === 'start' && flow.edges.some((e) => e.to === node.id)) problems.push('an arrow leads into Start');
  }
  const reach = (from: string, forward: boolean) => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      for (const e of flow.edges) {
        const [a, b] = forward ? [e.from, e.to] : [e.to, e.from];
        if (a === at && !seen.has(b)) {
          seen.add(b);
          stack.push(b);
        }
      }
    }
    return seen;
  };
  if (starts.length === 1 && ends.length === 1) {
    const fromStart = reach((starts[0] as { id: string }).id, true);
    const toEnd = reach((ends[0] as { id: string }).id, false);
    for (const node of flow.nodes) {
      if (!fromStart.has(node.id)) problems.push(`"${node.text}" cannot be reached from Start`);
      if (!toEnd.has(node.id)) problems.push(`End cannot be reached from "${node.text}"`);
    }
  }
  return problems;
}

describe('workflows', () => {
  it.each(workflows.map((w) => [w.id, w] as const))('%s compiles into a well-formed flowchart', (_, workflow: Workflow) => {
    expect(flowProblems(compile(statements(workflow.items)))).toEqual([]);
  });

  it('algorithms compile into well-formed flowcharts too', () => {
    for (const algorithm of algorithms) {
      for (let k = 0; k < 3; k++) {
        const made = algorithm.make(rngFromKey(`flow-shape\u0000${algorithm.id}\u0000${k}`));
        expect(flowProblems(compile(made.program)), algorithm.id).toEqual([]);
      }
    }
  });
});
