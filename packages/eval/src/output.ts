import { mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '@absynth/core';
import { describeCause } from '@absynth/engine';

/** The files an evaluation writes into its output folder, which must be files if they exist. */
const outputFiles = ['run.json', 'predictions.jsonl', 'report.md', 'report.json', 'report.html'] as const;

const notWritable = (shown: string, reason: string) => new UsageError(`output folder "${shown}" is not writable: ${reason}`);

/**
 * Throws a {@link UsageError} saying the output folder is not writable, naming it and why, unless
 * an evaluation can write into `out`: it is a folder (an earlier run's predictions in it are fine:
 * rerunning resumes) or does not exist yet and can be created, and a file can be created there.
 * The check creates a probe folder in `out`, or in the nearest folder above it that exists, and
 * removes it at once: on /proc, /sys, a read-only mount or a folder without write permission it
 * fails, as no permission bits can tell (root may write anywhere but there). Creates nothing else.
 */
export async function checkOutputFolder(out: string, shown = out): Promise<void> {
  const target = resolve(out);
  let existing = target;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a file on the way, found further up.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw notWritable(shown, `cannot look at "${existing}": ${describeCause(error)}`);
    });
    if (info !== undefined) {
      if (!info.isDirectory()) throw notWritable(shown, existing === target ? 'it is a file, not a folder' : `"${existing}" is a file, not a folder`);
      break;
    }
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  try {
    await rmdir(await mkdtemp(join(existing, '.absynth-eval-probe-')));
  } catch (error) {
    throw notWritable(shown, `cannot create anything in "${existing}": ${describeCause(error)}`);
  }
  if (existing !== target) return;
  for (const name of outputFiles) {
    const info = await stat(join(target, name)).catch(() => undefined);
    if (info !== undefined && !info.isFile()) throw notWritable(shown, `"${join(target, name)}" is not a file`);
  }
}
