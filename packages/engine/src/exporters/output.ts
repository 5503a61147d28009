import type { FileHandle } from 'node:fs/promises';
import { copyFile, link, mkdir, open, opendir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeFolders, removeFolders, step } from '../folders.js';

/** A file of an export, written in pieces under its staged name. */
export interface StagedFile {
  /** Appends text, or bytes. */
  write(data: string | Uint8Array): Promise<void>;
  /**
   * Closes the file early, when it is complete, so an export of many files (tar shards) keeps
   * few open; it still appears only on commit. Writing after closing fails.
   */
  close(): Promise<void>;
}

/** The folder, inside the output, where an export is staged until it is complete. */
const stagingName = '.absynth-export.tmp';

/**
 * The output folder of one export. Exporters write every file through it: files and linked
 * images go to a staging folder inside the output, and only {@link ExportOutput.commit} renames
 * them into place (linked files first, written files last), so a failed or interrupted export
 * leaves no file that looks whole, and an export that fails on bad input leaves nothing at all.
 */
export class ExportOutput {
  /** The output folder. */
  readonly dir: string;
  readonly #staging: string;
  /** The folders `open` created (the output folder and its missing parents), removed again on abort. */
  readonly #created: readonly string[];
  readonly #files = new Map<string, FileHandle>();
  readonly #folders = new Set<string>();

  private constructor(dir: string, created: readonly string[]) {
    this.dir = dir;
    this.#staging = join(dir, stagingName);
    this.#created = created;
  }

  /**
   * Creates the output folder if needed and an empty staging folder in it. The caller has
   * checked the folder (see `checkOutputDir`).
   */
  static async open(dir: string): Promise<ExportOutput> {
    const output = new ExportOutput(dir, await makeFolders(dir));
    try {
      // A staging folder left by an interrupted export holds nothing finished.
      await rm(output.#staging, { recursive: true, force: true });
      for (const folder of [output.#staging, join(output.#staging, 'files'), join(output.#staging, 'links')]) {
        await step('create', folder, () => mkdir(folder));
      }
    } catch (error) {
      await output.abort();
      throw error;
    }
    return output;
  }

  /** Opens `path` (relative to the output folder) for writing; it appears there on commit. */
  async file(path: string): Promise<StagedFile> {
    if (this.#files.has(path)) throw new Error(`export file "${path}" is opened twice`);
    const staged = join(this.#staging, 'files', path);
    await this.#folder(dirname(staged));
    const handle = await step('create', staged, () => open(staged, 'w'));
    this.#files.set(path, handle);
    return {
      write: (data) =>
        step('write', staged, async () => {
          await (typeof data === 'string' ? handle.write(data) : handle.write(data));
        }),
      close: () => step('write', staged, () => handle.close()),
    };
  }

  /**
   * Makes the file `source` appear as `path` (relative to the output folder) on commit: a hard
   * link, which costs no space, or a copy where the file system cannot link (another device).
   */
  async linkFile(source: string, path: string): Promise<void> {
    const staged = join(this.#staging, 'links', path);
    await this.#folder(dirname(staged));
    try {
      await link(source, staged);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EEXIST') throw error;
      await step('copy', staged, () => copyFile(source, staged));
    }
  }

  /** Moves everything staged into place, the written files last, and removes the staging folder. */
  async commit(): Promise<void> {
    for (const handle of this.#files.values()) await handle.close();
    await mergeInto(join(this.#staging, 'links'), this.dir);
    for (const path of this.#files.keys()) {
      const target = join(this.dir, path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(this.#staging, 'files', path), target);
    }
    await rm(this.#staging, { recursive: true, force: true });
  }

  /** Removes what was staged, and the folders `open` created where they are empty. */
  async abort(): Promise<void> {
    for (const handle of this.#files.values()) await handle.close().catch(() => {});
    await rm(this.#staging, { recursive: true, force: true });
    await removeFolders(this.#created);
  }

  async #folder(path: string): Promise<void> {
    if (this.#folders.has(path)) return;
    await step('create', path, () => mkdir(path, { recursive: true }));
    this.#folders.add(path);
  }
}

/**
 * Renames the tree `from` into `to`, leaving `from` empty: a folder not yet there moves in one
 * rename; one that is (the images of an earlier export into the same output) is merged entry by
 * entry, reading the staged folder as a stream so memory stays flat.
 */
async function mergeInto(from: string, to: string): Promise<void> {
  // POSIX leaves unspecified whether a listing sees every entry while entries are moved out, so
  // it lists again until a pass finds nothing left.
  for (let moved = true; moved; ) {
    moved = false;
    for await (const entry of await opendir(from)) {
      moved = true;
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory() && (await stat(target).catch(() => undefined))?.isDirectory()) {
        await mergeInto(source, target);
        await rmdir(source);
      } else {
        await rename(source, target);
        // Renaming onto another link of the same file (re-exporting the same dataset) does
        // nothing and leaves the source; it is a duplicate, so drop it.
        await rm(source, { force: true });
      }
    }
  }
}
