import type { RouteAnswer, RouteStep } from '@absynth/core';
import { roadmapFacts } from './analysis.js';
import type { Cell, RoadmapScene } from './scene.js';
import { isFree, moves } from './solve.js';

/** One thing a route answer says, in the order it says it: a marker it names, or a move with a count. */
export type RouteMention = { kind: 'marker'; label: string } | { kind: 'move'; direction: RouteStep['direction']; count: number };

/** What a free-text route answer says about the map. */
export interface RouteReading {
  /** Markers and counted moves, in the order they are written; directions without a count are left out. */
  mentions: RouteMention[];
  /**
   * How many of `mentions` come before a "via" that follows moves, as in the canonical form
   * `up 3, right 4 via t2, 5K`: the markers after it list what the moves pass, rather than
   * being places to go. `undefined` when the answer has no such "via".
   */
  viaAt: number | undefined;
}

const directionWords: Readonly<Record<string, RouteStep['direction']>> = {
  up: 'up', upward: 'up', upwards: 'up', north: 'up', northward: 'up', northwards: 'up',
  down: 'down', downward: 'down', downwards: 'down', south: 'down', southward: 'down', southwards: 'down',
  left: 'left', leftward: 'left', leftwards: 'left', west: 'left', westward: 'left', westwards: 'left',
  right: 'right', rightward: 'right', rightwards: 'right', east: 'right', eastward: 'right', eastwards: 'right',
};
const arrows: Readonly<Record<string, RouteStep['direction']>> = { '↑': 'up', '↓': 'down', '←': 'left', '→': 'right' };
const compactMoves: Readonly<Record<string, RouteStep['direction']>> = { U: 'up', D: 'down', L: 'left', R: 'right' };
const numberWords: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
/** Words that may stand between a direction and its count ("right for 3 cells", "3 cells to the right"). */
const fillers = new Set([
  'cell', 'cells', 'step', 'steps', 'square', 'squares', 'space', 'spaces', 'block', 'blocks', 'unit', 'units', 'tile', 'tiles',
  'time', 'times', 'move', 'moves', 'moving', 'go', 'going', 'goes', 'walk', 'head', 'heading', 'by', 'for', 'to', 'the', 'a',
  'more', 'another', 'further', 'of',
]);

/** The last "The answer is", "Answer:" or "Final answer:" in a response. */
const answerMarker = /\b(?:final\s+|correct\s+)?answer(?:\s+is|\s+would\s+be|\s*:)/gi;

type Token =
  | { kind: 'marker'; label: string }
  | { kind: 'direction'; direction: RouteStep['direction']; count?: number }
  | { kind: 'arrow'; direction: RouteStep['direction'] }
  | { kind: 'number'; value: number }
  | { kind: 'filler' }
  | { kind: 'via' }
  | { kind: 'break' };

const tokenPattern = /(?<arrow>[↑↓←→])|(?<word>[\p{L}\p{N}]+)|(?<other>[^\s\p{L}\p{N}])/gu;

/**
 * Reads a free-text route answer against the labels of one map. Only those labels count as
 * markers, as whole words and ignoring case, so "10am", "step 2" or "Q7" on a map without a
 * Q7 name nothing. When the response has an answer statement ("The answer is …") that mentions
 * a marker or a move, only the text after the last one is read; otherwise the whole response.
 * List numbering ("2." at the start of a line or before a capitalised word) and "step 2" are
 * dropped before reading. A move is a direction with a
 * count: "up 3", "3 up", "right for 3 cells", "3 cells to the right", "one step left", `R3`,
 * or arrows in a run (`→→↓`); a direction without a count, as in "move up until you reach
 * t2", adds nothing the marker does not fix, and is left out.
 */
