import { type ChatMessage, type LlmReply, type LlmRequest, rngFromKey, rougeL } from '@absynth/core';
import { categorySetNames } from './categories.js';
import { loadLibrary } from './load.js';
import { type Library, type Topic, titlePlaceholders, topicJsonSchema, topicSchema } from './schema.js';

/** What topic growth needs from a model client (an `LlmClient` of `@absynth/core` is one). */
export interface TopicModel {
  complete(request: LlmRequest): Promise<LlmReply>;
}

/** Options of {@link growTopics}. */
export interface GrowOptions {
  /** How many new topics to keep. */
  count: number;
  /** The library to grow: in-context examples come from it and new topics must differ from it. */
  library: Library;
  /** Seed of the choice of examples; default 1. */
  seed?: number;
  /** Examples shown per request; default 4. */
  examples?: number;
  /** Topics asked for per request; default 8. */
  batch?: number;
  /** Most requests; default enough for `count` three times over. */
  maxRequests?: number;
  /** ROUGE-L above which a proposal is a near-duplicate of a topic already known; default 0.6 (the paper's). */
  duplicateThreshold?: number;
  /** Name and version of the file written; default `grown topics`, `1.0.0`. */
  name?: string;
  version?: string;
}

/** What growth did, for the command's summary. */
export interface GrowReport {
  requests: number;
  proposed: number;
  accepted: number;
  /** Proposals the schema rejected, with the first problem of each. */
  invalid: { id: string; problem: string }[];
  /** Proposals too close to a known topic (ROUGE-L of the measures above the threshold), with the topic they repeat. */
  duplicates: { id: string; like: string; score: number }[];
  /** Replies that were not a JSON object with a topics list, refusals or empty. */
  unusable: number;
}

const rules = [
  'You extend a library of topics for synthetic charts and tables. Each topic is one measurable quantity people read in charts: its measure, unit, plausible value range, the category sets its values are broken down by, the sets that may name several series, value shapes, and title patterns.',
  `Title patterns may use only these placeholders: ${Object.keys(titlePlaceholders).map((p) => `{${p}}`).join(', ')}.`,
  `Category sets (for "categories" and "series.sets") must be names from: ${categorySetNames.join(', ')}.`,
  'Value shapes: trend-up and trend-down and flat and peak fit ordered or cyclic sets (years, months); seasonal fits cyclic sets; spread fits unordered sets (countries, cities, products); share means percentages of a whole summing to 100 and requires unit symbol "%" and range 0 to 100.',
  'The range must use no more decimals than the unit; "negative" is true exactly when min is below zero; series.max is 1 for a single series, else up to 8 with at least one set in series.sets.',
  'Propose topics that are new: a different measure from every example and every known measure listed, in any of the domains economy, energy, health, education, sport, science, transport, climate, society.',
  'Reply with one JSON object {"topics": [...]} whose entries follow this JSON Schema exactly:',
].join(' ');

/** The request for one batch: the rules, the schema, a few example topics and the measures to avoid. */
export function growMessages(examples: readonly Topic[], known: readonly string[], batch: number): ChatMessage[] {
  return [
    { role: 'system', content: `${rules} ${JSON.stringify(topicJsonSchema())}` },
    { role: 'user', content: JSON.stringify({ count: batch, examples, knownMeasures: known }) },
  ];
}

function firstProblem(result: ReturnType<typeof topicSchema.safeParse>): string {
  if (result.success) return '';
  const issue = result.error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.map(String).join('.') || '(topic)'}: ${issue.message}`;
}

/**
 * Grows a topic library the paper's way: each request shows a few existing topics as examples and
 * asks for new ones; every proposal is validated by the library's own schema, dropped when its
 * measure is a near-duplicate (ROUGE-L above 0.6) of a known or already accepted one, and kept
 * otherwise, until `count` are kept or the requests run out. The result is a versioned library
 * of the new topics only, valid for `loadLibrary`.
 */
export async function growTopics(model: TopicModel, options: GrowOptions): Promise<{ library: Library; report: GrowReport }> {
  const batch = options.batch ?? 8;
  const threshold = options.duplicateThreshold ?? 0.6;
  const maxRequests = options.maxRequests ?? Math.max(3, Math.ceil((3 * options.count) / batch));
  const report: GrowReport = { requests: 0, proposed: 0, accepted: 0, invalid: [], duplicates: [], unusable: 0 };
  const accepted: Topic[] = [];
  const ids = new Set(options.library.topics.map((t) => t.id));
  const measures = options.library.topics.map((t) => ({ id: t.id, measure: t.measure }));
  while (accepted.length < options.count && report.requests < maxRequests) {
    const rng = rngFromKey(`topics-grow\u0000${options.seed ?? 1}\u0000${report.requests}`);
    const examples = rng.sample(options.library.topics, Math.min(options.examples ?? 4, options.library.topics.length));
    report.requests++;
    const reply = await model.complete({ messages: growMessages(examples, measures.map((m) => m.measure), batch), json: true });
    let proposals: unknown[];
    try {
      const parsed = JSON.parse(reply.content) as { topics?: unknown };
      if (reply.refusal || !Array.isArray(parsed.topics)) throw new Error('no topics');
      proposals = parsed.topics;
    } catch {
      report.unusable++;
      continue;
    }
    for (const proposal of proposals) {
      if (accepted.length >= options.count) break;
      report.proposed++;
      const id = typeof (proposal as { id?: unknown })?.id === 'string' ? (proposal as { id: string }).id : '(no id)';
      const result = topicSchema.safeParse(proposal);
      if (!result.success) {
        report.invalid.push({ id, problem: firstProblem(result) });
        continue;
      }
      const topic = result.data;
      if (ids.has(topic.id)) {
        report.invalid.push({ id, problem: 'id: already in the library' });
        continue;
      }
      const closest = measures.reduce<{ id: string; score: number }>(
        (best, m) => {
          const score = rougeL(topic.measure.toLowerCase(), m.measure.toLowerCase());
          return score > best.score ? { id: m.id, score } : best;
        },
        { id: '', score: 0 },
      );
      if (closest.score > threshold) {
        report.duplicates.push({ id: topic.id, like: closest.id, score: Math.round(closest.score * 1000) / 1000 });
        continue;
      }
      accepted.push(topic);
      ids.add(topic.id);
      measures.push({ id: topic.id, measure: topic.measure });
    }
  }
  report.accepted = accepted.length;
  const library = loadLibrary({ name: options.name ?? 'grown topics', version: options.version ?? '1.0.0', topics: accepted });
  return { library, report };
}
