import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DatasetError } from '../errors.js';
import type { SampleRecord } from '../records.js';
import type { Dataset } from '../reader.js';
import type { ExportOutput } from './output.js';

/** Explains a failure to read or link the image of sample `id`, naming the file. */
function imageError(error: unknown, source: string, id: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DatasetError(source, undefined, `missing, though sample "${id}" names it`);
  if (code === 'EEXIST') return new DatasetError(source, undefined, `named by sample "${id}" and an earlier one`);
  return error;
}

/**
 * Makes a record's image appear in the export as `images/<file name>` (a hard link, or a copy)
 * and returns that path, or `null` for a text-only record. A missing image, or one two records
 * name, is a {@link DatasetError} naming the file.
 */
export async function linkImage(dataset: Dataset, output: ExportOutput, record: Pick<SampleRecord, 'id' | 'image'>): Promise<string | null> {
  if (record.image === null) return null;
  const source = join(dataset.dir, record.image);
  const path = `images/${basename(record.image)}`;
  try {
    await output.linkFile(source, path);
  } catch (error) {
    throw imageError(error, source, record.id);
  }
  return path;
}

/** Reads `image` (a path in the dataset) of sample `id`; a missing image is a {@link DatasetError} naming the file. */
export async function readImage(dataset: Dataset, id: string, image: string): Promise<Buffer> {
  const source = join(dataset.dir, image);
  try {
    return await readFile(source);
  } catch (error) {
    throw imageError(error, source, id);
  }
}
