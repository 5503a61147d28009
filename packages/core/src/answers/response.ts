/**
 * Reading a model's free-text response: undoing markup and finding the part that states the
 * answer. Type-specific parsing lives in `extract.ts`.
 */

/**
 * Undoes the markup models wrap answers in (markdown emphasis and headings, LaTeX `\boxed{}`,
 * a few HTML tags, `<answer>` brackets) and unifies look-alike characters, keeping line breaks.
 */
export function cleanResponse(response: string): string {
  return (
    response
      // Thin and narrow no-break spaces only ever group digits; NFKC would turn them into plain spaces.
      .replace(/(\d)[\u2009\u202f](?=\d{3}(?!\d))/g, '$1,')
      .normalize('NFKC')
      .replace(/\r\n?/g, '\n')
      .replace(/\u2212/g, '-')
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      // `$7$` and `$\boxed{7}$` are maths; `$3.5 and $4` is money.
      .replace(/\$\$?([^$\n]+?)\$\$?/g, (whole, maths: string) => (/[\\{}^_=]|^\S+$/.test(maths) ? maths : whole))
      .replace(/\\(?:boxed|text|textbf|mathrm|mathbf|fbox)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1')
      .replace(/\{,\}/g, ',')
      .replace(/\\%/g, '%')
      .replace(/\\[,;!: ]/g, ' ')
      .replace(/\\[()[\]]/g, '')
      .replace(/<\/?(?:b|strong|i|em|u|code|p|span|br)\b[^>]*>/gi, '')
      // `<7>` is the prompt's placeholder filled in; `3 < 4 and 5 > 2` is a comparison.
      .replace(/<(\S(?:[^<>\n]{0,58}\S)?)>/g, '$1')
      // Struck-out text is retracted.
      .replace(/~~[^~\n]*~~/g, '')
      .replace(/\*\*|__|`/g, '')
      // A `*` opening or closing a word is emphasis; `2*3` is maths and `* item` a bullet.
      .replace(/(?<![\p{L}\p{N}])\*(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.!?)])\*(?![\p{L}\p{N}])/gu, '')
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*>[ \t]?/gm, '')
  );
}

/**
 * The paper's format and its common variants: "The answer is X", "Answer: X", "Final answer:
 * X", "The answers are X", "The answer would be X". Case-insensitive.
 */
const answerMarker =
  /\b(?:final\s+|correct\s+|short\s+)?answers?(?:\s*[:=]|\s+(?:is|are|would\s+be|will\s+be|[-–—])(?=[\s:]|$))[ \t]*:?/gi;

/** Whether the text contains an answer marker ("The answer is", "Answer:" and the like). */
export function hasAnswerMarker(text: string): boolean {
  // `search` ignores the global flag and `lastIndex`.
  return text.search(answerMarker) !== -1;
}

/** Abbreviations whose period does not end a sentence. */
const abbreviations = new Set(['st', 'dr', 'mr', 'mrs', 'ms', 'mt', 'jr', 'sr', 'vs', 'etc', 'e.g', 'i.e', 'a.m', 'p.m', 'approx', 'ca', 'no']);

/**
 * How much of the text after the marker counts: up to the sentence end, the whole line, or the
 * whole paragraph (up to a blank line or the end; for captions, which run over several sentences).
 */
export type SegmentExtent = 'sentence' | 'line' | 'paragraph';

/** The stated answer and the response without it. */
export interface StatedAnswer {
  /** The text after the last answer marker, trimmed of quotes and trailing punctuation. */
  stated: string;
  /** The response with the marker and the stated text cut out, for scanning when `stated` does not read. */
  rest: string;
}

/**
 * The text after the last answer marker, or `undefined` when there is none. It runs to the end
 * of the sentence, line or paragraph; when the marker ends its line (or the line ends with `:`)
 * it is the block of lines that follows, so "The answer is:\n1. a\n2. b" gives the list.
 */
export function answerSegment(text: string, extent: SegmentExtent): StatedAnswer | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(answerMarker)) last = match;
  if (last === undefined) return undefined;
  const statedStart = last.index + last[0].length;
  const after = text.slice(statedStart);
  const lineEnd = after.indexOf('\n') === -1 ? after.length : after.indexOf('\n');
  const line = after.slice(0, lineEnd);
  let stated: string;
  let statedEnd: number;
  if (line.trim() === '' || line.trim().endsWith(':')) {
    const below = after.slice(lineEnd);
    const block = /^\s*(\S[\s\S]*?)(?:\n[ \t]*\n|\s*$)/.exec(below);
    stated = block?.[1] ?? '';
    statedEnd = lineEnd + (block === null ? 0 : block.index + block[0].length);
  } else if (extent === 'paragraph') {
    const blank = /\n[ \t]*\n/.exec(after);
    stated = blank === null ? after : after.slice(0, blank.index);
    statedEnd = stated.length;
  } else {
    stated = extent === 'sentence' ? firstSentence(line) : line;
    statedEnd = stated.length;
  }
  return { stated: trimAnswer(stated), rest: `${text.slice(0, last.index)} ${text.slice(statedStart + statedEnd)}` };
}

/** Runs of non-blank lines, in order. */
export function textBlocks(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

/** Non-blank lines, trimmed, in order. */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Cuts a line at its first sentence end: `.`, `!` or `?` followed by the end or by a capital
 * letter, unless the period closes an abbreviation ("St. Louis", "8:10 p.m. Then").
 */
function firstSentence(line: string): string {
  const sentenceEnd = /[.!?](?=\s*$|\s+["'(]?[\p{Lu}\d])/gu;
  for (const match of line.matchAll(sentenceEnd)) {
    if (match[0] === '.') {
      const wordBefore = /([\p{L}.]+)$/u.exec(line.slice(0, match.index))?.[1]?.toLowerCase() ?? '';
      if (abbreviations.has(wordBefore)) continue;
    }
    return line.slice(0, match.index);
  }
  return line;
}

/** Strips wrapping quotes and brackets, and trailing sentence punctuation, from a stated answer. */
export function trimAnswer(stated: string): string {
  let trimmed = stated.trim();
  for (;;) {
    const next = trimmed
      .replace(/^["'\u00ab[]+|["'\u00bb\]]+$/g, '')
      .replace(/[.!?,;:]+$/, '')
      .trim();
    if (next === trimmed) return trimmed;
    trimmed = next;
  }
}
