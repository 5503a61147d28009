import { UsageError } from '@absynth/core';

/**
 * A dataset folder that cannot be read: missing, without a manifest, or with a malformed file or
 * line. The message names the file, and the line and field where there is one.
 */
export class DatasetError extends UsageError {
  override name = 'DatasetError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(`${line === undefined ? file : `${file} line ${line}`}: ${problem}`);
  }
}
