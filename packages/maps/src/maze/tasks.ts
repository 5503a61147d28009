import type { ReaderNeeds, RouteStep } from '@absynth/core';
import { answer, defineTask, sentenceCase } from '@absynth/core';
import { runEnds } from '../grid/moves.js';
import type { GridPoint } from '../grid/point.js';
import { inRect } from '../grid/point.js';
import { plural } from '../wording.js';
import { mazeFacts } from './facts.js';
import type { MazeScene } from './scene.js';
import { areaClass, colourRegions, deadEndRegion, deadEndRowClass, moveSize, personPosition } from './scene.js';
import { onEveryShortestRoute, onSomeShortestRoute, openMoves } from './solve.js';

/** The words a question uses for this maze's marks and moves, so every task names them alike. */
interface Wording {
  /** Short names: `S` and `G`, or `the start` and `the goal` when a legend names the marks. */
  start: string;
  goal: string;
  /** First mention, with the mark's shape. */
  startFull: string;
  goalFull: string;
  /** What one move is. */
  unit: 'cell' | 'square';
  moveRule: string;
  /** `' The thick dashed box … is not a wall.'` when the maze has a dashed box, else empty. */
  boxNote: string;
  deadEndRule: string;
  /** What the dashed box is, and which dead ends it holds; used only when the scene has one. */
  windowRule: string;
  at(p: GridPoint): string;
}

// Walls are drawn in the theme's foreground and open squares are left in its background, so the
// light squares are walls on dark themes and the dark ones on light themes: the wording names
// both colours by what shows them in every theme (the maze's edge is all wall, and the margin
// around the maze is background), never as "dark", "filled" or "the border", which a dark
// frame round the image would contradict.
const blockWalls =
  "walls are the squares in the colour of the ring of squares along the maze's edge, and open squares have the colour of the background around the maze";
const boxNotWall = 'The thick dashed box only marks an area; it is not a wall.';

function wording(scene: MazeScene): Wording {
  const letters = scene.labels === 'letters';
  const start = letters ? 'S' : 'the start';
  const goal = letters ? 'G' : 'the goal';
  const walls = scene.style === 'walls';
  const ends = letters ? 'the start S and the goal G' : 'the start and the goal';
  // Once a maze has a dashed box, every question says it is not a wall.
  const boxNote = scene.deadEndWindow === null ? '' : ` ${boxNotWall}`;
  return {
    start,
    goal,
    startFull: letters ? 'the start S (the circle)' : 'the start (the circle)',
    goalFull: letters ? 'the goal G (the square)' : 'the goal (the square)',
    unit: walls ? 'cell' : 'square',
    boxNote,
    moveRule: walls
      ? `One move goes from a cell to the next cell up, down, left or right, with no wall in between.${boxNote}`
      : `One move goes from an open square to the next open square up, down, left or right; ${blockWalls}.${boxNote}`,
    deadEndRule: walls
      ? `A dead end is a cell, other than ${ends}, with walls on three sides (exactly one way out).`
      : `A dead end is an open square, other than ${ends}, with exactly one open square next to it (up, down, left or right); ${blockWalls}.`,
    windowRule: walls
      ? `${boxNotWall} A cell counts when it lies inside the box, even if its one way out leads outside the box.`
      : `${boxNotWall} A square counts when it lies inside the box, even if its one open neighbour lies outside the box.`,
    at(p) {
      const { row, col } = personPosition(scene, p);
      return `row ${row}, column ${col}`;
    },
  };
}

/** A position as the two numbers a question states: its row and column, counted from 1 at the top left. */
function numbersAt(scene: MazeScene, p: GridPoint): number[] {
  const { row, col } = personPosition(scene, p);
  return [row, col];
}

