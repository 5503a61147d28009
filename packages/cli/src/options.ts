import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Size } from '@absynth/core';
import type { Modality } from '@absynth/engine';
import { UsageError } from '@absynth/core';
import { exporters, modalities } from '@absynth/engine';

/** Parses a flag value that must be a non-negative integer, such as `--count` or `--seed`. */
export function parseNonNegativeInteger(flag: string, text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new UsageError(`invalid ${flag} "${text}": must be a non-negative integer`);
  }
  return value;
}

/** Parses `--level`; core's check then names the allowed levels. */
export function parseLevel(text: string): unknown {
  // Anything that is not an integer goes to core as the raw text, so its message shows it.
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** Parses `--size`: `WxH` such as `640x480`, or one number for a square. */
export function parseSize(text: string): Size {
  const match = /^\s*(\d+)\s*(?:[xX×]\s*(\d+))?\s*$/.exec(text);
  if (match === null) {
    throw new UsageError(
      `invalid --size "${text}": use WIDTHxHEIGHT in pixels, such as 640x480, or one number for a square`,
    );
  }
  const width = Number(match[1]);
  return { width, height: match[2] === undefined ? width : Number(match[2]) };
}

/** Parses `--tasks a,b` into task ids. */
export function parseTaskList(text: string): string[] {
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError(`invalid --tasks "${text}": give task ids separated by commas`);
  return ids;
}

/**
 * Turns repeated `--param key=value` flags into params. A value that parses as JSON is taken
 * as JSON (`rows=12` is a number, `braid=true` a boolean), anything else as a string.
 */
export function parseParamPairs(pairs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = equals === -1 ? '' : pair.slice(0, equals).trim();
    if (key === '') throw new UsageError(`invalid --param "${pair}": use key=value, such as --param rows=12`);
    params[key] = parseParamValue(pair.slice(equals + 1));
  }
  return params;
}

function parseParamValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads a `--params` file: a JSON object of params. The messages name the file. */
export async function readParamsFile(file: string, cwd: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --params file "${file}": ${errorMessage(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--params file "${file}" is not valid JSON: ${errorMessage(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new UsageError(
      `--params file "${file}" must hold a JSON object of params, such as {"rows": 12}; it holds ${found}`,
    );
  }
  return value as Record<string, unknown>;
}

/** The message of anything thrown, for one-line reports. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Images below which `--workers auto` stays on one thread: starting workers costs more than it saves. */
const autoWorkersFrom = 64;

/**
 * Parses `--workers`: a positive integer, or `auto` for one thread per core (at most 8) when
 * there are enough images to gain from it.
 */
export function parseWorkers(text: string, count: number): number {
  if (text.trim() === 'auto') return count >= autoWorkersFrom ? Math.min(8, availableParallelism()) : 1;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > 64) {
    throw new UsageError(`invalid --workers "${text}": must be auto or an integer from 1 to 64`);
  }
  return value;
}

/** Parses `--modality`: image, text or both. */
export function parseModality(text: string): Modality {
  const value = text.trim();
  if (!(modalities as readonly string[]).includes(value)) {
    throw new UsageError(`invalid --modality "${text}"; allowed: ${modalities.join(', ')}`);
  }
  return value as Modality;
}

/** Parses `--format` of `absynth export`: the name of a built-in exporter. */
export function parseExportFormat(text: string): string {
  const value = text.trim();
  if (!Object.hasOwn(exporters, value)) {
    throw new UsageError(`unknown --format "${text}"; allowed: ${Object.keys(exporters).join(', ')}`);
  }
  return value;
}
