import type { QA, SampleRecord } from './records.js';

/**
 * The prompt a model sees for one question of a record: for `text` and `both` the scene's text
 * rendering, a blank line, then the question; for `image` the question alone (the image goes
 * beside it). Exporters and evaluation build prompts only through this.
 */
export function promptFor(record: Pick<SampleRecord, 'id' | 'modality' | 'text'>, qa: Pick<QA, 'question'>): string {
  if (record.modality === 'image') return qa.question;
  if (typeof record.text !== 'string') {
    throw new TypeError(`sample "${record.id}" is a ${record.modality} record but has no text rendering`);
  }
  // A rendering that ends in a newline would otherwise leave two blank lines.
  return `${record.text.replace(/\n+$/, '')}\n\n${qa.question}`;
}
