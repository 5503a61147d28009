/**
 * Reading a route from a model's reply: the one reader every route scorer uses (the literal route
 * scorer of `route.ts`, the maze and road-map scorers, the benchmark re-scoring in eval).
 *
 * Rules:
 * - Where: as for every answer type (`readResponse`): markup undone, then the text after the last
 *   "The answer is", "Answer:", "The answers are", "The answer will be"… to the end of its line
 *   (when the marker ends its line, the block of lines below it); when there is none, or it names
 *   nothing, the rest of the reply, where the last paragraph that names a direction wins (else the
 *   last that names a marker). A paragraph that continues the one before ("Then …", "Next …",
 *   "Finally …", "2. …", "Step 2: …", a bullet) belongs to it. A stated refusal reads as nothing.
 * - Numbering is dropped: "1." or a bullet at the start of a line, "2." after a sentence end,
 *   "2)" before a capitalised word, and "Step 2" anywhere.
 * - Moves: a direction (up, down, left, right; north, south, west, east; their -ward and -wards
 *   forms) with a count just before or after it, only filler words between ("right 3", "3 right",
 *   "3 cells to the right", "right by 3 cells", "one step left"); a compact `R3`; an arrow (↑ ↓ ← →
 *   or ⬆ ⬇ ⬅ ➡) before a count (`→3`); arrows in a run (`→→↓`), one move each. Counts are digits or
 *   number words to ninety-nine. A direction without a count is one move ("right, right, down"),
 *   unless it heads for a marker or the end ("move up until you reach t2", "down to the end"):
 *   then the place fixes the run and the direction adds no move. A lone arrow ("start → t2 → end")
 *   and `->` only separate.
 * - Markers: with names given (a map's labels, an answer's markers), those names as whole words,
 *   in their exact spelling, else ignoring case when that is unambiguous; with a pattern, any
 *   other whole word it matches, as written. A name wins over a compact move (`L4` on a map with
 *   an L4 is the marker); a compact move wins over the pattern. With neither names nor pattern,
 *   the single words after "via" are the names.
 * - "via" after a move starts the markers the moves pass, as in the canonical
 *   `right 3, down 2 via t2, 5K` (`viaAt`).
 */
import { type ReadingRules, readResponse } from './answer-marker.js';
import { spelledNumber } from './number-parsing.js';
import { byScope, type Scope, textBlocks, trimAnswer } from './response.js';
import { collapseSteps, type RouteStep } from './route-runs.js';

/** One thing a route reply says, in the order it says it: a move with its count, or a marker. */
export type RouteMention = { kind: 'move'; direction: RouteStep['direction']; count: number } | { kind: 'marker'; name: string };

