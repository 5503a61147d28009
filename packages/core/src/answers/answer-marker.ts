/**
 * The stated answer: the text after the last "The answer is" (and its variants), and the order
 * every reader follows: the stated answer first, then the rest of the response.
 */
import { cleanResponse, declines, type Scope, trimAnswer } from './response.js';

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


/** How a response is read for one answer type. */
export interface ReadingRules {
  /** How far a stated answer runs after the marker. */
  extent: SegmentExtent;
  /** Whether a stated refusal ("The answer is: cannot be determined") reads as nothing, without a scan. */
  declinable: boolean;
  /** Rewrites the cleaned response before the marker is looked for (routes join continued paragraphs). */
  prepare?: (text: string) => string;
}

/**
 * Reads a response in the documented order: markup undone (`cleanResponse`); then the stated
 * answer, where the first reading wins; when there is none, or it does not read, the rest of the
 * response without it (so "The answer is yes or no" is not read again), where the last reading
 * wins. A stated part that declines reads as nothing when `rules.declinable`. The result says
 * whether it was stated (`marked`).
 */
export function readResponse<R extends object>(
  response: string,
  rules: ReadingRules,
  read: (text: string, scope: Scope) => R | undefined,
): (R & { marked: boolean }) | undefined {
  const cleaned = cleanResponse(response);
  const text = rules.prepare === undefined ? cleaned : rules.prepare(cleaned);
  const segment = answerSegment(text, rules.extent);
  if (segment !== undefined && segment.stated !== '') {
    const stated = read(segment.stated, 'stated');
    if (stated !== undefined) return { ...stated, marked: true };
    // "The answer is: cannot be determined" is a non-answer; scanning would only find noise.
    if (rules.declinable && declines(segment.stated)) return undefined;
  }
  const scanned = read(segment === undefined ? text : segment.rest, 'scanned');
  return scanned === undefined ? undefined : { ...scanned, marked: false };
}
