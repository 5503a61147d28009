import type { z } from 'zod';
import { embeddedLibrary } from './library.js';
import { type Library, librarySchema } from './schema.js';

/** Thrown when a library file does not match the schema; each message names the topic id and the field. */
export class TopicLibraryError extends Error {
  /** One line per problem, e.g. "topic 'rainfall' (topics[3]) unit.decimals: Too big: expected number to be <=3". */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid topic library:\n  ${problems.join('\n  ')}`);
    this.name = 'TopicLibraryError';
    this.problems = problems;
  }
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const [head, index, ...field] = issue.path;
  if (head === 'topics' && typeof index === 'number') {
    const raw = (json as { topics?: unknown[] }).topics?.[index];
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? `'${(raw as { id: string }).id}'` : '(no id)';
    const where = field.length > 0 ? field.map(String).join('.') : '(topic)';
    return `topic ${id} (topics[${index}]) ${where}: ${issue.message}`;
  }
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
  return `${where}: ${issue.message}`;
}

/** Validates parsed JSON as a topic library and returns it typed; throws a `TopicLibraryError` naming each bad topic and field. */
export function loadLibrary(json: unknown): Library {
  const result = librarySchema.safeParse(json);
  if (!result.success) throw new TopicLibraryError(result.error.issues.map((issue) => describeIssue(issue, json)));
  return result.data;
}

/** Adds the topics of `extra` whose ids `base` lacks (on a clash `base` wins); the result keeps `base`'s name and version, so record both files' versions in provenance. */
export function mergeLibraries(base: Library, extra: Library): Library {
  const known = new Set(base.topics.map((t) => t.id));
  return { name: base.name, version: base.version, topics: [...base.topics, ...extra.topics.filter((t) => !known.has(t.id))] };
}

const validated = new WeakMap<object, Library>();

/**
 * The topic library a run's samplers use: `resources.topics` when the run was given one (a grown
 * library merged into the embedded one, say; validated once per object), else the embedded
 * library.
 */
export function libraryOf(resources?: { readonly topics?: unknown }): Library {
  const given = resources?.topics;
  if (given === undefined) return embeddedLibrary;
  if (typeof given === 'object' && given !== null) {
    const known = validated.get(given);
    if (known !== undefined) return known;
    const library = loadLibrary(given);
    validated.set(given, library);
    return library;
  }
  return loadLibrary(given);
}
