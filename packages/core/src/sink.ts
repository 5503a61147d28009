import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { access, constants, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import type { Modality } from './modality.js';
import type { GeneratedSample, RunPlan, SampleRecord } from './pipeline.js';
import { VERSION } from './version.js';
import type { WriterReport } from './writer.js';

/** What made a dataset; written last, so a folder with a manifest is a finished dataset. */
export interface Manifest {
  tool: { name: 'absynth'; version: string };
  scenario: { id: string; version: number };
  params: Record<string, unknown>;
  level: number;
  seed: number;
  start: number;
  count: number;
  size: { width: number; height: number } | null;
  theme: string;
  style: string;
  /** What the records show a model; datasets written before modalities existed are `image`. */
  modality: Modality;
  writer: string;
  /** What a writer that can reject replies did: questions worded, rejections by reason, tokens of the replies used. Absent for the template writer. */
  writerReport?: WriterReport;
  /** The resources the sampler read (see `SampleResources`), each by its name and version when it has them and a SHA-256 of its JSON. Absent when there were none. */
  resources?: Record<string, { name?: string; version?: string; sha256: string }>;
  tasks: readonly string[];
  /** `images` counts image files: 0 for a text-only dataset, else the number of records. */
  counts: { images: number; questions: number; byTask: Record<string, number> };
  /** `images` is null for a text-only dataset, which has no images folder. */
  files: { samples: 'samples.jsonl'; images: 'images' | null };
}

/** Each resource by its `name` and `version` fields when it has them, and a SHA-256 of its JSON. */
function describeResources(resources: Readonly<Record<string, unknown>>): NonNullable<Manifest['resources']> {
  const out: NonNullable<Manifest['resources']> = {};
  for (const name of Object.keys(resources).sort()) {
    const value = resources[name] as { name?: unknown; version?: unknown };
    out[name] = {
      ...(typeof value?.name === 'string' ? { name: value.name } : {}),
      ...(typeof value?.version === 'string' ? { version: value.version } : {}),
      sha256: createHash('sha256').update(JSON.stringify(resources[name])).digest('hex'),
    };
  }
  return out;
}

/** The files of the canonical dataset layout. */
export const datasetFiles = { manifest: 'manifest.json', samples: 'samples.jsonl', images: 'images' } as const;

/** Options for {@link DatasetWriter.open}. */
export interface DatasetWriterOptions {
  /** Replace an existing dataset in the folder; without it a non-empty folder is an error. */
  force?: boolean;
}

/**
 * Writes the canonical layout: `manifest.json`, `samples.jsonl` and `images/<id>.png` (no
 * images for text-only records). Every file is written under a temporary name and renamed into
 * place, and the manifest comes last, so an interrupted run never leaves a file that looks whole.
 */
export class DatasetWriter {
  readonly #dir: string;
  readonly #samples: FileHandle;
  readonly #byTask: Record<string, number> = {};
  #imagesFolder = false;
  #images = 0;
  #questions = 0;

  private constructor(dir: string, samples: FileHandle) {
    this.#dir = dir;
    this.#samples = samples;
  }

  /** Checks the folder (creating it if needed) and opens the dataset for writing. */
  static async open(dir: string, options: DatasetWriterOptions = {}): Promise<DatasetWriter> {
    await checkOutputDir(dir, options.force ?? false);
    if (options.force) {
      for (const name of Object.values(datasetFiles)) await rm(join(dir, name), { recursive: true, force: true });
    }
    await mkdir(dir, { recursive: true });
    const samples = await open(join(dir, `${datasetFiles.samples}.tmp`), 'w');
    return new DatasetWriter(dir, samples);
  }

  /** Writes one sample's image, if it has one, and appends its record. */
  async write(sample: GeneratedSample<unknown, Modality>): Promise<void> {
    const { png, svg: _svg, ...record } = sample;
    if ((png === null) !== (record.image === null)) {
      throw new TypeError(`sample "${record.id}" must have both an image path and PNG bytes, or neither`);
    }
    if (png !== null && record.image !== null) {
      await this.#ensureImagesFolder();
      const imagePath = join(this.#dir, record.image);
      await writeFile(`${imagePath}.tmp`, png);
      await rename(`${imagePath}.tmp`, imagePath);
      this.#images++;
    }
    await this.#samples.write(`${JSON.stringify(record satisfies SampleRecord)}\n`);
    this.#questions += record.qa.length;
    for (const q of record.qa) this.#byTask[q.task] = (this.#byTask[q.task] ?? 0) + 1;
  }

  async #ensureImagesFolder(): Promise<void> {
    if (this.#imagesFolder) return;
    await mkdir(join(this.#dir, datasetFiles.images), { recursive: true });
    this.#imagesFolder = true;
  }

  /** Finishes the dataset: renames `samples.jsonl` into place and writes the manifest. */
  async close(plan: RunPlan): Promise<Manifest> {
    const withImages = plan.modality !== 'text';
    // An image dataset has its images folder even when it holds no image (count 0).
    if (withImages) await this.#ensureImagesFolder();
    await this.#samples.close();
    await rename(join(this.#dir, `${datasetFiles.samples}.tmp`), join(this.#dir, datasetFiles.samples));
    const manifest: Manifest = {
      tool: { name: 'absynth', version: VERSION },
      scenario: { id: plan.scenario.id, version: plan.scenario.version },
      params: plan.params,
      level: plan.level,
      seed: plan.seed,
      start: plan.start,
      count: plan.count,
      size: plan.size ?? null,
      theme: plan.theme,
      style: plan.style,
      modality: plan.modality,
      writer: plan.writer.name,
      ...(plan.writer.report === undefined ? {} : { writerReport: plan.writer.report() }),
      ...(Object.keys(plan.resources).length === 0 ? {} : { resources: describeResources(plan.resources) }),
      tasks: plan.tasks,
      counts: { images: this.#images, questions: this.#questions, byTask: sortKeys(this.#byTask) },
      files: { samples: datasetFiles.samples, images: withImages ? datasetFiles.images : null },
    };
    const manifestPath = join(this.#dir, datasetFiles.manifest);
    await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(`${manifestPath}.tmp`, manifestPath);
    return manifest;
  }

  /** Abandons the dataset after an error, removing the temporary samples file. */
  async abort(): Promise<void> {
    await this.#samples.close().catch(() => {});
    await rm(join(this.#dir, `${datasetFiles.samples}.tmp`), { force: true });
  }
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Throws a {@link UsageError} unless `dir` can hold a new dataset: it is absent, or an empty
 * folder, or `force` is set; and it is writable. Creates nothing.
 */
export async function checkOutputDir(dir: string, force: boolean): Promise<void> {
  let existing: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    existing = await stat(dir);
  } catch {
    existing = undefined;
  }
  if (existing === undefined) {
    const parent = await nearestExistingParent(dir);
    if (!(await stat(parent)).isDirectory()) {
      throw new UsageError(`cannot create output folder "${dir}": "${parent}" is not a folder`);
    }
    await assertWritable(parent, dir);
    return;
  }
  if (!existing.isDirectory()) throw new UsageError(`output "${dir}" exists and is not a folder`);
  await assertWritable(dir, dir);
  if (!force && (await readdir(dir)).length > 0) {
    throw new UsageError(`output folder "${dir}" is not empty; choose an empty folder or pass --force to replace it`);
  }
}

async function nearestExistingParent(dir: string): Promise<string> {
  let current = join(dir, '..');
  for (;;) {
    try {
      await stat(current);
      return current;
    } catch {
      const up = join(current, '..');
      if (up === current) return current;
      current = up;
    }
  }
}

async function assertWritable(path: string, dir: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch {
    throw new UsageError(`output folder "${dir}" is not writable`);
  }
}