/** What a route reply says. */
export interface RouteReading {
  /** Moves and markers in the order written; consecutive moves one way are one run, repeats of a marker are kept. */
  mentions: RouteMention[];
  /**
   * How many of `mentions` come before a "via" that follows a move, as in the canonical
   * `up 3, right 4 via t2, 5K`: the markers after it list what the moves pass rather than places
   * to go. `undefined` when there is no such "via".
   */
  viaAt: number | undefined;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Which words of a reply name markers. */
export interface MarkerVocabulary {
  /** The known names (a map's labels, an answer's markers): exact spelling first, else ignoring case when unambiguous. */
  names?: readonly string[];
  /** Any other whole word this matches names a marker as written, such as the paper's two-character labels. */
  pattern?: RegExp;
}

/** How route replies are read: to the end of the stated line; continued paragraphs joined first. */
export const routeReadingRules: ReadingRules = { extent: 'line', declinable: true, prepare: joinContinuedParagraphs };

/**
 * Reads the moves and markers of a route reply by the rules above, or `undefined` when it names
 * neither. Markers are the words `markers` names; without names or a pattern, the words after "via".
 */
export function readRoute(response: string, markers: MarkerVocabulary = {}): RouteReading | undefined {
  return readResponse(response, routeReadingRules, (text, scope) => readRouteIn(text, scope, markers));
}

/** The moves of a reading as runs of one direction. */
export function mentionedSteps(reading: Pick<RouteReading, 'mentions'>): RouteStep[] {
  return collapseSteps(reading.mentions.flatMap((m) => (m.kind === 'move' ? [{ direction: m.direction, count: m.count }] : [])));
}

/** The markers of a reading in order, consecutive repeats once. */
export function mentionedMarkers(reading: Pick<RouteReading, 'mentions'>): string[] {
  const names: string[] = [];
  for (const mention of reading.mentions) {
    if (mention.kind === 'marker' && names.at(-1) !== mention.name) names.push(mention.name);
  }
  return names;
}

/** A reading of one part of a reply, with how many directions it names (moves or headings). */
type PartReading = Omit<RouteReading, 'marked'> & { directions: number };

/**
 * Reads the stated part of a reply, or, scanning, its last paragraph that names a direction (else
 * the last that names a marker). `extractAnswer` and {@link readRoute} both read through here.
 */
export function readRouteIn(text: string, scope: Scope, markers: MarkerVocabulary): Omit<RouteReading, 'marked'> | undefined {
  const parts = scope === 'stated' ? [text] : textBlocks(text);
  const readings = parts.map((part) => readPart(part, markers)).filter((reading) => reading.mentions.length > 0);
  // While scanning, prefer the last paragraph that says where to go over one that only names markers.
  const withDirections = readings.filter((reading) => reading.directions > 0);
  const chosen = byScope(withDirections.length > 0 ? withDirections : readings, scope);
  return chosen === undefined ? undefined : { mentions: chosen.mentions, viaAt: chosen.viaAt };
}

/** A paragraph that goes on with the route of the one before it. */
const continuation = /^[ \t]*(?:(?!1[.)])\d{1,3}[.)][ \t]|[-*•][ \t]|step\s+(?!1\b)\d+|(?:and\s+)?then\b|next\b|finally\b|lastly\b|after\s+that\b|afterwards?\b|from\s+there\b)/i;

/** Removes the blank lines before paragraphs that continue a route ("Then …", "2. …"), so they read as one. */
export function joinContinuedParagraphs(text: string): string {
  return text.replace(/\n[ \t]*\n\s*(?=\S)/g, (gap, offset: number) => (continuation.test(text.slice(offset + gap.length)) ? '\n' : gap));
}

type Direction = RouteStep['direction'];

const directionWords: Readonly<Record<string, Direction>> = {
  up: 'up', upward: 'up', upwards: 'up', north: 'up', northward: 'up', northwards: 'up',
  down: 'down', downward: 'down', downwards: 'down', south: 'down', southward: 'down', southwards: 'down',
  left: 'left', leftward: 'left', leftwards: 'left', west: 'left', westward: 'left', westwards: 'left',
  right: 'right', rightward: 'right', rightwards: 'right', east: 'right', eastward: 'right', eastwards: 'right',
};
const arrowDirections: Readonly<Record<string, Direction>> = {
  '↑': 'up', '⬆': 'up', '↓': 'down', '⬇': 'down', '←': 'left', '⬅': 'left', '→': 'right', '➡': 'right',
};
const compactDirections: Readonly<Record<string, Direction>> = { U: 'up', D: 'down', L: 'left', R: 'right' };

/** Words that may sit between a direction and its count without breaking the pair. */
const moveFillers = new Set([
  'cell', 'cells', 'step', 'steps', 'square', 'squares', 'space', 'spaces', 'block', 'blocks', 'unit', 'units',
  'time', 'times', 'tile', 'tiles', 'move', 'moves', 'moving', 'by', 'for', 'to', 'the', 'go', 'going', 'goes', 'walk',
  'head', 'heading', 'more', 'another', 'further', 'a', 'of',
]);
/** Words between a direction and the place it heads for ("right until you reach t2", "down all the way to the end"). */
const headingWords = new Set([
  'until', 'till', 'til', 'you', 'reach', 'reaching', 'get', 'getting', 'arrive', 'arriving', 'at', 'toward', 'towards',
  'as', 'far', 'all', 'way', 'hit', 'into', 'onto', 'straight',
]);
/** Words for the end point, which a direction may head for like a marker. */
const endWords = new Set(['end', 'endpoint', 'goal', 'exit', 'finish', 'destination']);

