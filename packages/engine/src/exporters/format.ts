import type { Dataset } from '../reader.js';
import type { ExportOutput } from './output.js';

/** What one export wrote. */
export interface ExportSummary {
  /** The format's name. */
  format: string;
  /** The files written, relative to the output folder, images aside. */
  files: string[];
  /** Rows written: questions, conversations or samples, as the format counts them. */
  rows: number;
  /** Images made available in the output folder. */
  images: number;
}

/**
 * A dataset format: streams a dataset's records into files of an output folder. Every file goes
 * through the {@link ExportOutput}, which stages it and puts it in place only when the export
 * has finished. A format with options is a function that returns an exporter.
 */
export interface Exporter {
  /** The name `--format` takes, such as `mmsi`. */
  readonly format: string;
  /** One sentence on what it writes. */
  readonly summary: string;
  /** Writes the export; throws to abandon it. Must read `dataset.samples` as a stream. */
  write(dataset: Dataset, output: ExportOutput): Promise<Omit<ExportSummary, 'format'>>;
}
