import { describe, expect, it } from 'vitest';
import { type CategoryDraw, type CategorySetName, categorySets, drawCategories } from '../categories.js';
import { embeddedLibrary } from '../library.js';
import type { Topic, ValueShape } from '../schema.js';
import { compatibleShapes, generateSeriesValues, generateValues, roundToDecimals } from '../values.js';
import { sfc32 } from './seeded.js';

const topics = embeddedLibrary.topics;
const byId = (id: string): Topic => topics.find((t) => t.id === id)!;

/** Every (topic, category set, shape) the library allows, each drawn with a few category counts. */
function* everyCombination(): Generator<{ topic: Topic; set: CategorySetName; shape: ValueShape }> {
  for (const topic of topics) for (const set of topic.categories) for (const shape of compatibleShapes(topic, set)) yield { topic, set, shape };
}

function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes('.') ? text.split('.')[1]!.length : 0;
}

describe('generateValues', () => {
  it('is deterministic for a fixed seed', () => {
    for (const { topic, set, shape } of everyCombination()) {
      const run = (): number[] => {
        const rng = sfc32(42);
        return generateValues(rng, topic, shape, drawCategories(rng, set, 4));
      };
      expect(run(), `${topic.id}/${shape}`).toEqual(run());
    }
  });

  it('keeps every value inside the range and rounded to the unit', () => {
    let seed = 1;
    let checked = 0;
    const bad: string[] = [];
    for (const { topic, set, shape } of everyCombination()) {
      for (const count of [2, 4, 7]) {
        const rng = sfc32(seed++);
        const size = Math.min(count, categorySets[set].members.length);
        const values = generateSeriesValues(rng, topic, shape, drawCategories(rng, set, size), topic.series.max);
        for (const v of values.flat()) {
          checked++;
          if (v < topic.range.min || v > topic.range.max) bad.push(`${topic.id}/${shape}: ${v} outside the range`);
          if (decimalsOf(v) > topic.unit.decimals) bad.push(`${topic.id}/${shape}: ${v} has too many decimals`);
          if (Object.is(v, -0)) bad.push(`${topic.id}/${shape}: negative zero`);
        }
      }
    }
    // One assertion over all values: an expect per value made this test slow enough to time out
    // on a loaded machine.
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('makes shares sum to exactly 100 at the unit precision, each above zero', () => {
    const shareTopics = topics.filter((t) => t.shapes.includes('share'));
    expect(shareTopics.length).toBeGreaterThan(5);
    let seed = 100;
    for (const topic of shareTopics) {
      for (let k = 2; k <= 8; k++) {
        const rng = sfc32(seed++);
        const set = topic.categories[0]!;
        const draw = drawCategories(rng, set, Math.min(k, 5));
        const values = generateValues(rng, topic, 'share', draw);
        const step = 10 ** topic.unit.decimals;
        expect(values.reduce((sum, v) => sum + Math.round(v * step), 0), topic.id).toBe(100 * step);
        for (const v of values) expect(v).toBeGreaterThan(0);
      }
    }
  });

  it('gives trends the right slope sign on average', () => {
    const topic = byId('unemployment-rate');
    for (const [shape, sign] of [['trend-up', 1], ['trend-down', -1]] as const) {
      let slopeSum = 0;
      let agreeing = 0;
      for (let seed = 0; seed < 200; seed++) {
        const rng = sfc32(seed);
        const values = generateValues(rng, topic, shape, drawCategories(rng, 'years', 10));
        const slope = (values.at(-1)! - values[0]!) / 9;
        slopeSum += slope;
        if (Math.sign(slope) === sign) agreeing++;
      }
      expect(Math.sign(slopeSum)).toBe(sign);
      expect(agreeing).toBeGreaterThanOrEqual(195);
    }
  });

  it('gives trends what real series show: reversals and plateaus, not near-straight lines', () => {
    const topic = byId('unemployment-rate');
    let reversed = 0;
    let level = 0;
    for (let seed = 0; seed < 400; seed++) {
      const rng = sfc32(seed);
      const shape = seed % 2 === 0 ? 'trend-up' : 'trend-down';
      const sign = shape === 'trend-up' ? 1 : -1;
      const values = generateValues(rng, topic, shape, drawCategories(rng, 'years', 10));
      const steps = values.slice(1).map((v, i) => v - values[i]!);
      if (steps.some((step) => Math.sign(step) === -sign)) reversed++;
      if (steps.some((step) => step === 0)) level++;
    }
    // Most trends step back at least once; some hold a level (printed to their decimals).
    expect(reversed / 400).toBeGreaterThan(0.5);
    expect(level).toBeGreaterThan(0);
  });

  it('makes seasonal months swing well beyond their noise', () => {
    const topic = byId('monthly-rainfall');
    for (let seed = 0; seed < 50; seed++) {
      const rng = sfc32(seed);
      const values = generateValues(rng, topic, 'seasonal', drawCategories(rng, 'months', 12));
      expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.2 * (topic.range.max - topic.range.min));
    }
  });

  it('gives a peak shape its maximum inside the run', () => {
    const topic = byId('volunteering');
    let inside = 0;
    for (let seed = 0; seed < 100; seed++) {
      const rng = sfc32(seed);
      const values = generateValues(rng, topic, 'peak', drawCategories(rng, 'age-groups', 8));
      const top = values.indexOf(Math.max(...values));
      if (top > 0 && top < values.length - 1) inside++;
    }
    expect(inside).toBeGreaterThanOrEqual(80);
  });

  it('is not uniform noise: neighbouring flat values are correlated', () => {
    const topic = byId('central-bank-rate');
    const rng = sfc32(9);
    const values = generateValues(rng, topic, 'flat', drawCategories(rng, 'years', 20));
    const span = Math.max(...values) - Math.min(...values);
    expect(span).toBeLessThan(0.25 * (topic.range.max - topic.range.min));
  });

  it('spreads ranges spanning orders of magnitude on a log scale', () => {
    const topic = byId('population');
    const rng = sfc32(4);
    const values = generateValues(rng, topic, 'spread', drawCategories(rng, 'countries', 30));
    const median = [...values].sort((a, b) => a - b)[15]!;
    expect(median).toBeLessThan((topic.range.min + topic.range.max) / 4);
  });

  it('rejects shapes the topic or the category set does not allow', () => {
    const rng = sfc32(1);
    const rainfall = byId('monthly-rainfall');
    const months: CategoryDraw = drawCategories(rng, 'months', 6);
    expect(() => generateValues(rng, rainfall, 'trend-up', months)).toThrow(/does not have the shape/);
    const gdp = byId('gdp-growth');
    expect(() => generateValues(rng, gdp, 'trend-up', drawCategories(rng, 'countries', 5))).toThrow(/does not fit/);
    expect(() => generateSeriesValues(rng, gdp, 'spread', drawCategories(rng, 'countries', 5), 9)).toThrow(/allows 1 to 4 series/);
  });

  it('rounds without negative zero', () => {
    expect(Object.is(roundToDecimals(-0.0001, 1), -0)).toBe(false);
    expect(roundToDecimals(2.345, 1)).toBe(2.3);
  });
});
