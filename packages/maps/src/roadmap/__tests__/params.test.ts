import { describeParams, ParamsError, resolveParams } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { mostTurns, roadmapLevels } from '../params.js';
import { roadmap } from '../scenario.js';
import { roadmapAt } from './helpers.js';
import { key, pathTurns } from './reference.js';

/** The message of the ParamsError that `params` raise at level 3, or undefined when they are accepted. */
function refusal(params: Record<string, unknown>): string | undefined {
  try {
    resolveParams(roadmap, 3, params);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    return (error as Error).message;
  }
}

describe('road-map params a map cannot honour are refused, never silently changed', () => {
  it('refuses more turns than the map has room for, naming the fields (it used to draw 5 to 8 turns)', () => {
    const message = refusal({ size: 8, minTurns: 30, maxTurns: 30 });
    expect(message).toMatch(/- minTurns: must be at most 4 on a map of 8 × 8 cells at density 0\.36 .*size.*density.*\(got 30\)/);
  });

  it('refuses minTurns above maxTurns, naming both (it used to read maxTurns as minTurns)', () => {
    expect(refusal({ minTurns: 3, maxTurns: 1 })).toMatch(/- minTurns: must be at most maxTurns \(1\); set maxTurns as well \(got 3\)/);
    // The level's maxTurns counts too: level 3 has maxTurns 6.
    expect(refusal({ minTurns: 7, size: 40 })).toMatch(/minTurns: must be at most maxTurns \(6\)/);
  });

  it('reports a field out of its own range alone, without a second message about the combination', () => {
    const message = refusal({ minTurns: 31 }) ?? '';
    expect(message.match(/^ {2}- /gm)).toHaveLength(1);
    expect(message).toMatch(/- minTurns: .*30/);
  });

  it('draws the bound from size and the density up to 0.25', () => {
    expect([mostTurns(8, 0.36), mostTurns(18, 0.36), mostTurns(40, 0.5), mostTurns(40, 0.15), mostTurns(8, 0.15)]).toEqual([4, 6, 12, 8, 3]);
    for (const [size, density] of [
      [8, 0.15],
      [18, 0.36],
      [40, 0.5],
    ] as const) {
      const most = mostTurns(size, density);
      expect(refusal({ size, density, minTurns: most, maxTurns: most })).toBeUndefined();
      expect(refusal({ size, density, minTurns: most + 1, maxTurns: 30 })).toMatch(new RegExp(`minTurns: must be at most ${most} on a map of ${size} × ${size} cells`));
    }
  });

  it('accepts every level preset', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      const { size, density, minTurns } = roadmapLevels[level];
      expect(minTurns, `level ${level}`).toBeLessThanOrEqual(mostTurns(size, density));
      expect(() => resolveParams(roadmap, level)).not.toThrow();
    }
  });

  // The bound is what every map honours: asked for exactly that many turns, each map has them.
  it.each([
    { size: 8, density: 0.15 },
    { size: 8, density: 0.5 },
    { size: 14, density: 0.2 },
    { size: 18, density: 0.36 },
    { size: 27, density: 0.22 },
    { size: 40, density: 0.25 },
    { size: 40, density: 0.5 },
  ])('honours the most turns on a $size × $size map at density $density', ({ size, density }) => {
    const most = mostTurns(size, density);
    for (let index = 0; index < 25; index++) {
      const scene = roadmapAt(3, index, { size, density, minTurns: most, maxTurns: most });
      expect(pathTurns(scene.route.map(key)), `map ${index}`).toBe(most);
    }
  });

  it('states the rule in the description that describe and the docs show', () => {
    const minTurns = describeParams(roadmap).find((p) => p.name === 'minTurns');
    expect(minTurns?.description).toContain('at most maxTurns, and at most ⌊size × min(density, 0.25)⌋ + 2');
    expect(minTurns?.description).toContain(`(${mostTurns(18, 0.36)} on the default 18 × 18 map)`);
  });
});
