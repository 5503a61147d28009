import { z } from 'zod';
import { type CategoryOrder, categorySetNames, categorySets } from './categories.js';

/** The subject areas topics belong to; the embedded library covers every one. */
export const domains = [
  'economy', 'energy', 'health', 'education', 'sport', 'science', 'transport', 'climate', 'society',
] as const;

/** The value shapes a series can follow across its categories. */
export const valueShapes = ['trend-up', 'trend-down', 'flat', 'seasonal', 'peak', 'spread', 'share'] as const;

/** A value shape, such as `trend-up` or `share`. */
export type ValueShape = (typeof valueShapes)[number];

/** Which category order each shape needs: trends and peaks need a sequence, seasonality a cycle, spread and share fit any set. */
export const shapeNeeds: Record<ValueShape, readonly CategoryOrder[]> = {
  'trend-up': ['ordered', 'cyclic'],
  'trend-down': ['ordered', 'cyclic'],
  flat: ['ordered', 'cyclic'],
  seasonal: ['cyclic'],
  peak: ['ordered', 'cyclic'],
  // Independent values jump from one month or year to the next; along a sequence, use a shape.
  spread: ['nominal'],
  share: ['nominal', 'ordered', 'cyclic'],
};

/** The placeholders a title pattern may use, each with what fills it. */
export const titlePlaceholders = {
  measure: "the topic's measure, e.g. 'Unemployment rate'",
  unit: "the unit's name, e.g. 'percent'",
  place: 'a country or city the whole image is about, when neither the categories nor the series are places',
  from: 'the first label of an ordered run of categories, e.g. 2010',
  to: 'the last label of an ordered run of categories, e.g. 2020',
  year: 'a single year the image is a snapshot of',
} as const;

/** A title placeholder name, such as `measure` or `from`. */
export type TitlePlaceholder = keyof typeof titlePlaceholders;

const placeholderPattern = /\{([^{}]*)\}/g;

/** Lists the placeholders a title pattern uses, in order of appearance. */
export function placeholdersOf(pattern: string): string[] {
  return [...pattern.matchAll(placeholderPattern)].map((m) => m[1] ?? '');
}

/** A title pattern with `{placeholder}`s from `titlePlaceholders`. */
export const titlePatternSchema = z
  .string()
  .min(3)
  .max(120)
  .describe('A title pattern with {placeholders} from the documented set, e.g. "{measure} in {place}, {from}–{to}".')
  .superRefine((pattern, ctx) => {
    const unknown = placeholdersOf(pattern).filter((p) => !(p in titlePlaceholders));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}; allowed: ${Object.keys(titlePlaceholders).map((p) => `{${p}}`).join(', ')}`,
      });
    }
    if (pattern.replace(placeholderPattern, '').match(/[{}]/)) {
      ctx.addIssue({ code: 'custom', message: 'unbalanced brace in title pattern' });
    }
  });

/** The unit values are measured in. */
export const unitSchema = z
  .object({
    symbol: z.string().max(20).describe('What is printed next to a number, e.g. "%", "USD bn", "kWh"; empty for plain counts.'),
    name: z.string().min(1).max(40).describe('The unit in words for titles and questions, e.g. "percent", "billion US dollars".'),
    decimals: z.int().min(0).max(3).describe('How many decimals values are rounded to and printed with.'),
  })
  .describe('The unit values are measured in, with the precision they are rounded to.');

/** The plausible range of a topic's values. */
export const valueRangeSchema = z
  .object({
    min: z.number().describe('The smallest plausible value, in the unit.'),
    max: z.number().describe('The largest plausible value, in the unit.'),
    negative: z.boolean().describe('Whether values may be below zero (growth rates, temperatures, balances).'),
  })
  .describe('The plausible range every generated value stays inside.')
  .superRefine((range, ctx) => {
    if (!(range.min < range.max)) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${range.max}) must be greater than min (${range.min})` });
    if (range.min < 0 && !range.negative) ctx.addIssue({ code: 'custom', path: ['negative'], message: 'min is below zero, so negative must be true' });
    if (range.negative && range.min >= 0) ctx.addIssue({ code: 'custom', path: ['negative'], message: 'negative is true but min is not below zero' });
  });

