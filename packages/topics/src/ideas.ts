import { type ChatMessage, type LlmReply, type LlmRequest, rougeL } from '@absynth/core';
import { z } from 'zod';
import { unitSchema } from './schema.js';

/** The chart kinds a proposed idea may ask for (scatter plots need two measures, so they are not proposed). */
export const ideaKinds = ['bar', 'horizontal-bar', 'grouped-bar', 'stacked-bar', 'line', 'multi-line', 'area', 'pie', 'doughnut'] as const;

const singleKinds: ReadonlySet<string> = new Set(['bar', 'horizontal-bar', 'line', 'area', 'pie', 'doughnut']);
const sequenceKinds: ReadonlySet<string> = new Set(['line', 'multi-line', 'area']);

function decimalsOf(value: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-6) return d;
  return 7;
}

/**
 * One model-proposed piece of content: a chart idea (kind, title, measure and unit, categories,
 * series with values) that charts draw as it says and tables lay out as rows and columns. Every
 * answer is then computed from these validated values.
 */
export const contentIdeaSchema = z
  .object({
    title: z.string().min(3).max(90).describe('The chart title, e.g. "Museum visits in Lisbon, 2015–2022".'),
    kind: z.enum(ideaKinds).describe('The chart type; a single series for bar, horizontal-bar, line, area, pie and doughnut, 2 to 4 for grouped-bar, stacked-bar and multi-line.'),
    measure: z.string().min(2).max(60).describe('What is measured, in sentence case, e.g. "Museum visits".'),
    unit: unitSchema,
    categoryNoun: z.string().min(2).max(30).describe('What one category is, in the singular, e.g. "year" or "city".'),
    categories: z.array(z.string().min(1).max(24)).min(3).max(12).describe('The categories in order: bars, points along the axis, or slices.'),
    series: z
      .array(
        z.object({
          label: z.string().min(1).max(28).describe('The series name shown in the legend, e.g. a city or a year; the measure itself for a single series.'),
          values: z.array(z.number()).describe('One value per category, in the unit, with at most the unit\'s decimals.'),
        }),
      )
      .min(1)
      .max(4),
  })
  .superRefine((idea, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (new Set(idea.categories).size !== idea.categories.length) issue(['categories'], 'categories must be unique');
    if (new Set(idea.series.map((s) => s.label)).size !== idea.series.length) issue(['series'], 'series labels must be unique');
    const single = singleKinds.has(idea.kind);
    if (single && idea.series.length !== 1) issue(['series'], `a ${idea.kind} chart has exactly one series`);
    if (!single && idea.series.length < 2) issue(['series'], `a ${idea.kind} chart compares 2 to 4 series`);
    if (sequenceKinds.has(idea.kind) && idea.categories.length < 4) issue(['categories'], `a ${idea.kind} chart needs at least 4 categories along its axis`);
    idea.series.forEach((series, s) => {
      if (series.values.length !== idea.categories.length) issue(['series', s, 'values'], `has ${series.values.length} values for ${idea.categories.length} categories`);
      series.values.forEach((v, i) => {
        if (!Number.isFinite(v)) issue(['series', s, 'values', i], 'must be a finite number');
        else if (decimalsOf(v) > idea.unit.decimals) issue(['series', s, 'values', i], `${v} has more decimals than the unit's ${idea.unit.decimals}`);
        if ((idea.kind === 'stacked-bar' || idea.kind === 'pie' || idea.kind === 'doughnut') && v < 0) issue(['series', s, 'values', i], 'must not be negative');
      });
    });
    if (idea.kind === 'pie' || idea.kind === 'doughnut') {
      if (idea.unit.symbol !== '%') issue(['unit', 'symbol'], 'pie and doughnut slices are shares in %');
      if (idea.categories.length > 8) issue(['categories'], 'a pie or doughnut has at most 8 slices');
      const total = (idea.series[0]?.values ?? []).reduce((a, b) => a + b, 0);
      if (Math.abs(total - 100) > 10 ** -idea.unit.decimals / 2) issue(['series', 0, 'values'], `slices add up to ${total}, not 100`);
    }
    const all = idea.series.flatMap((s) => s.values);
    if (all.length > 0 && all.every((v) => v === all[0])) issue(['series'], 'all values are equal: nothing to compare');
  })
  .describe('A chart or table idea with its data.');

/** A proposed idea, typed from the schema. */
export type ContentIdea = z.infer<typeof contentIdeaSchema>;

/** A file of proposed ideas: named and versioned like a topic library. */
export const ideaFileSchema = z.object({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version must be semver, e.g. "1.0.0"'),
  ideas: z.array(contentIdeaSchema).min(1),
});

/** An idea file, typed. */
export type IdeaFile = z.infer<typeof ideaFileSchema>;