type Token =
  | { kind: 'direction'; direction: Direction; count?: number }
  | { kind: 'arrow'; direction: Direction }
  | { kind: 'number'; value: number }
  | { kind: 'marker'; name: string }
  | { kind: 'via' }
  | { kind: 'end' }
  | { kind: 'heading' }
  | { kind: 'filler' }
  | { kind: 'break' };

const tokenPattern =
  /(?<arrow>[↑⬆↓⬇←⬅→➡])|(?<number>(?<![\p{L}\p{N}.])\d+(?![\p{L}\p{N}]|\.\d))|(?<word>[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*)|(?<punctuation>[,;.!?:()[\]\n]|->|[–—]|\s-\s)/gu;

function readPart(text: string, markers: MarkerVocabulary): PartReading {
  const plain = text
    .replace(/^[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]+/gm, ' ')
    // Numbering inside a line: "… t2. 2. Move right …", "right 2) Go down".
    .replace(/(?<=[.!?]\s+)\d{1,3}[.)](?=\s)/g, ' ')
    .replace(/(?<=\s)\d{1,3}\)(?=\s+\p{Lu})/gu, ' ')
    .replace(/\bstep\s+\d+\b\s*[:.)]?/gi, ' ');
  return mentionsOf(routeTokens(plain, markerWords(plain, markers)));
}

/** How the words of one part of a reply name markers. */
interface MarkerWords {
  /** The known name a word at `offset` spells, if any; it wins over a compact move. */
  known(word: string, offset: number): string | undefined;
  /** Whether a word that is neither a known name nor a move names a marker as written. */
  patterned(word: string): boolean;
}

function markerWords(text: string, { names = [], pattern }: MarkerVocabulary): MarkerWords {
  if (names.length === 0 && pattern === undefined) {
    // No names known: the single words after the first "via" are the names.
    const via = /\bvia\b/i.exec(text);
    const after = via === null ? text.length : via.index + via[0].length;
    const named = new Set(
      text
        .slice(after)
        .split(/\s*(?:,|;|→|->|\band\b|\bthen\b)\s*/i)
        .map(trimAnswer)
        .filter((piece) => /^[\p{L}\p{N}]+$/u.test(piece)),
    );
    return { known: (word, offset) => (offset >= after && named.has(word) ? word : undefined), patterned: () => false };
  }
  const exact = new Set(names);
  const byLower = new Map<string, string | null>();
  for (const name of names) {
    const lower = name.toLowerCase();
    byLower.set(lower, byLower.has(lower) && byLower.get(lower) !== name ? null : name);
  }
  const whole = pattern === undefined ? undefined : new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
  return {
    known: (word) => (exact.has(word) ? word : (byLower.get(word.toLowerCase()) ?? undefined)),
    patterned: (word) => whole?.test(word) === true,
  };
}

function routeTokens(text: string, markers: MarkerWords): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const { arrow, number, word } = match.groups ?? {};
    if (arrow !== undefined) {
      tokens.push({ kind: 'arrow', direction: arrowDirections[arrow] ?? 'right' });
    } else if (number !== undefined) {
      const marker = markers.known(number, match.index);
      tokens.push(marker === undefined ? { kind: 'number', value: Number(number) } : { kind: 'marker', name: marker });
    } else if (word !== undefined) {
      tokens.push(...wordTokens(word, match.index, markers));
    } else {
      tokens.push({ kind: 'break' });
    }
  }
  return tokens;
}

/**
 * A word's tokens. A word joined by `-` or `'` that reads as nothing whole ("A2's", "A2-3b") may
 * still hold markers; its other parts are breaks, so "left-hand" is no move.
 */
