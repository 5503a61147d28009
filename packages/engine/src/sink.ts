import { UsageError } from '@absynth/core';
import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { access, constants, mkdir, open, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeCause, makeFolders, removeFolders, step } from './folders.js';
import type { Modality } from './records.js';
import type { GeneratedSample, SampleRecord } from './records.js';
import type { RunPlan } from './plan.js';
import { VERSION } from './version.js';
import type { WriterReport } from './writer.js';

/** What made a dataset; written last, so a folder with a manifest is a finished dataset. */
export interface Manifest {
  tool: { name: 'absynth'; version: string };
  /** The scenario, and the package it came from when the run knew it (`generate({ origin })`; the CLI always does). */
  scenario: { id: string; version: number; package?: { name: string; version: string } };
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

/** The dataset's entries in the order they move into place: the manifest last, so a folder with a manifest is finished. */
const entriesIn = [datasetFiles.images, datasetFiles.samples, datasetFiles.manifest] as const;

/**
 * Writes the canonical layout: `manifest.json`, `samples.jsonl` and `images/<id>.png` (no
 * images for text-only records). Everything is written into a staging folder beside the output
 * folder (`.<name>.absynth-<random>`) and moves into place only on {@link DatasetWriter.close}:
 * a run that fails or is abandoned (a full disk, a refused model key, an interrupt) removes the
 * staging folder and leaves the output folder exactly as it was, the dataset it held included.
 * With `force`, the old dataset's files are swapped out only once the new one is complete; other
 * files in the folder stay.
 */
export class DatasetWriter {
  /** The output folder. */
  readonly dir: string;
  readonly #staging: string;
  readonly #created: readonly string[];
  readonly #samples: FileHandle;
  readonly #byTask: Record<string, number> = {};
  #imagesFolder = false;
  #images = 0;
  #questions = 0;

  private constructor(dir: string, staging: string, created: readonly string[], samples: FileHandle) {
    this.dir = dir;
    this.#staging = staging;
    this.#created = created;
    this.#samples = samples;
  }

  /** The staging folder this run writes into until it closes. */
  get staging(): string {
    return this.#staging;
  }

  /**
   * Checks the folder (absent, empty, or `force`), creates its missing parents and the staging
   * folder, and opens the dataset for writing. A folder that cannot be written is a
   * {@link UsageError} that says so; nothing is left behind.
   */
  static async open(dir: string, options: DatasetWriterOptions = {}): Promise<DatasetWriter> {
    const target = resolve(dir);
    await checkOutputDir(target, options.force ?? false, dir);
    const created = await makeFolders(dirname(target), dir);
    let staging: string | undefined;
    try {
      staging = await makeStagingFolder(await stagingParent(target), basename(target));
      const samples = await open(join(staging, datasetFiles.samples), 'w');
      return new DatasetWriter(target, staging, created, samples);
    } catch (error) {
      if (staging !== undefined) await rm(staging, { recursive: true, force: true }).catch(() => {});
      await removeFolders(created);
      throw new UsageError(`output folder "${dir}" is not writable: ${describeCause(error)}`);
    }
  }