export function readRoute(response: string, labels: readonly string[]): RouteReading {
  const byLower = new Map(labels.map((label) => [label.toLowerCase(), label]));
  const text = response
    .normalize('NFKC')
    .replace(/\*\*|__|`/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(answerMarker)) last = match;
  if (last !== undefined) {
    const stated = readMentions(text.slice(last.index + last[0].length), byLower);
    if (stated.mentions.length > 0) return stated;
  }
  return readMentions(text, byLower);
}

function readMentions(text: string, byLower: ReadonlyMap<string, string>): RouteReading {
  const plain = text
    .replace(/^[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]+/gm, ' ')
    // Numbering inside a line, "… t2. 2. Move right …", before a capitalised word.
    .replace(/(?<=\s)\d{1,2}[.)](?=\s+\p{Lu})/gu, ' ')
    .replace(/\bstep\s+\d+\b/gi, ' ');
  const tokens: Token[] = [];
  for (const match of plain.matchAll(tokenPattern)) {
    const { arrow, word } = match.groups ?? {};
    if (arrow !== undefined) {
      tokens.push({ kind: 'arrow', direction: arrows[arrow] as RouteStep['direction'] });
      continue;
    }
    if (word === undefined) {
      tokens.push({ kind: 'break' });
      continue;
    }
    const lower = word.toLowerCase();
    const label = byLower.get(lower);
    const compact = /^([UDLR])(\d{1,3})$/.exec(word);
    if (label !== undefined) tokens.push({ kind: 'marker', label });
    else if (directionWords[lower] !== undefined) tokens.push({ kind: 'direction', direction: directionWords[lower] });
    else if (compact !== null) tokens.push({ kind: 'direction', direction: compactMoves[compact[1] as string] as RouteStep['direction'], count: Number(compact[2]) });
    else if (/^\d{1,3}$/.test(word)) tokens.push({ kind: 'number', value: Number(word) });
    else if (numberWords[lower] !== undefined) tokens.push({ kind: 'number', value: numberWords[lower] });
    else if (lower === 'via') tokens.push({ kind: 'via' });
    else tokens.push(fillers.has(lower) ? { kind: 'filler' } : { kind: 'break' });
  }

  // Pair each direction with the count next to it, the one before it first ("3 right"), then the one after ("right 3").
  const used = new Set<number>();
  const countNear = (from: number, delta: -1 | 1): number | undefined => {
    for (let i = from + delta; i >= 0 && i < tokens.length; i += delta) {
      const token = tokens[i] as Token;
      if (token.kind === 'number') return used.has(i) ? undefined : i;
      if (token.kind !== 'filler') return undefined;
    }
    return undefined;
  };
  const mentions: RouteMention[] = [];
  let viaAt: number | undefined;
  tokens.forEach((token, index) => {
    if (token.kind === 'marker') mentions.push({ kind: 'marker', label: token.label });
    else if (token.kind === 'via' && viaAt === undefined && mentions.some((m) => m.kind === 'move')) viaAt = mentions.length;
    else if (token.kind === 'arrow') {
      const next = tokens[index + 1];
      const inRun = next?.kind === 'arrow' || tokens[index - 1]?.kind === 'arrow';
      if (next?.kind === 'number' && !used.has(index + 1)) {
        used.add(index + 1);
        mentions.push({ kind: 'move', direction: token.direction, count: next.value });
      } else if (inRun) mentions.push({ kind: 'move', direction: token.direction, count: 1 });
      // A lone arrow between names ("start → t2 → end") only separates them.
    } else if (token.kind === 'direction') {
      if (token.count !== undefined) {
        mentions.push({ kind: 'move', direction: token.direction, count: token.count });
        return;
      }
      const at = countNear(index, -1) ?? countNear(index, 1);
      const count = at === undefined ? undefined : (tokens[at] as Token);
      if (at !== undefined && count?.kind === 'number' && count.value > 0) {
        used.add(at);
        mentions.push({ kind: 'move', direction: token.direction, count: count.value });
      }
    }
  });
  return { mentions, viaAt };
}

/** How a route answer traces on the map. */
export interface RouteTrace {
  /** Whether it leads from start to end through free cells only (see {@link traceRoute}). */
  valid: boolean;
  /** The markers it names, in order, without immediate repeats. */
  named: string[];
  /** The markers on the cells it covers before it goes wrong (or to the end), in order. */
  passed: string[];
}

/**
 * Follows a reading on the map from the start. A move goes its count of cells, each of which
 * must be free. A named marker the route has already passed since the previous one is a check,
 * not a place to go; any other is reached by a straight run of free cells from where the route
 * stands. After the last mention, when it is a marker, a straight run of free cells may finish
 * at the end point ("then move right to the end point"); after a counted move the route must
 * stand on the end point. In the canonical form (moves, then "via" and markers) the moves alone
 * fix the route, which must end on the end point, and the markers must be ones it passes, in order.
 */
export function traceRoute(scene: RoadmapScene, reading: RouteReading): RouteTrace {
  const facts = roadmapFacts(scene);
  const { roads, markerByLabel, markerAt } = facts;
  const named: string[] = [];
  for (const mention of reading.mentions) {
    if (mention.kind === 'marker' && named[named.length - 1] !== mention.label) named.push(mention.label);
  }
  const path: Cell[] = [{ row: scene.start.row, col: scene.start.col }];
  let lastNamed = 0;
  const passedMarkers = () => {
    const seen: string[] = [];
    for (const cell of path) {
      const marker = markerAt.get(cell.row * roads.size + cell.col);
      if (marker !== undefined && seen[seen.length - 1] !== marker.label) seen.push(marker.label);
    }
    return seen;
  };
  const fail = (): RouteTrace => ({ valid: false, named, passed: passedMarkers() });
  const here = () => path[path.length - 1] as Cell;
  const findOnPath = (cell: Cell) => {
    for (let i = lastNamed; i < path.length; i++) {
      const p = path[i] as Cell;
      if (p.row === cell.row && p.col === cell.col) return i;
    }
    return -1;
  };
  /** Appends the straight run of free cells from here to `cell`; false when there is none. */
  const runTo = (cell: Cell): boolean => {
    const from = here();
    if (from.row !== cell.row && from.col !== cell.col) return false;
    const dr = Math.sign(cell.row - from.row);
    const dc = Math.sign(cell.col - from.col);
    const cells: Cell[] = [];
    for (let r = from.row + dr, c = from.col + dc; ; r += dr, c += dc) {
      if (!isFree(roads, r, c)) return false;
      cells.push({ row: r, col: c });
      if (r === cell.row && c === cell.col) break;
    }
    path.push(...cells);
    return true;
  };

  if (reading.mentions.length === 0) return fail();
  const canonical = reading.viaAt !== undefined;
  let lastKind: RouteMention['kind'] = 'move';
  for (const [index, mention] of reading.mentions.entries()) {
    const checkOnly = canonical && index >= (reading.viaAt as number);
    lastKind = mention.kind;
    if (mention.kind === 'move') {
      const { dr, dc } = moves.find((m) => m.direction === mention.direction) as (typeof moves)[number];
      for (let i = 0; i < mention.count; i++) {
        const { row, col } = here();
        if (!isFree(roads, row + dr, col + dc)) return fail();
        path.push({ row: row + dr, col: col + dc });
      }
      continue;
    }
    const marker = markerByLabel.get(mention.label.toLowerCase());
    if (marker === undefined) return fail();
    const at = findOnPath(marker);
    if (at >= 0) {
      lastNamed = at;
      continue;
    }
    if (checkOnly || !runTo(marker)) return fail();
    lastNamed = path.length - 1;
  }
  const { row, col } = here();
  const atEnd = row === scene.end.row && col === scene.end.col;
  if (!atEnd && (canonical || lastKind === 'move' || !runTo(scene.end))) return fail();
  return { valid: true, named, passed: passedMarkers() };
}

/** The length of the longest common subsequence of two lists. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] as number);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * Ordered landmark coverage: the longest common subsequence of the named markers and the
 * reference markers, divided by the reference markers plus the named markers outside that
 * subsequence. With no wrong or extra markers it is the paper's coverage (the share of the
 * reference markers named in the right order); each wrong or extra marker counts against it as
 * a missed one would. 0 when the reference has no markers.
 */
export function landmarkCoverage(named: readonly string[], reference: readonly string[]): number {
  if (reference.length === 0) return 0;
  const common = longestCommonSubsequence(named, reference);
  return common / (reference.length + named.length - common);
}

/**
 * The paper's released road-map metric, reimplemented for comparability, defects included: every
 * letter–digit or digit–letter pair anywhere in the response (`[A-Za-z][0-9]|[0-9][A-Za-z]`,
 * so "10am" gives `0a`), without repeats, counted when it is a reference marker (exact case),
 * divided by the number of reference markers. Order is ignored and wrong or extra markers cost
 * nothing. 0 when the reference has no markers (the release skips those items but still
 * divides by all of them).
 */
export function paperMarkerRecall(response: string, reference: readonly string[]): number {
  if (reference.length === 0) return 0;
  const found = new Set([...response.matchAll(/[A-Za-z][0-9]|[0-9][A-Za-z]/g)].map((m) => m[0]));
  let count = 0;
  for (const label of found) if (reference.includes(label)) count++;
  return count / reference.length;
}

/**
 * Scores a free-text route answer on the map (see README "How routes are scored"): 1 when it
 * traces a route from start to end through free cells ({@link traceRoute}), whichever route
 * that is; otherwise the ordered landmark coverage of the markers it names (or, when it names
 * none, of those its moves pass before going wrong) against the reference route's markers,
 * kept below 1 — at most n/(n+1) for n reference markers, as if the end point were one more
 * landmark it missed.
 */
export function scoreRoadmapRoute(expected: RouteAnswer, response: string, scene: RoadmapScene): number {
  const facts = roadmapFacts(scene);
  const reading = readRoute(
    response,
    scene.markers.map((m) => m.label),
  );
  const trace = traceRoute(scene, reading);
  if (trace.valid) return 1;
  const reference = expected.markers ?? facts.routeMarkers.map((m) => m.label);
  const named = trace.named.length > 0 ? trace.named : trace.passed;
  return Math.min(landmarkCoverage(named, reference), reference.length / (reference.length + 1));
}