/**
 * What a reader needs for any maze question: the S and G letters on the marks (or the legend
 * naming them), plus `more`. The rows, columns and moves a question states are not printed:
 * they are counted on the drawn grid of cells (from the top left, along open corridors), so
 * they are given as `derived`. Blocks-style questions name walls and open squares by colour
 * roles the theme decides at drawing time (the ring along the maze's edge, the background
 * around it): the drawing marks the squares that show them (`wall-square`, `open-square`,
 * `margin`), and each role is checked by the colour of the square that shows it (`like`).
 */
function mazeNeeds(scene: MazeScene, more: ReaderNeeds): ReaderNeeds {
  const derived = [...new Set([...numbersAt(scene, scene.start), ...numbersAt(scene, scene.goal), ...(more.derived ?? [])])];
  // Blocks-style walls are the colour of the edge ring and open squares that of the background
  // around the maze: each role's colour far from the other areas'.
  const colours =
    scene.style === 'blocks'
      ? [
          { name: 'wall', region: colourRegions.wall, like: colourRegions.wall, among: areaClass },
          { name: 'open square', region: colourRegions.open, like: colourRegions.margin, among: areaClass },
        ]
      : [];
  return {
    ...more,
    texts: [...(scene.labels === 'letters' ? ['start', 'goal'] : ['legend']), ...(more.texts ?? [])],
    derived,
    ...(colours.length === 0 ? {} : { colours: [...(more.colours ?? []), ...colours] }),
  };
}

/** The numbers {@link describeRuns} states: each run's count and where it ends. */
function runNumbers(scene: MazeScene, runs: readonly RouteStep[]): number[] {
  const ends = runEnds(scene.start, runs, moveSize(scene.style));
  return runs.flatMap(({ count }, i) => [count, ...numbersAt(scene, ends[i] as GridPoint)]);
}

/** The runs of a route with where each ends, such as "right 3 to row 1, column 4". */
function describeRuns(scene: MazeScene, runs: readonly RouteStep[], words: Wording): string[] {
  const ends = runEnds(scene.start, runs, moveSize(scene.style));
  return runs.map(({ direction, count }, i) => `${direction} ${count} to ${words.at(ends[i] as GridPoint)}`);
}

function whereAreTheEnds(scene: MazeScene, words: Wording): string {
  return `Counting ${words.unit}s from the top left, ${words.start} is at ${words.at(scene.start)} and ${words.goal} is at ${words.at(scene.goal)}.`;
}

function uniqueness(count: number, length: number): string {
  if (count === 1) return 'No other route is as short, so this is the only shortest route.';
  const many = count > 1000 ? 'more than 1,000' : String(count);
  return `The maze has loops: ${many} different routes take ${length} moves, and any of them is a shortest route.`;
}

/** The shortest route from start to goal, as runs of moves; asked only when the goal is reachable. */
export const shortestRouteTask = defineTask({
  id: 'shortest-route',
  kind: 'route-planning',
  summary: 'The shortest route from start to goal as runs of moves, such as "right 3, down 2".',
  ask(scene: MazeScene) {
    const facts = mazeFacts(scene);
    if (facts.route === undefined) return undefined;
    const w = wording(scene);
    const length = facts.field.length;
    return {
      question: [
        `What is the shortest route from ${w.startFull} to ${w.goalFull}? ${w.moveRule} Give the route as runs of moves, such as "right 3, down 2".`,
        `Find the shortest path through the maze from ${w.startFull} to ${w.goalFull}. ${w.moveRule} Write it as runs of moves like "up 2, left 4".`,
        `How do you get from ${w.startFull} to ${w.goalFull} in as few moves as possible? ${w.moveRule} Answer with runs of moves such as "down 1, right 5".`,
      ],
      answer: answer.route(facts.runs),
      rationale: [
        whereAreTheEnds(scene, w),
        `A breadth-first search from ${w.start} gives every reachable ${w.unit} its fewest moves from ${w.start}; ${w.goal} gets ${length}.`,
        `Stepping back from ${w.goal} to a ${w.unit} one move nearer ${w.start} each time, then reading the route forwards: ${describeRuns(scene, facts.runs, w).join('; ')}.`,
        uniqueness(facts.routeCount, length),
      ],
      regions: ['start', 'goal'],
      // The examples of the answer's form ("right 3, down 2") are given by the question.
      needs: mazeNeeds(scene, { derived: [length, ...runNumbers(scene, facts.runs), Math.min(facts.routeCount, 1000), 3, 2, 4, 1, 5] }),
    };
  },
});

