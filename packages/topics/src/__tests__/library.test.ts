import { describe, expect, it } from 'vitest';
import { categorySets } from '../categories.js';
import { embeddedLibrary } from '../library.js';
import { loadLibrary } from '../load.js';
import { domains, librarySchema, placeholdersOf, topicJsonSchema, topicSchema } from '../schema.js';

const topics = embeddedLibrary.topics;

describe('embedded library', () => {
  it('validates against the same schema as grown files', () => {
    expect(() => librarySchema.parse(embeddedLibrary)).not.toThrow();
    expect(loadLibrary(JSON.parse(JSON.stringify(embeddedLibrary)))).toEqual(embeddedLibrary);
    for (const topic of topics) expect(topicSchema.safeParse(topic).success, topic.id).toBe(true);
  });

  it('has a semver version', () => {
    expect(embeddedLibrary.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has at least 200 topics with unique ids', () => {
    expect(topics.length).toBeGreaterThanOrEqual(200);
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
  });

  it('has at least 15 topics in every domain', () => {
    for (const domain of domains) {
      expect(topics.filter((t) => t.domain === domain).length, domain).toBeGreaterThanOrEqual(15);
    }
  });

  it('references only existing category sets, with enough members', () => {
    for (const topic of topics) {
      for (const name of [...topic.categories, ...topic.series.sets]) {
        expect(categorySets[name], `${topic.id}: ${name}`).toBeDefined();
        expect(categorySets[name].members.length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('has sane ranges and units', () => {
    for (const topic of topics) {
      expect(topic.range.min, topic.id).toBeLessThan(topic.range.max);
      expect(topic.range.negative, topic.id).toBe(topic.range.min < 0);
      // At the unit's precision a range must hold many distinct values, or charts would show ties.
      expect((topic.range.max - topic.range.min) * 10 ** topic.unit.decimals, topic.id).toBeGreaterThanOrEqual(20);
      expect(topic.unit.name.length, topic.id).toBeGreaterThan(0);
    }
  });

  it('has titles that mention the measure and fit with any chart', () => {
    for (const topic of topics) {
      expect(topic.titles.some((t) => placeholdersOf(t).length === 1 && t === '{measure}'), topic.id).toBe(true);
    }
  });

  it('covers every value shape and every category set somewhere', () => {
    const shapes = new Set(topics.flatMap((t) => t.shapes));
    expect(shapes.size).toBe(7);
    const sets = new Set(topics.flatMap((t) => [...t.categories, ...t.series.sets]));
    expect([...Object.keys(categorySets)].filter((s) => !sets.has(s as never))).toEqual([]);
  });
});

describe('topicJsonSchema', () => {
  it('describes every topic field, for prompting a model', () => {
    const schema = topicJsonSchema() as { properties: Record<string, { description?: string }>; required: string[] };
    expect(schema.required).toEqual(['id', 'domain', 'measure', 'titles', 'unit', 'range', 'categories', 'series', 'shapes']);
    for (const [field, property] of Object.entries(schema.properties)) expect(property.description, field).toBeTruthy();
  });
});