  /** Writes one sample's image, if it has one, and appends its record. */
  async write(sample: GeneratedSample<unknown, Modality>): Promise<void> {
    const { png, svg: _svg, ...record } = sample;
    if ((png === null) !== (record.image === null)) {
      throw new TypeError(`sample "${record.id}" must have both an image path and PNG bytes, or neither`);
    }
    if (png !== null && record.image !== null) {
      await this.#ensureImagesFolder();
      const imagePath = join(this.#staging, record.image);
      await step('write', imagePath, () => writeFile(imagePath, png));
      this.#images++;
    }
    const samplesPath = join(this.#staging, datasetFiles.samples);
    await step('write', samplesPath, () => this.#samples.write(`${JSON.stringify(record satisfies SampleRecord)}\n`));
    this.#questions += record.qa.length;
    for (const q of record.qa) this.#byTask[q.task] = (this.#byTask[q.task] ?? 0) + 1;
  }

  async #ensureImagesFolder(): Promise<void> {
    if (this.#imagesFolder) return;
    const images = join(this.#staging, datasetFiles.images);
    await step('create', images, () => mkdir(images));
    this.#imagesFolder = true;
  }

  /**
   * Finishes the dataset: writes the manifest and moves the dataset into the output folder. On
   * an error the output folder is as it was before the run, and the staging folder is gone.
   */
  async close(plan: RunPlan): Promise<Manifest> {
    try {
      const withImages = plan.modality !== 'text';
      // An image dataset has its images folder even when it holds no image (count 0).
      if (withImages) await this.#ensureImagesFolder();
      const samplesPath = join(this.#staging, datasetFiles.samples);
      await step('write', samplesPath, () => this.#samples.close());
      const manifest: Manifest = {
        tool: { name: 'absynth', version: VERSION },
        scenario: {
          id: plan.scenario.id,
          version: plan.scenario.version,
          ...(plan.origin === undefined ? {} : { package: { name: plan.origin.name, version: plan.origin.version } }),
        },
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
      const manifestPath = join(this.#staging, datasetFiles.manifest);
      await step('write', manifestPath, () => writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`));
      await this.#moveIntoPlace();
      return manifest;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Moves the staged dataset into the output folder, swapping out an old dataset only at the end. */
  async #moveIntoPlace(): Promise<void> {
    const target = this.dir;
    const existing = await readdir(target).catch(() => undefined);
    const others = existing?.filter((name) => join(target, name) !== this.#staging) ?? [];
    if (existing === undefined || (others.length === 0 && dirname(this.#staging) !== target)) {
      // The usual case: the whole dataset appears in one rename.
      if (existing !== undefined) await step('replace the empty folder', target, () => rmdir(target));
      await step('rename into place', target, () => rename(this.#staging, target));
      return;
    }
    // --force over a folder with files: move the old dataset aside, the new one in, then drop the old.
    const old = await step('create', target, () => makeStagingFolder(dirname(this.#staging), `${basename(target)}.old`));
    const movedOut: string[] = [];
    const movedIn: string[] = [];
    try {
      for (const name of [...entriesIn].reverse()) {
        if (!others.includes(name)) continue;
        await step('move aside', join(target, name), () => rename(join(target, name), join(old, name)));
        movedOut.push(name);
      }
      for (const name of entriesIn) {
        const staged = join(this.#staging, name);
        if ((await stat(staged).catch(() => undefined)) === undefined) continue;
        await step('rename into place', join(target, name), () => rename(staged, join(target, name)));
        movedIn.push(name);
      }
    } catch (error) {
      for (const name of movedIn.reverse()) await rename(join(target, name), join(this.#staging, name)).catch(() => {});
      for (const name of movedOut.reverse()) await rename(join(old, name), join(target, name)).catch(() => {});
      await rm(old, { recursive: true, force: true }).catch(() => {});
      throw error;
    }
    await rm(old, { recursive: true, force: true });
    await rm(this.#staging, { recursive: true, force: true });
  }

  /**
   * Abandons the dataset: removes the staging folder and the parent folders `open` created,
   * leaving the output folder as it was. Safe to call more than once.
   */
  async abort(): Promise<void> {
    await this.#samples.close().catch(() => {});
    await rm(this.#staging, { recursive: true, force: true }).catch(() => {});
    await removeFolders(this.#created);
  }
}

/**
 * Makes `.<name>.absynth-<random>` in `parent`. Unlike `mkdtemp` it gets the usual permissions
 * (0777 less the umask), since the folder becomes the dataset folder.
 */
async function makeStagingFolder(parent: string, name: string): Promise<string> {
  for (;;) {
    const folder = join(parent, `.${name}.absynth-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Where the staging folder goes: beside the output folder, so that moving it into place is a
 * rename on one file system; inside it when the output folder is a mount point of its own.
 */
async function stagingParent(target: string): Promise<string> {
  const [own, parent] = await Promise.all([stat(target).catch(() => undefined), stat(dirname(target))]);
  return own !== undefined && own.dev !== parent.dev ? target : dirname(target);
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Throws a {@link UsageError} unless `dir` can hold a new dataset: it is absent, or an empty
 * folder, or `force` is set; and it, or the nearest folder above it that exists, is writable.
 * Creates nothing. `shown` is the path as the user gave it, for messages.
 */
export async function checkOutputDir(dir: string, force: boolean, shown = dir): Promise<void> {
  let existing: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    existing = await stat(dir);
  } catch {
    existing = undefined;
  }
  if (existing === undefined) {
    const parent = await nearestExistingParent(dir);
    if (!(await stat(parent)).isDirectory()) {
      throw new UsageError(`cannot create output folder "${shown}": "${parent}" is not a folder`);
    }
    await assertWritable(parent, shown);
    return;
  }
  if (!existing.isDirectory()) throw new UsageError(`output "${shown}" exists and is not a folder`);
  await assertWritable(dir, shown);
  if (!force && (await readdir(dir)).length > 0) {
    throw new UsageError(`output folder "${shown}" is not empty; choose an empty folder or pass --force to replace it`);
  }
}

async function nearestExistingParent(dir: string): Promise<string> {
  let current = dirname(resolve(dir));
  for (;;) {
    if ((await stat(current).catch(() => undefined)) !== undefined) return current;
    const up = dirname(current);
    if (up === current) return current;
    current = up;
  }
}

async function assertWritable(path: string, shown: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (error) {
    throw new UsageError(`output folder "${shown}" is not writable: ${describeCause(error)}`);
  }
}