/** How many moves the shortest route takes; asked only when the goal is reachable. */
export const routeLengthTask = defineTask({
  id: 'route-length',
  kind: 'route-planning',
  summary: 'How many moves the shortest route from start to goal takes.',
  ask(scene: MazeScene) {
    const facts = mazeFacts(scene);
    if (facts.route === undefined) return undefined;
    const w = wording(scene);
    const length = facts.field.length;
    const counts = facts.runs.map((s) => s.count);
    return {
      question: [
        `How many moves does the shortest route from ${w.startFull} to ${w.goalFull} take? ${w.moveRule}`,
        `What is the length, in moves, of the shortest path from ${w.startFull} to ${w.goalFull}? ${w.moveRule}`,
        `${w.moveRule} What is the fewest number of moves needed to go from ${w.startFull} to ${w.goalFull}?`,
      ],
      answer: answer.integer(length),
      rationale: [
        whereAreTheEnds(scene, w),
        `Exploring outward from ${w.start} one move at a time (breadth-first search), ${w.goal} is first reached after ${plural(length, 'move')}.`,
        `One such route is ${facts.runs.map((s) => `${s.direction} ${s.count}`).join(', ')}; its runs add up to ${counts.length > 1 ? `${counts.join(' + ')} = ` : ''}${length}.`,
      ],
      regions: ['start', 'goal'],
      needs: mazeNeeds(scene, { derived: [length, ...counts] }),
    };
  },
});

/** Whether the goal can be reached at all; "no" for the mazes sampled with a sealed-off goal. */
export const reachableTask = defineTask({
  id: 'goal-reachable',
  kind: 'reasoning',
  summary: 'Whether any route leads from start to goal.',
  ask(scene: MazeScene) {
    const facts = mazeFacts(scene);
    const w = wording(scene);
    const reachable = facts.route !== undefined;
    const moves =
      scene.style === 'walls'
        ? `Moves go up, down, left or right between cells with no wall in between.${w.boxNote}`
        : `Moves go up, down, left or right through open squares; ${blockWalls}.${w.boxNote}`;
    return {
      question: [
        `Can ${w.goalFull} be reached from ${w.startFull} without crossing a wall? ${moves} Answer yes or no.`,
        `Is there any route through the maze from ${w.startFull} to ${w.goalFull}? ${moves} Answer yes or no.`,
        `${moves} Is it possible to get from ${w.startFull} to ${w.goalFull}? Answer yes or no.`,
      ],
      answer: answer.boolean(reachable),
      rationale: reachable
        ? [
            whereAreTheEnds(scene, w),
            `Flooding out from ${w.start} through open ${w.unit}s reaches ${w.goal} after ${plural(facts.field.length, 'move')}.`,
            `So ${w.goal} can be reached from ${w.start}.`,
          ]
        : [
            whereAreTheEnds(scene, w),
            `Flooding out from ${w.start} through open ${w.unit}s reaches ${plural(facts.reachableCount, w.unit)} (${w.start} included), and ${w.goal} is not among them.`,
            `Every way out of that region is walled off, so no route leads from ${w.start} to ${w.goal}.`,
          ],
      regions: ['start', 'goal'],
      needs: mazeNeeds(scene, { derived: [reachable ? facts.field.length : facts.reachableCount] }),
    };
  },
});

