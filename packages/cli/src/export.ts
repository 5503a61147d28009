import { resolve } from 'node:path';
import { exportDataset } from '@absynth/core';
import type { TextOutput } from './io.js';
import { parseExportFormat } from './options.js';

/** The flags of `absynth export`, as commander hands them over. */
export interface ExportFlags {
  format: string;
  data: string;
  out: string;
  force?: boolean;
}

/**
 * Runs `absynth export`: checks the format, the dataset's manifest and the output folder before
 * writing anything, then streams the dataset into the format's files.
 */
export async function exportToFormat(flags: ExportFlags, io: { stdout: TextOutput; cwd: string }): Promise<void> {
  const format = parseExportFormat(flags.format);
  const summary = await exportDataset({
    format,
    data: resolve(io.cwd, flags.data),
    out: resolve(io.cwd, flags.out),
    force: flags.force ?? false,
  });
  const files = summary.files.map((file) => `${flags.out.replace(/[\\/]+$/, '')}/${file}`).join(', ');
  io.stdout.write(`${summary.format}: ${summary.rows} rows, ${summary.images} images -> ${files}\n`);
}
