import { resolve } from 'node:path';
import type { Exporter } from '@absynth/engine';
import { UsageError } from '@absynth/core';
import { exportDataset, exporters, llavaExporter, llavaTurns, webdatasetExporter } from '@absynth/engine';
import type { TextOutput } from './io.js';
import { parseExportFormat } from './options.js';

/** The flags of `absynth export`, as commander hands them over. */
export interface ExportFlags {
  format: string;
  data: string;
  out: string;
  force?: boolean;
  /** llava: `single` or `multi`. */
  turns?: string;
  /** llava: append the rationale to the answer. */
  rationale?: boolean;
  /** webdataset: samples per shard. */
  shardSize?: string;
}

/** The format each format-specific flag applies to. */
const formatFlags = [
  { flag: '--turns', key: 'turns', format: 'llava' },
  { flag: '--rationale', key: 'rationale', format: 'llava' },
  { flag: '--shard-size', key: 'shardSize', format: 'webdataset' },
] as const;

/**
 * The exporter `flags` ask for: the format's, with the format's own flags checked. A flag of
 * another format, or a bad value, is a usage error naming the flag.
 */
export function exporterFor(flags: ExportFlags): Exporter {
  const format = parseExportFormat(flags.format);
  for (const { flag, key, format: owner } of formatFlags) {
    if (flags[key] !== undefined && format !== owner) {
      throw new UsageError(`${flag} applies only to --format ${owner}, not ${format}`);
    }
  }
  if (format === 'llava') {
    const turns = flags.turns?.trim() ?? 'single';
    if (!(llavaTurns as readonly string[]).includes(turns)) {
      throw new UsageError(`invalid --turns "${flags.turns}"; allowed: ${llavaTurns.join(', ')}`);
    }
    return llavaExporter({ turns: turns as (typeof llavaTurns)[number], rationale: flags.rationale ?? false });
  }
  if (format === 'webdataset' && flags.shardSize !== undefined) {
    const text = flags.shardSize.trim();
    const shardSize = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(shardSize) || shardSize < 1) {
      throw new UsageError(`invalid --shard-size "${flags.shardSize}": must be a positive integer (samples per shard)`);
    }
    return webdatasetExporter({ shardSize });
  }
  return exporters[format]!;
}

/**
 * Runs `absynth export`: checks the format and its flags, the dataset's manifest and the output
 * folder before writing anything, then streams the dataset into the format's files.
 */
export async function exportToFormat(flags: ExportFlags, io: { stdout: TextOutput; cwd: string }): Promise<void> {
  const format = exporterFor(flags);
  const summary = await exportDataset({
    format,
    data: resolve(io.cwd, flags.data),
    out: resolve(io.cwd, flags.out),
    force: flags.force ?? false,
  });
  const out = flags.out.replace(/[\\/]+$/, '');
  const paths = summary.files.map((file) => `${out}/${file}`);
  // Shards can be many: name the first and the last.
  const files =
    paths.length === 0 ? `${out} (no samples)` : paths.length > 3 ? `${paths[0]}, …, ${paths.at(-1)} (${paths.length} files)` : paths.join(', ');
  io.stdout.write(`${summary.format}: ${summary.rows} rows, ${summary.images} images -> ${files}\n`);
}