/** The dead ends listed row by row, such as "Row 2: dead ends at columns 3 and 7.", in reading order. */
function deadEndsByRow(scene: MazeScene, ends: readonly GridPoint[]): { lines: string[]; perRow: number[] } {
  const rows = new Map<number, number[]>();
  for (const p of ends) {
    const { row, col } = personPosition(scene, p);
    rows.set(row, [...(rows.get(row) ?? []), col]);
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => a - b);
  return {
    lines: sorted.map(([row, cols]) => {
      const columns = cols.sort((a, b) => a - b);
      return columns.length === 1
        ? `Row ${row}: a dead end at column ${columns[0]}.`
        : `Row ${row}: dead ends at columns ${columns.slice(0, -1).join(', ')} and ${columns.at(-1)}.`;
    }),
    perRow: sorted.map(([, cols]) => cols.length),
  };
}

/**
 * The number of dead ends in the whole maze when it has at most 12, else inside the scene's
 * dashed box (which holds a countable number); listed row by row in the rationale.
 */
export const deadEndsTask = defineTask({
  id: 'dead-ends',
  kind: 'perception',
  summary:
    'How many dead ends (open cells other than start and goal with one way out) the maze has, or, when it has more than 12, how many lie inside a dashed box.',
  ask(scene: MazeScene) {
    const facts = mazeFacts(scene);
    const w = wording(scene);
    const counted = facts.countedDeadEnds;
    const window = scene.deadEndWindow;
    const { lines, perRow } = deadEndsByRow(scene, counted);
    const total = counted.length;
    const inArea = (p: GridPoint) => window === null || inRect(window, p);
    // Start and goal can have one way out too; saying so shows they were seen and left out.
    const ends = [
      { name: w.start, point: scene.start },
      { name: w.goal, point: scene.goal },
    ].filter(({ point }) => inArea(point) && openMoves(facts.lattice, point.row, point.col) === 1);
    const excluded = ends.map(
      ({ name, point }) => `${sentenceCase(name)} (${w.at(point)}) also has one way out, but start and goal are not counted.`,
    );
    const sum = perRow.length > 1 ? `In all, ${perRow.join(' + ')} = ${total}.` : `In all, ${plural(total, 'dead end')}.`;
    const regions = counted.map((p) => deadEndRegion(scene, p));
    // The dead ends are counted in the drawing, in all and row by row; their rows and columns
    // (and those of start and goal when they have one way out) are counted on the grid.
    const tallies = [...new Set(counted.map((p) => personPosition(scene, p).row))].map((row) => ({
      class: deadEndRowClass(row),
      count: counted.filter((p) => personPosition(scene, p).row === row).length,
    }));
    const positions = [...counted, ...ends.map(({ point }) => point)].flatMap((p) => numbersAt(scene, p));

    if (window === null) {
      return {
        question: [
          `How many dead ends does the maze have? ${w.deadEndRule}`,
          `Count the dead ends in this maze. ${w.deadEndRule}`,
          `${w.deadEndRule} How many dead ends are there?`,
        ],
        answer: answer.integer(total),
        rationale: [
          w.deadEndRule,
          total === 0
            ? `Going through the maze row by row, no ${w.unit} has exactly one way out.`
            : `Going through the maze row by row, counting ${w.unit}s from the top left:`,
          ...lines,
          ...excluded,
          sum,
        ],
        regions: ['maze', ...regions],
        needs: mazeNeeds(scene, { counts: 'dead-end', tallies, derived: positions }),
      };
    }

    const from = personPosition(scene, { row: window.top, col: window.left });
    const to = personPosition(scene, { row: window.bottom, col: window.right });
    return {
      question: [
        `How many dead ends are inside the dashed box? ${w.deadEndRule} ${w.windowRule}`,
        `Count the dead ends inside the dashed box. ${w.deadEndRule} ${w.windowRule}`,
        `${w.deadEndRule} ${w.windowRule} How many dead ends lie inside the dashed box?`,
      ],
      answer: answer.integer(total),
      rationale: [
        w.deadEndRule,
        `Counting ${w.unit}s from the top left of the maze, the dashed box covers rows ${from.row}–${to.row} and columns ${from.col}–${to.col}.`,
        total === 0
          ? `Going through the box row by row, no ${w.unit} in it has exactly one way out.`
          : `Going through the box row by row (a ${w.unit} on its edge counts even when its way out leads outside):`,
        ...lines,
        ...excluded,
        sum,
      ],
      regions: ['dead-end-window', ...regions],
      needs: mazeNeeds(scene, { counts: 'dead-end', tallies, derived: [...positions, from.row, to.row, from.col, to.col] }),
    };
  },
});

