import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '@absynth/core';
import { LlmClient } from '@absynth/engine';
import { embeddedLibrary, growTopics, type IdeaFile, ideaFileSchema, type Library, loadLibrary, mergeLibraries, proposeIdeas, TopicLibraryError } from '@absynth/topics';
import type { TextOutput } from './io.js';
import { parseNonNegativeInteger } from './options.js';

/** The flags of `absynth topics grow`. */
export interface GrowFlags {
  count: string;
  out: string;
  from?: string;
  baseUrl?: string;
  model: string;
  seed: string;
  cache: string;
  maxRetryWait: string;
  force?: boolean;
}

/** Reads and validates a topic library file; a bad file is a usage error naming the file, each bad topic and field. */
export async function readTopicLibrary(file: string, cwd: string, flag: string): Promise<Library> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${file} is not JSON: ${(error as Error).message}`);
  }
  try {
    return loadLibrary(json);
  } catch (error) {
    if (error instanceof TopicLibraryError) throw new UsageError(`${flag} ${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The library a run with `--topics` uses: the embedded topics and the file's (the embedded one wins
 * an id clash), named after both so the manifest records where the topics came from.
 */
export function runLibrary(grown: Library): Library {
  const merged = mergeLibraries(embeddedLibrary, grown);
  return { ...merged, name: `${embeddedLibrary.name} ${embeddedLibrary.version} + ${grown.name}`, version: grown.version };
}

/** Runs `absynth topics grow`: asks a model for new topics, keeps the valid and new ones, writes a versioned library file. */
export async function growTopicLibrary(flags: GrowFlags, io: { stdout: TextOutput; cwd: string }): Promise<void> {
  const count = parseNonNegativeInteger('--count', flags.count);
  if (count < 1) throw new UsageError('invalid --count 0: ask for at least one topic');
  const seed = parseNonNegativeInteger('--seed', flags.seed);
  const out = resolve(io.cwd, flags.out);
  if (!out.endsWith('.json')) throw new UsageError(`invalid --out ${flags.out}: the library is a .json file`);
  if (existsSync(out) && !flags.force) throw new UsageError(`--out ${flags.out} exists; pass --force to replace it`);
  const base = flags.from === undefined ? embeddedLibrary : runLibrary(await readTopicLibrary(flags.from, io.cwd, '--from'));
  const client = new LlmClient({
    baseURL: flags.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    model: flags.model,
    maxRetryWaitMs: parseNonNegativeInteger('--max-retry-wait', flags.maxRetryWait) * 1000,
    cacheDir: flags.cache === 'none' ? null : resolve(io.cwd, flags.cache),
  });
  const { library, report } = await growTopics(client, { count, library: base, seed });
  const temporary = `${out}.tmp`;
  await writeFile(temporary, `${JSON.stringify(library, null, 2)}\n`);
  await rename(temporary, out);
  const stats = client.stats();
  io.stdout.write(
    `${report.accepted} new topics (of ${count} asked) -> ${flags.out}; ${report.proposed} proposed in ${report.requests} requests: ` +
      `${report.invalid.length} invalid, ${report.duplicates.length} near-duplicates (ROUGE-L > 0.6), ${report.unusable} unusable replies; ` +
      `${stats.cacheHits} from the cache, tokens ${stats.promptTokens} prompt + ${stats.completionTokens} completion spent\n`,
  );
  for (const { id, problem } of report.invalid.slice(0, 10)) io.stdout.write(`  invalid ${id}: ${problem}\n`);
  for (const { id, like, score } of report.duplicates.slice(0, 10)) io.stdout.write(`  near-duplicate ${id} of ${like} (${score})\n`);
}

/** Reads and validates a file of proposed ideas; a bad file is a usage error naming the idea and field. */
export async function readIdeaFile(file: string, cwd: string, flag: string): Promise<IdeaFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === undefined ? `${flag} ${file} is not JSON: ${(error as Error).message}` : `cannot read ${flag} ${file}: ${code}`);
  }
  const result = ideaFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`${flag} ${file}: ${issue?.path.map(String).join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** The flags of `absynth propose`. */
export interface ProposeFlags {
  count: string;
  out: string;
  baseUrl?: string;
  model: string;
  cache: string;
  maxRetryWait: string;
  force?: boolean;
}

/** Runs `absynth propose`: asks a model for chart and table ideas with data, keeps the valid, distinct ones, writes a versioned file for generate --ideas. */
export async function proposeContent(flags: ProposeFlags, io: { stdout: TextOutput; cwd: string }): Promise<void> {
  const count = parseNonNegativeInteger('--count', flags.count);
  if (count < 1) throw new UsageError('invalid --count 0: ask for at least one idea');
  const out = resolve(io.cwd, flags.out);
  if (!out.endsWith('.json')) throw new UsageError(`invalid --out ${flags.out}: the ideas are a .json file`);
  if (existsSync(out) && !flags.force) throw new UsageError(`--out ${flags.out} exists; pass --force to replace it`);
  const client = new LlmClient({
    baseURL: flags.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    model: flags.model,
    maxRetryWaitMs: parseNonNegativeInteger('--max-retry-wait', flags.maxRetryWait) * 1000,
    cacheDir: flags.cache === 'none' ? null : resolve(io.cwd, flags.cache),
  });
  const { file, report } = await proposeIdeas(client, { count });
  const summary =
    `${report.proposed} proposed in ${report.requests} requests: ${report.invalid.length} invalid, ` +
    `${report.duplicates.length} near-duplicate titles (ROUGE-L > 0.6), ${report.unusable} unusable replies`;
  const details = [
    ...report.invalid.slice(0, 10).map(({ title, problem }) => `  invalid "${title}": ${problem}\n`),
    ...report.duplicates.slice(0, 10).map(({ title, like }) => `  near-duplicate "${title}" of "${like}"\n`),
  ].join('');
  if (file.ideas.length === 0) throw new UsageError(`no usable idea: ${summary}\n${details}`);
  const temporary = `${out}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`);
  await rename(temporary, out);
  io.stdout.write(`${report.accepted} ideas (of ${count} asked) -> ${flags.out}; ${summary}\n${details}`);
}