function wordTokens(word: string, offset: number, markers: MarkerWords): Token[] {
  const whole = wordToken(word, offset, markers);
  if (whole.kind !== 'break' || !/[-']/.test(word)) return [whole];
  return [...word.matchAll(/[\p{L}\p{N}]+/gu)].map((part): Token => {
    const name = markers.known(part[0], offset + part.index) ?? (markers.patterned(part[0]) ? part[0] : undefined);
    return name === undefined ? { kind: 'break' } : { kind: 'marker', name };
  });
}

function wordToken(word: string, offset: number, markers: MarkerWords): Token {
  const known = markers.known(word, offset);
  if (known !== undefined) return { kind: 'marker', name: known };
  const lower = word.toLowerCase();
  const direction = directionWords[lower];
  if (direction !== undefined) return { kind: 'direction', direction };
  const compact = /^([UDLR])(\d+)$/.exec(word);
  if (compact?.[1] !== undefined) return { kind: 'direction', direction: compactDirections[compact[1]] ?? 'right', count: Number(compact[2]) };
  if (markers.patterned(word)) return { kind: 'marker', name: word };
  const spelled = spelledNumber(lower);
  if (spelled !== undefined) return { kind: 'number', value: spelled };
  if (lower === 'via') return { kind: 'via' };
  if (endWords.has(lower)) return { kind: 'end' };
  if (headingWords.has(lower)) return { kind: 'heading' };
  return moveFillers.has(lower) ? { kind: 'filler' } : { kind: 'break' };
}

/**
 * Pairs directions with counts: a count right before a direction ("3 right", "3 cells to the
 * right") or right after it ("right 3", "right by 3 cells"), with only filler words between; a
 * direction with no count is one move, or none when it heads for a marker or the end; arrows count
 * one each in runs, take a count right after them, and only separate otherwise.
 */
function mentionsOf(tokens: readonly Token[]): PartReading {
  const used = new Set<number>();
  const mentions: RouteMention[] = [];
  let viaAt: number | undefined;
  let directions = 0;
  const move = (direction: Direction, count: number): void => {
    if (count <= 0) return;
    const last = mentions.at(-1);
    // Consecutive moves one way are one run ("→→→", "right, right").
    if (last?.kind === 'move' && last.direction === direction && viaAt !== mentions.length) last.count += count;
    else mentions.push({ kind: 'move', direction, count });
  };
  const neighbourNumber = (from: number, delta: -1 | 1): number | undefined => {
    for (let i = from + delta; i >= 0 && i < tokens.length; i += delta) {
      const token = tokens[i];
      if (token?.kind === 'number') return used.has(i) ? undefined : i;
      if (token?.kind !== 'filler') return undefined;
    }
    return undefined;
  };
  const headsForPlace = (from: number): boolean => {
    for (let i = from + 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (token?.kind === 'filler' || token?.kind === 'heading') continue;
      return token?.kind === 'marker' || token?.kind === 'end';
    }
    return false;
  };
  tokens.forEach((token, index) => {
    if (token.kind === 'marker') {
      mentions.push({ kind: 'marker', name: token.name });
    } else if (token.kind === 'via') {
      if (viaAt === undefined && mentions.some((m) => m.kind === 'move')) viaAt = mentions.length;
    } else if (token.kind === 'arrow') {
      const next = tokens[index + 1];
      if (next?.kind === 'number' && !used.has(index + 1)) {
        used.add(index + 1);
        directions++;
        move(token.direction, next.value);
      } else if (next?.kind === 'arrow' || tokens[index - 1]?.kind === 'arrow') {
        directions++;
        move(token.direction, 1);
      }
    } else if (token.kind === 'direction') {
      directions++;
      if (token.count !== undefined) {
        move(token.direction, token.count);
        return;
      }
      const countAt = neighbourNumber(index, -1) ?? neighbourNumber(index, 1);
      const count = countAt === undefined ? undefined : tokens[countAt];
      if (countAt !== undefined && count?.kind === 'number') {
        used.add(countAt);
        move(token.direction, count.value);
      } else if (!headsForPlace(index)) {
        move(token.direction, 1);
      }
    }
  });
  return { mentions, viaAt, directions };
}
