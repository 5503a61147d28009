import { UsageError } from '@absynth/core';
import { resolve, sep } from 'node:path';
import { readDataset } from '../reader.js';
import { checkOutputDir } from '../sink.js';
import { hfExporter } from './hf.js';
import { llavaExporter } from './llava.js';
import { mmsiExporter } from './mmsi.js';
import { ExportOutput } from './output.js';
import type { Exporter, ExportSummary } from './format.js';
import { webdatasetExporter } from './webdataset.js';

/**
 * The built-in exporters, by format name, with their default options; `llavaExporter(options)`
 * and `webdatasetExporter(options)` make them with others.
 */
export const exporters: Readonly<Record<string, Exporter>> = Object.fromEntries(
  [mmsiExporter, llavaExporter(), hfExporter, webdatasetExporter()].map((exporter) => [exporter.format, exporter]),
);

/** What {@link exportDataset} exports, where to. */
export interface ExportOptions {
  /** A built-in format's name, or an exporter. */
  format: string | Exporter;
  /** The dataset folder, as `absynth generate` wrote it. */
  data: string;
  /** The output folder: absent or empty, unless `force`. */
  out: string;
  /** Write into a non-empty output folder, replacing files of the same names; default false. */
  force?: boolean;
}

/**
 * Exports the dataset in `data` into `out`. The format, the dataset's manifest and the output
 * folder are checked before anything is written; an error later (a malformed record, a missing
 * image) removes everything the export staged, and the folder too if it made it.
 */
export async function exportDataset(options: ExportOptions): Promise<ExportSummary> {
  const { format } = options;
  const exporter = typeof format !== 'string' ? format : Object.hasOwn(exporters, format) ? exporters[format] : undefined;
  if (exporter === undefined) {
    throw new UsageError(`unknown export format "${String(options.format)}"; formats: ${Object.keys(exporters).join(', ')}`);
  }
  const data = resolve(options.data);
  const out = resolve(options.out);
  if (out === data || out.startsWith(`${data}${sep}`)) {
    throw new UsageError(`output folder "${options.out}" is the dataset folder or inside it; export to another folder`);
  }
  const dataset = await readDataset(options.data);
  await checkOutputDir(options.out, options.force ?? false);
  const output = await ExportOutput.open(options.out);
  try {
    const written = await exporter.write(dataset, output);
    await output.commit();
    return { format: exporter.format, ...written };
  } catch (error) {
    await output.abort();
    throw error;
  }
}
