import { describe, expect, it } from 'vitest';
import { type CategorySetName, categorySetNames, categorySets, drawCategories, firstYear, lastYear } from '../categories.js';
import { sfc32 } from './seeded.js';

describe('category sets', () => {
  it('have the promised sizes and distinct members', () => {
    expect(categorySets.countries.members.length).toBeGreaterThanOrEqual(30);
    expect(categorySets.cities.members.length).toBeGreaterThanOrEqual(30);
    expect(categorySets.products.members.length).toBeGreaterThanOrEqual(20);
    expect(categorySets.months.members).toHaveLength(12);
    expect(categorySets.quarters.members).toHaveLength(4);
    expect(categorySets.weekdays.members).toHaveLength(7);
    expect(categorySets.years.members).toHaveLength(lastYear - firstYear + 1);
    for (const name of categorySetNames) {
      const members = categorySets[name].members as readonly string[];
      expect(new Set(members).size, name).toBe(members.length);
    }
  });

  it('draw k distinct members, contiguous for ordered and cyclic sets', () => {
    let seed = 0;
    for (const name of categorySetNames) {
      const set = categorySets[name];
      for (const k of [1, 3, set.members.length]) {
        const draw = drawCategories(sfc32(seed++), name as CategorySetName, k);
        expect(draw.labels).toHaveLength(k);
        expect(new Set(draw.labels).size).toBe(k);
        expect(draw.labels).toEqual(draw.positions.map((p) => set.members[p]));
        if (set.order !== 'nominal') expect(draw.positions).toEqual(draw.positions.map((_, i) => draw.positions[0]! + i));
      }
    }
  });

  it('draw deterministically and reject impossible counts', () => {
    expect(drawCategories(sfc32(5), 'countries', 6)).toEqual(drawCategories(sfc32(5), 'countries', 6));
    expect(() => drawCategories(sfc32(5), 'quarters', 5)).toThrow(/cannot draw 5/);
    expect(() => drawCategories(sfc32(5), 'months', 0)).toThrow(RangeError);
  });
});