/** Which of four labelled cells the shortest route passes; asked only when the scene has candidates. */
export const onRouteTask = defineTask({
  id: 'cell-on-route',
  kind: 'reasoning',
  summary: 'Which of four labelled cells A–D the shortest route passes through.',
  ask(scene: MazeScene) {
    const facts = mazeFacts(scene);
    if (facts.route === undefined || scene.candidates.length !== 4) return undefined;
    const w = wording(scene);
    const { field, lattice } = facts;
    const length = field.length;
    const required = onEveryShortestRoute(lattice, field);
    const onSome = scene.candidates.filter((c) => onSomeShortestRoute(field, c.row * lattice.width + c.col));
    const only = onSome[0];
    // The question is fair only if one letter is on every shortest route and the others on none.
    if (onSome.length !== 1 || only === undefined || !required.some((p) => p.row === only.row && p.col === only.col)) {
      return undefined;
    }
    let correct: string | undefined;
    const reasons: string[] = [];
    const options: Record<string, string> = {};
    const derived = [length];
    for (const c of [...scene.candidates].sort((a, b) => a.label.localeCompare(b.label))) {
      const i = c.row * lattice.width + c.col;
      const fromStart = field.fromStart[i] as number;
      const toGoal = field.fromGoal[i] as number;
      options[c.label] = w.at(c);
      derived.push(...numbersAt(scene, c), fromStart, toGoal, fromStart + toGoal);
      if (fromStart + toGoal === length) {
        correct = c.label;
        reasons.push(
          `${c.label} (${w.at(c)}): ${fromStart} moves from ${w.start} plus ${toGoal} moves to ${w.goal} make ${length}, the shortest length, and no other ${w.unit} on a shortest route is ${fromStart} moves from ${w.start}, so every shortest route passes ${c.label}.`,
        );
      } else {
        reasons.push(
          `${c.label} (${w.at(c)}): the best route through it takes ${fromStart} + ${toGoal} = ${fromStart + toGoal} moves, more than ${length}, so no shortest route passes ${c.label}.`,
        );
      }
    }
    if (correct === undefined) return undefined;
    return {
      question: [
        `Four ${w.unit}s are labelled A, B, C and D. Which of them does the shortest route from ${w.startFull} to ${w.goalFull} pass through? ${w.moveRule} Answer with the letter.`,
        `Which labelled ${w.unit}, A, B, C or D, lies on the shortest path from ${w.startFull} to ${w.goalFull}? ${w.moveRule} Answer with the letter.`,
        `${w.moveRule} Going from ${w.startFull} to ${w.goalFull} in as few moves as possible, which of the ${w.unit}s marked A, B, C and D do you pass? Answer with the letter.`,
      ],
      answer: answer.choice(correct, options),
      rationale: [
        `Breadth-first searches from ${w.start} and from ${w.goal} give every ${w.unit} its fewest moves to each end; the shortest route from ${w.start} to ${w.goal} takes ${plural(length, 'move')}.`,
        `A ${w.unit} lies on a shortest route exactly when its moves from ${w.start} plus its moves to ${w.goal} equal ${length}.`,
        ...reasons,
      ],
      regions: ['start', 'goal', `candidate-${correct}`],
      needs: mazeNeeds(scene, { texts: scene.candidates.map((c) => `candidate-${c.label}`), derived }),
    };
  },
});

/** Every maze task, in the order questions are asked. */
export const mazeTasks = [shortestRouteTask, routeLengthTask, reachableTask, deadEndsTask, onRouteTask] as const;
