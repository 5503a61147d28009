import { answerSchema, questionKinds } from '@absynth/core';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { DatasetError } from './errors.js';
import { modalities } from './records.js';
import type { SampleRecord } from './records.js';
import type { Manifest } from './sink.js';
import { datasetFiles } from './sink.js';

const count = z.number().int().min(0);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

// Exporters link and copy the files records name, so a record must not reach outside its folder.
const pathInDataset = z
  .string()
  .min(1)
  .refine((path) => !isAbsolute(path) && !path.split(/[\\/]/).includes('..'), 'must be a relative path inside the dataset folder');

const qaSchema = z.object({
  id: z.string().min(1),
  task: z.string().min(1),
  kind: z.enum(questionKinds),
  question: z.string().min(1),
  answer: answerSchema,
  answerText: z.string().min(1),
  rationale: z.string(),
  regions: z.array(z.object({ id: z.string(), box })),
});

/**
 * One line of `samples.jsonl`. Records written before modalities existed have no `modality` or
 * `text` and read as image records.
 */
export const sampleRecordSchema = z
  .object({
    id: z.string().min(1),
    scenario: z.string().min(1),
    scenarioVersion: z.number().int().min(1),
    seed: count,
    index: count,
    level,
    params: z.record(z.string(), z.unknown()),
    theme: z.string(),
    style: z.enum(['crisp', 'sketch']),
    modality: z.enum(modalities).default('image'),
    image: pathInDataset.nullable(),
    width: z.number().int().min(1),
    height: z.number().int().min(1),
    text: z.string().nullable().default(null),
    scene: z.unknown().refine((scene) => scene !== undefined && scene !== null, 'is required'),
    qa: z.array(qaSchema),
  })
  .superRefine((record, ctx) => {
    if ((record.image === null) !== (record.modality === 'text')) {
      const problem = record.modality === 'text' ? 'must be null in a text record' : `is required in an ${record.modality} record`;
      ctx.addIssue({ code: 'custom', path: ['image'], message: problem });
    }
    if ((record.text === null) !== (record.modality === 'image')) {
      const problem = record.modality === 'image' ? 'must be null in an image record' : `is required in a ${record.modality} record`;
      ctx.addIssue({ code: 'custom', path: ['text'], message: problem });
    }
  });

/** `manifest.json`. Manifests written before modalities existed read as `image`. */
export const manifestSchema = z.object({
  tool: z.object({ name: z.literal('absynth'), version: z.string() }),
  // Exporters name files after the scenario, so its id must be the plain kind the contract allows.
  scenario: z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
    version: z.number().int().min(1),
    package: z.object({ name: z.string(), version: z.string() }).optional(),
  }),
  params: z.record(z.string(), z.unknown()),
  level,
  seed: count,
  start: count,
  count,
  size: z.object({ width: z.number().int(), height: z.number().int() }).nullable(),
  theme: z.string(),
  style: z.string(),
  modality: z.enum(modalities).default('image'),
  writer: z.string(),
  writerReport: z
    .object({
      questions: count,
      accepted: count,
      rejected: z.object({ wrong: count, malformed: count, refused: count, empty: count, failed: count }),
      tokens: z.object({ prompt: count, completion: count }),
    })
    .optional(),
  resources: z.record(z.string(), z.object({ name: z.string().optional(), version: z.string().optional(), sha256: z.string() })).optional(),
  tasks: z.array(z.string()),
  counts: z.object({ images: count, questions: count, byTask: z.record(z.string(), count) }),
  files: z.object({ samples: z.literal(datasetFiles.samples), images: z.literal(datasetFiles.images).nullable() }),
});

// Compile-time checks that the schemas read back what the writer's types describe.
const schemasMatchContract: [
  z.output<typeof sampleRecordSchema> extends SampleRecord ? true : false,
  z.output<typeof manifestSchema> extends Manifest ? true : false,
] = [true, true];
void schemasMatchContract;

/** A dataset folder opened for reading: its manifest, and its records as a stream. */
export interface Dataset {
  /** The folder, as given to {@link readDataset}. */
  dir: string;
  manifest: Manifest;
  /**
   * The records in file order, each line read and validated only when it is reached, so memory
   * stays flat whatever the dataset's size. Each iteration reads the file afresh.
   */
  samples: AsyncIterable<SampleRecord>;
}

/**
 * Opens the dataset in `dir`: reads and validates `manifest.json` now, and `samples.jsonl` line by
 * line as it is iterated. Throws a {@link DatasetError} naming the folder or file, and the line
 * and field, of the first problem.
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const folder = await stat(dir).catch(() => undefined);
  if (folder === undefined) throw new DatasetError(dir, undefined, 'no such dataset folder');
  if (!folder.isDirectory()) throw new DatasetError(dir, undefined, 'not a folder, so not a dataset');

  const manifestPath = join(dir, datasetFiles.manifest);
  const manifestText = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (manifestText === undefined) {
    throw new DatasetError(
      dir,
      undefined,
      `not a dataset: it has no ${datasetFiles.manifest} (absynth generate writes it last, so an unfinished run has none)`,
    );
  }
  const manifest = parseLine(manifestSchema, manifestText, manifestPath, undefined, 'malformed manifest');

  const samplesPath = join(dir, datasetFiles.samples);
  const samples = await stat(samplesPath).catch(() => undefined);
  // Not `isFile()`: a named pipe (a decompressor's output, say) reads as well as a file.
  if (samples === undefined || samples.isDirectory()) {
    throw new DatasetError(samplesPath, undefined, `missing, though ${datasetFiles.manifest} is there`);
  }
  return { dir, manifest, samples: { [Symbol.asyncIterator]: () => readSamples(samplesPath, manifest) } };
}

async function* readSamples(path: string, manifest: Manifest): AsyncGenerator<SampleRecord> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let records = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      // Blank lines carry nothing; they appear where files were joined by hand.
      if (line.trim() === '') continue;
      const record = parseLine(sampleRecordSchema, line, path, lineNumber, 'malformed record');
      if (record.scenario !== manifest.scenario.id) {
        throw new DatasetError(path, lineNumber, `scenario: "${record.scenario}", but the manifest is for "${manifest.scenario.id}"`);
      }
      if (record.modality !== manifest.modality) {
        throw new DatasetError(path, lineNumber, `modality: ${record.modality}, but the manifest says ${manifest.modality}`);
      }
      records++;
      yield record;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (records !== manifest.count) {
    throw new DatasetError(path, undefined, `${records} records, but the manifest counts ${manifest.count}; the file is incomplete or altered`);
  }
}

/** Parses one JSON text against `schema`, naming the file, line and fields in any error. */
function parseLine<T extends z.ZodType>(schema: T, text: string, file: string, line: number | undefined, what: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(file, line, `not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((issue) => `${fieldName(issue.path)}: ${issue.message}`);
  const more = result.error.issues.length - issues.length;
  throw new DatasetError(file, line, `${what}: ${issues.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
}

/** A zod issue path as people write it: `qa[0].answer.value`, or `(the whole line)`. */
function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole value)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
