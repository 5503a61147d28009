import { UsageError } from '@absynth/core';
import { promptFor } from '../prompt.js';
import type { QA, SampleRecord } from '../records.js';
import type { Exporter } from './format.js';
import { linkImage } from './images.js';

/** How questions become conversations: one per question, or one per image with every question as a turn. */
export const llavaTurns = ['single', 'multi'] as const;

/** One of {@link llavaTurns}. */
export type LlavaTurns = (typeof llavaTurns)[number];

/** Options of the LLaVA exporter. */
export interface LlavaOptions {
  /** `single` (default): one conversation per question; `multi`: one per sample, its questions as turns. */
  turns?: LlavaTurns;
  /** Append each question's rationale to its answer, as the paper trained; default false. */
  rationale?: boolean;
}

/** One turn of a LLaVA conversation. */
export interface LlavaTurn {
  from: 'human' | 'gpt';
  value: string;
}

/** One entry of a LLaVA conversation file, in its key order. */
export interface LlavaEntry {
  /** `<question id>` for single-turn entries, the sample id for multi-turn ones. */
  id: string;
  /** The image, relative to the export folder (LLaVA's `--image_folder`); absent for text-only datasets. */
  image?: string;
  /** Human and gpt turns alternating, `<image>\n` at the start of the first human turn when there is an image. */
  conversations: LlavaTurn[];
}

/** The image token LLaVA replaces with the image's features. */
export const llavaImageToken = '<image>';

/**
 * The training target of question `qa`: the answer text, then, with `rationale` and a non-empty
 * rationale, a blank line and the rationale ("the rationale was concatenated to the answer").
 * The answer comes first so the first line is what a scorer extracts.
 */
export function llavaAnswer(qa: Pick<QA, 'answerText' | 'rationale'>, rationale: boolean): string {
  const why = qa.rationale.trim();
  return rationale && why !== '' ? `${qa.answerText}\n\n${why}` : qa.answerText;
}

/**
 * The conversation of `questions` of `record`, whose image is at `image` in the export (null for
 * text-only records). The first human turn is `promptFor(record, qa)` (so it carries the scene's
 * text for `text` and `both`), after `<image>\n` when there is an image; later turns are the
 * questions alone, the text being already in the conversation.
 */
export function llavaEntry(id: string, record: SampleRecord, questions: readonly QA[], image: string | null, rationale: boolean): LlavaEntry {
  const conversations = questions.flatMap((qa, i): LlavaTurn[] => {
    const prompt = i === 0 ? promptFor(record, qa) : qa.question;
    return [
      { from: 'human', value: i === 0 && image !== null ? `${llavaImageToken}\n${prompt}` : prompt },
      { from: 'gpt', value: llavaAnswer(qa, rationale) },
    ];
  });
  return image === null ? { id, conversations } : { id, image, conversations };
}

/**
 * LLaVA conversation JSON: `llava.json`, one array of {@link LlavaEntry}, written entry by entry
 * (memory stays flat), with the images under `images/`.
 */
export function llavaExporter(options: LlavaOptions = {}): Exporter {
  const turns = options.turns ?? 'single';
  const rationale = options.rationale ?? false;
  if (!(llavaTurns as readonly unknown[]).includes(turns)) {
    throw new UsageError(`unknown LLaVA turns "${String(turns)}"; allowed: ${llavaTurns.join(', ')}`);
  }
  if (typeof rationale !== 'boolean') throw new UsageError(`LLaVA rationale must be true or false, not ${String(rationale)}`);
  return {
    format: 'llava',
    summary: `LLaVA conversation JSON in llava.json (id, image, conversations with <image> in the first human turn), ${turns === 'single' ? 'one conversation per question' : 'one multi-turn conversation per image'}${rationale ? ', rationale after the answer' : ''}, with the images in images/`,
    async write(dataset, output) {
      const file = 'llava.json';
      const json = await output.file(file);
      await json.write('[');
      let rows = 0;
      let images = 0;
      for await (const record of dataset.samples) {
        if (record.qa.length === 0) continue;
        const image = await linkImage(dataset, output, record);
        if (image !== null) images++;
        const entries =
          turns === 'multi'
            ? [llavaEntry(record.id, record, record.qa, image, rationale)]
            : record.qa.map((qa) => llavaEntry(qa.id, record, [qa], image, rationale));
        await json.write(entries.map((entry, i) => `${rows + i === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`).join(''));
        rows += entries.length;
      }
      await json.write('\n]\n');
      return { files: [file], rows, images };
    },
  };
}
