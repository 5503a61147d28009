import { UsageError } from '@absynth/core';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * A file system operation that failed while a run was writing (a full disk, a folder removed
 * under it): the message names the path and the cause. The run's output is left as it was.
 */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Plain words for the error codes a writing run meets. */
const causes: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'it already exists',
  EISDIR: 'it is a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** The cause of a file system error in words, with its code: "no space left on device (ENOSPC)". */
export function describeCause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && causes[code] !== undefined) return `${causes[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** An {@link OutputError} for `error`, met while doing `action` ("write", "rename …") on `path`. */
export function outputError(error: unknown, action: string, path: string): OutputError {
  if (error instanceof OutputError) return error;
  return new OutputError(path, (error as NodeJS.ErrnoException | undefined)?.code, `cannot ${action} "${path}": ${describeCause(error)}`);
}

/** Runs a file system step, turning its error into an {@link OutputError} naming the path. */
export async function step<T>(action: string, path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw outputError(error, action, path);
  }
}

/**
 * Creates `dir` and any missing parents, one folder at a time, and returns the folders it
 * created, outermost first, so that a failed run can remove them again. A folder that cannot
 * be created (under /proc or /sys, a read-only mount, a file in the way) is a
 * {@link UsageError} saying the output is not writable. (`mkdir` with `recursive` can loop
 * forever on such paths.)
 */
export async function makeFolders(dir: string, output = dir): Promise<string[]> {
  const missing: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) throw new UsageError(`cannot create output folder "${output}": "${current}" is not a folder`);
      break;
    }
    if (dirname(current) === current) break;
    missing.unshift(current);
  }
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      await removeFolders(created);
      throw new UsageError(`output folder "${output}" is not writable: cannot create "${folder}": ${describeCause(error)}`);
    }
    created.push(folder);
  }
  return created;
}

/** Removes folders {@link makeFolders} created, innermost first, where they are still empty. */
export async function removeFolders(created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) await rmdir(folder).catch(() => {});
}
