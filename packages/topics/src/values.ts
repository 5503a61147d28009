import { type CategoryDraw, type CategorySetName, categorySets } from './categories.js';
import { shapeNeeds, type Topic, type ValueShape } from './schema.js';
import type { SeededChoice } from './seeded-choice.js';

/** Rounds a value to a unit's decimals, never returning negative zero. */
export function roundToDecimals(value: number, decimals: number): number {
  const step = 10 ** decimals;
  return Math.round(value * step) / step + 0;
}

/** The shapes of a topic that fit a category set (seasonality needs a cycle, trends a sequence). */
export function compatibleShapes(topic: Topic, set: CategorySetName): ValueShape[] {
  const order = categorySets[set].order;
  return topic.shapes.filter((shape) => shapeNeeds[shape].includes(order));
}

function uniform(rng: SeededChoice, low: number, high: number): number {
  return low + rng.next() * (high - low);
}

/** Smooth noise bounded by ±amplitude: each step keeps part of the last, so neighbours look related rather than jumpy. */
function boundedNoise(rng: SeededChoice, count: number, amplitude: number): number[] {
  const noise: number[] = [];
  let last = 0;
  for (let i = 0; i < count; i++) {
    last = 0.6 * last + 0.4 * uniform(rng, -amplitude, amplitude);
    noise.push(last);
  }
  return noise;
}

/** Positions along the run in [0, 1], so shapes do not depend on how many categories were drawn. */
function runPositions(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (count > 1 ? i / (count - 1) : 0));
}

/**
 * What real series show beside their shape: sometimes a reversal against the run (a point or two
 * pushed back by 2–4 noise amplitudes), a plateau (2–3 points held at one level, the rest of the
 * run stepping on from there) or an outlier (one point 4–7 amplitudes off). Only inner points
 * move, so where a run starts and ends, and so its direction, stays.
 */
function irregular(rng: SeededChoice, values: number[], amplitude: number, direction: 1 | -1 | 0): number[] {
  const out = [...values];
  const count = out.length;
  if (count < 4) return out;
  if (rng.next() < 0.4) {
    const k = rng.int(1, count - 2);
    const against = direction === 0 ? (rng.next() < 0.5 ? 1 : -1) : -direction;
    const depth = amplitude * uniform(rng, 2, 4);
    out[k] = out[k]! + against * depth;
    if (k + 1 < count - 1 && rng.next() < 0.5) out[k + 1] = out[k + 1]! + against * depth * 0.5;
  }
  if (count >= 6 && rng.next() < 0.25) {
    const from = rng.int(1, count - 4);
    const length = rng.int(2, 3);
    for (let i = from + 1; i < Math.min(count - 1, from + length); i++) out[i] = out[from]! + amplitude * uniform(rng, -0.3, 0.3);
  }
  if (rng.next() < 0.15) {
    const k = rng.int(1, count - 2);
    out[k] = out[k]! + (rng.next() < 0.5 ? 1 : -1) * amplitude * uniform(rng, 4, 7);
  }
  return out;
}

function trend(rng: SeededChoice, topic: Topic, count: number, direction: 1 | -1): number[] {
  const { min, max } = topic.range;
  const span = max - min;
  const amplitude = span * uniform(rng, 0.015, 0.05);
  const change = span * uniform(rng, 0.2, 0.55);
  const low = uniform(rng, min + amplitude, max - amplitude - change);
  const [start, end] = direction === 1 ? [low, low + change] : [low + change, low];
  // A curvature exponent away from 1 gives accelerating or levelling-off growth, as real series do.
  const curvature = uniform(rng, 0.6, 1.6);
  const noise = boundedNoise(rng, count, amplitude);
  return irregular(
    rng,
    runPositions(count).map((t, i) => start + (end - start) * t ** curvature + noise[i]!),
    amplitude,
    direction,
  );
}

function flat(rng: SeededChoice, topic: Topic, count: number): number[] {
  const { min, max } = topic.range;
  const span = max - min;
  const amplitude = span * uniform(rng, 0.03, 0.1);
  const level = uniform(rng, min + 0.2 * span, max - 0.2 * span);
  // A flat run's noise is already wide: its irregularities are half as deep.
  return irregular(
    rng,
    boundedNoise(rng, count, amplitude).map((e) => level + e),
    amplitude / 2,
    0,
  );
}

function seasonal(rng: SeededChoice, topic: Topic, draw: CategoryDraw): number[] {
  const { min, max } = topic.range;
  const span = max - min;
  const cycle = categorySets[draw.set].members.length;
  const swing = span * uniform(rng, 0.15, 0.4);
  const amplitude = span * uniform(rng, 0.02, 0.05);
  const level = uniform(rng, min + swing + amplitude, max - swing - amplitude);
  // The peak falls anywhere in the cycle: places differ (hemispheres, wet seasons, rush hours).
  const peak = rng.next() * 2 * Math.PI;
  const secondary = rng.next() * 2 * Math.PI;
  const noise = boundedNoise(rng, draw.positions.length, amplitude);
  return draw.positions.map((position, i) => {
    const angle = (2 * Math.PI * position) / cycle;
    // A small second harmonic makes the year lopsided instead of a perfect cosine.
    const wave = 0.85 * Math.cos(angle - peak) + 0.15 * Math.cos(2 * (angle - secondary));
    return level + swing * wave + noise[i]!;
  });
}