const checked = new WeakMap<object, IdeaFile>();

/** The run's proposed ideas (`resources.ideas`, validated once per object), or `undefined` when the run has none. */
export function ideasOf(resources?: { readonly ideas?: unknown }): IdeaFile | undefined {
  const given = resources?.ideas;
  if (given === undefined) return undefined;
  if (typeof given === 'object' && given !== null) {
    const known = checked.get(given);
    if (known !== undefined) return known;
  }
  const result = ideaFileSchema.safeParse(given);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`invalid ideas: ${first?.path.map(String).join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  if (typeof given === 'object' && given !== null) checked.set(given, result.data);
  return result.data;
}

/** What proposing needs from a model client (an `LlmClient` of `@absynth/core` is one). */
export interface IdeaModel {
  complete(request: LlmRequest): Promise<LlmReply>;
}

/** What proposing did. */
export interface ProposeReport {
  requests: number;
  proposed: number;
  accepted: number;
  invalid: { title: string; problem: string }[];
  duplicates: { title: string; like: string }[];
  unusable: number;
}

const example: ContentIdea = {
  title: 'Bicycle trips in Utrecht by month, 2023',
  kind: 'line',
  measure: 'Bicycle trips',
  unit: { symbol: 'k', name: 'thousand trips', decimals: 0 },
  categoryNoun: 'month',
  categories: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'],
  series: [{ label: 'Bicycle trips', values: [412, 398, 455, 520, 588, 610] }],
};

/** The request for one batch of ideas: the schema, the rules, an example and the titles to avoid. */
export function proposeMessages(batch: number, known: readonly string[]): ChatMessage[] {
  const system = [
    'You propose realistic data for charts and tables that people read every day (economy, energy, health, education, sport, science, transport, climate, society).',
    'Each idea gives a chart type, a title, the measure and unit, the categories and one series of values per compared group. Values must be plausible for the measure (trends, seasons, differences between places), not random.',
    'Pie and doughnut ideas are shares in % summing to exactly 100. Line and area charts run along ordered categories (years, months, hours).',
    `Reply with one JSON object {"ideas": [...]} whose entries follow this JSON Schema: ${JSON.stringify(z.toJSONSchema(contentIdeaSchema))}`,
  ].join(' ');
  return [
    { role: 'system', content: system },
    { role: 'user', content: JSON.stringify({ count: batch, example, avoidTitles: known }) },
  ];
}

/**
 * Asks a model for chart and table ideas with their data, keeping those the schema accepts (types,
 * lengths, decimals, shares adding up to 100…) whose titles are not near-duplicates (ROUGE-L above
 * 0.6) of one already kept. Answers are never taken from the model: the generators compute them
 * from the kept values.
 */
export async function proposeIdeas(model: IdeaModel, options: { count: number; batch?: number; maxRequests?: number; name?: string; version?: string }): Promise<{ file: IdeaFile; report: ProposeReport }> {
  const batch = options.batch ?? 6;
  const maxRequests = options.maxRequests ?? Math.max(3, Math.ceil((3 * options.count) / batch));
  const report: ProposeReport = { requests: 0, proposed: 0, accepted: 0, invalid: [], duplicates: [], unusable: 0 };
  const kept: ContentIdea[] = [];
  while (kept.length < options.count && report.requests < maxRequests) {
    report.requests++;
    const reply = await model.complete({ messages: proposeMessages(batch, kept.map((i) => i.title)), json: true });
    let proposals: unknown[];
    try {
      const parsed = JSON.parse(reply.content) as { ideas?: unknown };
      if (reply.refusal || !Array.isArray(parsed.ideas)) throw new Error('no ideas');
      proposals = parsed.ideas;
    } catch {
      report.unusable++;
      continue;
    }
    for (const proposal of proposals) {
      if (kept.length >= options.count) break;
      report.proposed++;
      const title = typeof (proposal as { title?: unknown })?.title === 'string' ? (proposal as { title: string }).title : '(no title)';
      const result = contentIdeaSchema.safeParse(proposal);
      if (!result.success) {
        const first = result.error.issues[0];
        report.invalid.push({ title, problem: `${first?.path.map(String).join('.') || '(idea)'}: ${first?.message ?? 'invalid'}` });
        continue;
      }
      const like = kept.find((k) => rougeL(result.data.title.toLowerCase(), k.title.toLowerCase()) > 0.6);
      if (like !== undefined) {
        report.duplicates.push({ title, like: like.title });
        continue;
      }
      kept.push(result.data);
    }
  }
  report.accepted = kept.length;
  return { file: { name: options.name ?? 'proposed ideas', version: options.version ?? '1.0.0', ideas: kept }, report };
}
