import { UsageError } from '@absynth/core';
import { promptFor } from '../prompt.js';
import type { QA, SampleRecord } from '../records.js';
import type { Exporter } from './format.js';
import { readImage } from './images.js';
import type { StagedFile } from './output.js';
import { tarEnd, tarMember } from './tar.js';

/** Samples per shard unless asked otherwise. */
export const defaultShardSize = 1000;

/** Options of the WebDataset exporter. */
export interface WebdatasetOptions {
  /** The most samples a shard holds; default {@link defaultShardSize}. */
  shardSize?: number;
}

/** The `<key>.json` member of a sample: its record, with `image` naming the member and each question's prompt. */
export type WebdatasetSample = Omit<SampleRecord, 'image' | 'qa'> & {
  /** `<key>.png`, the image member beside this one; null for text-only samples. */
  image: string | null;
  /** The record's questions, each with `prompt`: `promptFor(record, qa)`. */
  qa: (QA & { prompt: string })[];
};

/**
 * The WebDataset key of a sample: its id with dots (WebDataset splits a member name into key and
 * extension at the first dot) and path separators replaced by `_`.
 */
export function webdatasetKey(id: string): string {
  return id.replace(/[./\\]/g, '_');
}

/** The name of shard `index`: `shard-000000.tar`, …. */
export function shardName(index: number): string {
  return `shard-${String(index).padStart(6, '0')}.tar`;
}

/** The JSON member of `record`, whose image member (if any) is `image`. */
export function webdatasetSample(record: SampleRecord, image: string | null): WebdatasetSample {
  return { ...record, image, qa: record.qa.map((qa) => ({ ...qa, prompt: promptFor(record, qa) })) };
}

/**
 * WebDataset tar shards: `shard-000000.tar`, … of at most `shardSize` samples each, a sample being
 * `<key>.png` (absent for text-only datasets) and `<key>.json`. The tar bytes are deterministic
 * (mtime 0, owner 0:0, mode 0644), and each shard is written and closed before the next.
 */
export function webdatasetExporter(options: WebdatasetOptions = {}): Exporter {
  const shardSize = options.shardSize ?? defaultShardSize;
  if (!Number.isSafeInteger(shardSize) || shardSize < 1) {
    throw new UsageError(`WebDataset shard size must be a positive integer, not ${String(shardSize)}`);
  }
  return {
    format: 'webdataset',
    summary: `WebDataset tar shards shard-000000.tar, … of at most ${shardSize} samples, each sample as <key>.png and <key>.json (the record with its questions, answers and rationales)`,
    async write(dataset, output) {
      const files: string[] = [];
      let shard: StagedFile | undefined;
      let inShard = 0;
      let rows = 0;
      let images = 0;
      for await (const record of dataset.samples) {
        if (record.qa.length === 0) continue;
        if (shard === undefined || inShard === shardSize) {
          if (shard !== undefined) await finish(shard);
          const name = shardName(files.length);
          shard = await output.file(name);
          files.push(name);
          inShard = 0;
        }
        const key = webdatasetKey(record.id);
        const chunks: Uint8Array[] = [];
        let image: string | null = null;
        if (record.image !== null) {
          image = `${key}.png`;
          chunks.push(...tarMember(image, await readImage(dataset, record.id, record.image)));
          images++;
        }
        chunks.push(...tarMember(`${key}.json`, Buffer.from(JSON.stringify(webdatasetSample(record, image)))));
        await shard.write(Buffer.concat(chunks));
        inShard++;
        rows++;
      }
      if (shard !== undefined) await finish(shard);
      return { files, rows, images };
    },
  };
}

async function finish(shard: StagedFile): Promise<void> {
  await shard.write(tarEnd);
  await shard.close();
}