function peak(rng: SeededChoice, topic: Topic, count: number): number[] {
  const { min, max } = topic.range;
  const span = max - min;
  const amplitude = span * uniform(rng, 0.015, 0.04);
  const base = uniform(rng, min + amplitude, min + 0.35 * span);
  const height = Math.min(span * uniform(rng, 0.35, 0.6), max - amplitude - base);
  const centre = uniform(rng, 0.25, 0.75);
  const width = uniform(rng, 0.2, 0.45);
  const noise = boundedNoise(rng, count, amplitude);
  return irregular(
    rng,
    runPositions(count).map((t, i) => base + height * Math.exp(-(((t - centre) / width) ** 2)) + noise[i]!),
    amplitude,
    0,
  );
}

/** Whether a range spans orders of magnitude (populations, emissions), so values vary by factors rather than by amounts. */
function isLogScale(topic: Topic): boolean {
  return topic.range.min > 0 && topic.range.max / topic.range.min >= 50;
}

function spread(rng: SeededChoice, topic: Topic, count: number): number[] {
  const { min, max } = topic.range;
  const span = max - min;
  // A per-series skew: some draws cluster low with a few large values, others high.
  const skew = uniform(rng, 0.6, 1.8);
  const fractions = Array.from({ length: count }, () => 0.05 + 0.9 * rng.next() ** skew);
  // Ranges spanning orders of magnitude (populations, emissions) spread on a log scale, so most places are small and a few are huge.
  if (isLogScale(topic)) return fractions.map((f) => min * (max / min) ** f);
  return fractions.map((f) => min + span * f);
}

/** Splits 100 into `count` shares at the unit's precision by largest remainder, so the printed values sum to exactly 100. */
function shares(rng: SeededChoice, count: number, decimals: number): number[] {
  const step = 10 ** decimals;
  const total = 100 * step;
  // Exponential weights give a few large slices and several small ones, like real breakdowns.
  const weights = Array.from({ length: count }, () => 0.15 - Math.log(1 - rng.next()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / weightSum) * total);
  const units = exact.map((x) => Math.max(1, Math.floor(x)));
  let remaining = total - units.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; remaining > 0; k = (k + 1) % count, remaining--) units[byRemainder[k]!.i]! += 1;
  // The minimum of one unit per share can overshoot; take the excess from the largest shares.
  while (remaining < 0) {
    const largest = units.indexOf(Math.max(...units));
    units[largest]! -= 1;
    remaining++;
  }
  return units.map((u) => u / step);
}

function rawValues(rng: SeededChoice, topic: Topic, shape: ValueShape, draw: CategoryDraw): number[] {
  const count = draw.labels.length;
  switch (shape) {
    case 'trend-up':
      return trend(rng, topic, count, 1);
    case 'trend-down':
      return trend(rng, topic, count, -1);
    case 'flat':
      return flat(rng, topic, count);
    case 'seasonal':
      return seasonal(rng, topic, draw);
    case 'peak':
      return peak(rng, topic, count);
    case 'spread':
      return spread(rng, topic, count);
    case 'share':
      return shares(rng, count, topic.unit.decimals);
  }
}

function finish(topic: Topic, values: readonly number[]): number[] {
  const { min, max } = topic.range;
  return values.map((v) => roundToDecimals(Math.min(max, Math.max(min, v)), topic.unit.decimals));
}

function assertFits(topic: Topic, shape: ValueShape, draw: CategoryDraw): void {
  if (!topic.shapes.includes(shape)) throw new RangeError(`topic '${topic.id}' does not have the shape '${shape}'`);
  if (!compatibleShapes(topic, draw.set).includes(shape)) {
    throw new RangeError(`shape '${shape}' does not fit the ${categorySets[draw.set].order} set '${draw.set}'`);
  }
}

/** One series of values for the drawn categories, following the shape, inside the topic's range and rounded to its unit. */
export function generateValues(rng: SeededChoice, topic: Topic, shape: ValueShape, draw: CategoryDraw): number[] {
  assertFits(topic, shape, draw);
  return finish(topic, rawValues(rng, topic, shape, draw));
}

/** Several series over the same categories; spread series stay close to the first one, as the same places in neighbouring years do. */
export function generateSeriesValues(rng: SeededChoice, topic: Topic, shape: ValueShape, draw: CategoryDraw, seriesCount: number): number[][] {
  assertFits(topic, shape, draw);
  if (!Number.isInteger(seriesCount) || seriesCount < 1 || seriesCount > topic.series.max) {
    throw new RangeError(`topic '${topic.id}' allows 1 to ${topic.series.max} series, not ${seriesCount}`);
  }
  const first = rawValues(rng, topic, shape, draw);
  const series = [first];
  const span = topic.range.max - topic.range.min;
  for (let s = 1; s < seriesCount; s++) {
    if (shape === 'spread' && isLogScale(topic)) {
      const factor = uniform(rng, 0.85, 1.15);
      series.push(first.map((v) => v * factor * uniform(rng, 0.92, 1.08)));
    } else if (shape === 'spread') {
      const shift = span * uniform(rng, -0.08, 0.08);
      series.push(first.map((v) => v + shift + span * uniform(rng, -0.05, 0.05)));
    } else {
      series.push(rawValues(rng, topic, shape, draw));
    }
  }
  return series.map((values) => finish(topic, values));
}