/** The name of a category set, validated against the embedded sets. */
export const categorySetNameSchema = z.enum(categorySetNames).describe('The name of a category set, e.g. "countries" or "months".');

/** What the series of one image may be. */
export const seriesSchema = z
  .object({
    sets: z.array(categorySetNameSchema).describe('Category sets whose members can name the series, e.g. several countries compared; empty for a single series.'),
    max: z.int().min(1).max(8).describe('The most series one image may show; 1 for a single series.'),
  })
  .describe('The series an image of this topic may compare.')
  .superRefine((series, ctx) => {
    if (series.max > 1 && series.sets.length === 0) ctx.addIssue({ code: 'custom', path: ['sets'], message: 'more than one series needs at least one set to name them' });
  });

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One topic: what is measured, in which unit and range, over which categories, and with which value shapes. */
export const topicSchema = z
  .object({
    id: z.string().regex(kebabCase, 'id must be kebab-case, e.g. "unemployment-rate"').max(60).describe('A unique kebab-case id, e.g. "unemployment-rate".'),
    domain: z.enum(domains).describe('The subject area the topic belongs to.'),
    measure: z.string().min(2).max(60).describe('What is measured, in sentence case, e.g. "GDP growth".'),
    titles: z.array(titlePatternSchema).min(1).describe('Title patterns for images of this topic; the generator picks one whose placeholders it can fill.'),
    unit: unitSchema,
    range: valueRangeSchema,
    categories: z.array(categorySetNameSchema).min(1).describe('Category sets the categories (bars, points, rows) may come from.'),
    series: seriesSchema,
    shapes: z.array(z.enum(valueShapes)).min(1).describe('The value shapes the topic plausibly follows.'),
  })
  .superRefine((topic, ctx) => {
    for (const [i, name] of topic.categories.entries()) {
      const order = categorySets[name].order;
      if (!topic.shapes.some((shape) => shapeNeeds[shape].includes(order))) {
        ctx.addIssue({ code: 'custom', path: ['categories', i], message: `no shape of this topic fits the ${order} set '${name}'` });
      }
    }
    if (topic.shapes.includes('share')) {
      if (topic.unit.symbol !== '%') ctx.addIssue({ code: 'custom', path: ['unit', 'symbol'], message: "a topic with the 'share' shape must be in %" });
      if (topic.range.min !== 0 || topic.range.max !== 100) ctx.addIssue({ code: 'custom', path: ['range'], message: "a topic with the 'share' shape must range from 0 to 100" });
    }
    const step = 10 ** topic.unit.decimals;
    for (const bound of ['min', 'max'] as const) {
      const value = topic.range[bound];
      if (Math.abs(Math.round(value * step) - value * step) > 1e-6) {
        ctx.addIssue({ code: 'custom', path: ['range', bound], message: `${value} has more decimals than the unit's ${topic.unit.decimals}` });
      }
    }
  })
  .describe('One topic of the library.');

/** A library file: a named, versioned list of topics with unique ids. */
export const librarySchema = z
  .object({
    name: z.string().min(1).describe('What the library is, e.g. "absynth embedded topics" or "grown topics".'),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version must be semver, e.g. "1.0.0"').describe('The semver version of the library content; bump it whenever a topic changes.'),
    topics: z.array(topicSchema).describe('The topics, with unique ids.'),
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    for (const [i, topic] of library.topics.entries()) {
      if (seen.has(topic.id)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate id '${topic.id}'` });
      seen.add(topic.id);
    }
  })
  .describe('A topic library file.');

/** One topic, typed from the schema. */
export type Topic = z.infer<typeof topicSchema>;
/** A unit, typed from the schema. */
export type Unit = z.infer<typeof unitSchema>;
/** A value range, typed from the schema. */
export type ValueRange = z.infer<typeof valueRangeSchema>;
/** A library file, typed from the schema. */
export type Library = z.infer<typeof librarySchema>;
/** A domain, such as `economy`. */
export type Domain = (typeof domains)[number];

/** The JSON Schema of one topic, with every field's description, for prompting a model to propose topics in the right shape (cross-field rules are checked by `loadLibrary`). */
export function topicJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(topicSchema) as Record<string, unknown>;
}
