import type { Rng } from '@absynth/core';
import type { ReaderNeeds, RouteStep } from '@absynth/core';
import { answer, defineTask } from '@absynth/core';
import { runEnds, runsAlong } from '../grid/moves.js';
import type { GridPoint } from '../grid/point.js';
import { plural } from '../wording.js';
import type { RoadmapFacts } from './facts.js';
import { onShortestRoute, roadmapFacts } from './facts.js';
import type { Marker, RoadmapScene } from './scene.js';
import { areaRegions, colourClass, gridClasses, markerRowClass } from './scene.js';

/** A cell as a person counts it: `row 3, column 5`, from 1 at the top left. */
function cellName(cell: GridPoint): string {
  return `row ${cell.row + 1}, column ${cell.col + 1}`;
}

/** A cell as the two numbers {@link cellName} states. */
function cellNumbers(cell: GridPoint): number[] {
  return [cell.row + 1, cell.col + 1];
}

/** The drawn text of a marker. */
const markerText = (marker: Marker) => `marker-${marker.label}`;

/**
 * What a reader needs for a road-map question, besides `more`: the grid's size counted in its
 * drawn rows and columns, and, when `colours`, the four colours the question names, each against
 * the pixels of its area or dot and apart from the other three. The rows, columns, moves and
 * turns a question states are not printed: they are counted on the drawn grid, so they are
 * given as `derived`.
 */
function roadmapNeeds(scene: RoadmapScene, colours: boolean, more: ReaderNeeds): ReaderNeeds {
  const { obstacle, free, start, end } = scene.colours;
  const named = (colour: { name: string; hex: string }, region: string) => ({ name: colour.name, hex: colour.hex, region, among: colourClass });
  return {
    ...more,
    tallies: [...(more.tallies ?? []), { class: gridClasses.row, count: scene.size }, { class: gridClasses.column, count: scene.size }],
    ...(colours
      ? { colours: [named(obstacle, areaRegions.obstacle), named(free, areaRegions.free), named(start, 'start'), named(end, 'end')] }
      : {}),
    derived: [...new Set(more.derived ?? [])],
  };
}

/** The numbers {@link whereAreTheDots}, {@link searchFinding} and {@link turnsFinding} state. */
function findingNumbers(scene: RoadmapScene, facts: RoadmapFacts): number[] {
  return [...cellNumbers(scene.start), ...cellNumbers(scene.end), facts.length, facts.turns, facts.mostTurns];
}

/** The paper's description of the map, colours as drawn: the opening of the route question. */
function paperIntro(scene: RoadmapScene): string {
  const { obstacle, free, start, end } = scene.colours;
  return (
    `You are now in a ${scene.size} * ${scene.size} road map. The road map is divided into two areas: the obstacle area and the free area. ` +
    `The color of obstacle area is ${obstacle.name}, and the color of free area is ${free.name}. ` +
    `The color of start point is ${start.name}, and the color of end point is ${end.name}. ` +
    'You can move up, down, left, or right, through the free area only. The road map has some markers to help you find the path.'
  );
}

/** A shorter description for the other questions: the areas, the dots and what a move is. */
function mapContext(scene: RoadmapScene): string {
  const { obstacle, free, start, end } = scene.colours;
  return (
    `In this ${scene.size} * ${scene.size} road map, the obstacle area is ${obstacle.name} and the free area is ${free.name}; ` +
    `the start point is the ${start.name} dot and the end point is the ${end.name} dot. ` +
    'A move goes one cell up, down, left or right, through the free area only.'
  );
}

const markerRule = 'Markers are the two-character labels, a letter and a digit, written on free cells.';

function whereAreTheDots(scene: RoadmapScene): string {
  const { start, end } = scene.colours;
  return `Counting cells from 1 at the top left, the start point (the ${start.name} dot) is at ${cellName(scene.start)} and the end point (the ${end.name} dot) is at ${cellName(scene.end)}.`;
}

function searchFinding(facts: RoadmapFacts): string {
  return `A breadth-first search through the free area from the start point reaches the end point after ${plural(facts.length, 'move')}, so every shortest route takes ${facts.length} moves.`;
}

function turnsFinding(facts: RoadmapFacts): string {
  const more =
    facts.mostTurns === facts.turns
      ? 'and every shortest route makes exactly that many'
      : `while other shortest routes make up to ${facts.mostTurns}`;
  return `Tracking for every cell the fewest turns of the shortest routes that arrive there, in each direction they can arrive from, the end point is reached with ${plural(facts.turns, 'turn')} at the fewest, ${more}.`;
}

/** The reference route cut at its markers: the runs of each stretch, and the marker it ends at (none for the last, which ends at the end point). */
function markerStretches(scene: RoadmapScene): { runs: RouteStep[]; marker: Marker | undefined }[] {
  const { markerAt, roads } = roadmapFacts(scene);
  const stretches: { runs: RouteStep[]; marker: Marker | undefined }[] = [];
  let from = 0;
  for (let i = 1; i < scene.route.length; i++) {
    const cell = scene.route[i] as GridPoint;
    const marker = markerAt.get(cell.row * roads.size + cell.col);
    if (marker === undefined && i < scene.route.length - 1) continue;
    stretches.push({ runs: runsAlong(scene.route.slice(from, i + 1)), marker });
    from = i;
  }
  return stretches;
}

/**
 * The reference route told the paper's way, as numbered instructions, one per stretch between
 * markers: "1. Move up 3 cells until you reach t2.", ending "Move right 2 cells to reach the end
 * point." Every turn of a shortest route carries a marker, so each stretch is one straight run.
 */
export function routeInstructions(scene: RoadmapScene): string[] {
  return markerStretches(scene).map(({ runs, marker }, i) => {
    const moves = runs.map((run) => `${run.direction} ${plural(run.count, 'cell')}`).join(', then ');
    return `${i + 1}. Move ${moves} ${marker === undefined ? 'to reach the end point' : `until you reach ${marker.label}`}.`;
  });
}

/** The numbers {@link routeInstructions} states: each step's number and its runs' moves. */
function instructionNumbers(scene: RoadmapScene): number[] {
  return markerStretches(scene).flatMap(({ runs }, i) => [i + 1, ...runs.map((run) => run.count)]);
}

/**
 * The reference route as runs that each end at a marker, at a turn or at the end point; a run
 * ending at a marker names it, so the answer's canonical text is the paper's numbered steps.
 */
export function routeLegs(scene: RoadmapScene): RouteStep[] {
  return markerStretches(scene).flatMap(({ runs, marker }) => {
    const last = runs[runs.length - 1];
    return marker === undefined || last === undefined ? runs : [...runs.slice(0, -1), { ...last, to: marker.label }];
  });
}

/** A route from start to end, as numbered steps that name the markers passed; answered as the moves and the markers. */
export const findRouteTask = defineTask({
  id: 'find-route',
  kind: 'route-planning',
  summary:
    'A route from the start point to the end point through the free area, answered as numbered steps that name the markers passed ("Move up until you reach t2. …"); any valid route is right.',
  ask(scene: RoadmapScene) {
    const facts = roadmapFacts(scene);
    const intro = paperIntro(scene);
    const labels = facts.routeMarkers.map((m) => m.label);
    return {
      question: [
        `${intro} Now you need to find a path from the start point to the end point. Give the path as numbered steps, each moving in one direction until you reach a marker or the end point, and name every marker you pass.`,
        `${intro} Plan a route from the start point to the end point. Write it as numbered steps such as "Move up until you reach <marker>", naming the markers you pass in order.`,
        `${intro} How do you get from the start point to the end point? Answer with numbered steps, each going up, down, left or right until a marker or the end point, and name the markers on the way in order.`,
      ],
      answer: answer.route(routeLegs(scene), labels),
      rationale: [
        whereAreTheDots(scene),
        searchFinding(facts),
        turnsFinding(facts),
        `Every turn of a shortest route is at a marker, so one such route can be told marker by marker:`,
        ...routeInstructions(scene),
        labels.length === 1 ? `The route passes one marker: ${labels[0]}.` : `The markers passed, in order: ${labels.join(', ')}.`,
      ],
      regions: ['start', 'end', ...labels.map((label) => `marker-${label}`)],
      // Any valid route is right, so every marker may be named: all of them are read.
      needs: roadmapNeeds(scene, true, {
        texts: scene.markers.map(markerText),
        derived: [...findingNumbers(scene, facts), ...instructionNumbers(scene)],
      }),
    };
  },
});

/** The marker the fewest moves from the end point; asked only when one marker is strictly closest. */
export const closestMarkerTask = defineTask({
  id: 'closest-marker',
  kind: 'reasoning',
  summary: 'Which marker is closest to the end point by walking distance (fewest moves through the free area); asked only when exactly one is closest.',
  ask(scene: RoadmapScene) {
    const facts = roadmapFacts(scene);
    const size = facts.roads.size;
    const ranked = scene.markers
      .map((marker) => ({ marker, moves: facts.fromEnd[marker.row * size + marker.col] as number }))
      .filter(({ moves }) => moves >= 0)
      .sort((a, b) => a.moves - b.moves || a.marker.row - b.marker.row || a.marker.col - b.marker.col);
    const [first, second] = ranked;
    if (first === undefined || (second !== undefined && second.moves === first.moves)) return undefined;
    const context = mapContext(scene);
    const shown = ranked.slice(0, 6);
    const rest = ranked[shown.length];
    return {
      question: [
        `${context} Which marker is closest to the end point, counting the fewest moves needed to walk from it to the end point? Answer with the marker's label.`,
        `${context} Walking through the free area, from which marker can you reach the end point in the fewest moves? Answer with the label.`,
        `${context} ${markerRule} Which marker has the shortest walk to the end point? Answer with its two characters.`,
      ],
      answer: answer.text(first.marker.label),
      rationale: [
        `Walking distance is the fewest moves through the free area. A breadth-first search outward from the end point (the ${scene.colours.end.name} dot, at ${cellName(scene.end)}) gives every free cell its walking distance to it.`,
        `The markers nearest the end point: ${shown.map(({ marker, moves }) => `${marker.label} (${cellName(marker)}) ${plural(moves, 'move')}`).join('; ')}.`,
        ...(rest === undefined ? [] : [`Every other marker is at least ${plural(rest.moves, 'move')} away.`]),
        `So ${first.marker.label} is the closest, ${plural(first.moves, 'move')} from the end point; no other marker is as close.`,
      ],
      regions: ['end', `marker-${first.marker.label}`],
      // The answer is the marker read off the map, among all the markers.
      needs: roadmapNeeds(scene, true, {
        texts: scene.markers.map(markerText),
        derived: [...cellNumbers(scene.end), ...shown.flatMap(({ marker, moves }) => [...cellNumbers(marker), moves]), ...(rest === undefined ? [] : [rest.moves])],
      }),
    };
  },
});

/** The turns of the shortest route; when shortest routes differ in turns, the fewest, and the question says so. */
export const routeTurnsTask = defineTask({
  id: 'route-turns',
  kind: 'route-planning',
  summary:
    'How many turns the shortest route from start to end makes; when shortest routes differ in turns, the question asks for the fewest any of them makes.',
  ask(scene: RoadmapScene) {
    const facts = roadmapFacts(scene);
    const context = mapContext(scene);
    const turnRule = 'A turn is a change of direction between two moves.';
    const question =
      facts.mostTurns === facts.turns
        ? [
            `${context} How many turns does the shortest route from the start point to the end point make? ${turnRule}`,
            `${context} Following a shortest route (one with the fewest moves) from the start point to the end point, how many times do you change direction?`,
            `${context} ${turnRule} How many turns are there on the shortest route from the start point to the end point?`,
          ]
        : [
            `${context} Several routes from the start point to the end point take the fewest moves, and they do not all turn equally often. What is the fewest number of turns one of these shortest routes makes? ${turnRule}`,
            `${context} Among the shortest routes (those with the fewest moves) from the start point to the end point, which makes the fewest changes of direction, and how many does it make? Answer with the number.`,
            `${context} ${turnRule} Of all the routes from the start point to the end point with the fewest moves, what is the smallest number of turns?`,
          ];
    return {
      question,
      answer: answer.integer(facts.turns),
      rationale: [whereAreTheDots(scene), searchFinding(facts), turnsFinding(facts), ...turnsWalk(scene, facts)],
      regions: ['start', 'end', ...facts.routeMarkers.map((m) => `marker-${m.label}`)],
      needs: roadmapNeeds(scene, true, {
        texts: facts.routeMarkers.map(markerText),
        derived: [...findingNumbers(scene, facts), ...turnsWalkNumbers(scene)],
      }),
    };
  },
});

/** One route with the fewest turns, run by run, each turn named by its cell and marker. */
function turnsWalk(scene: RoadmapScene, facts: RoadmapFacts): string[] {
  const runs = runsAlong(scene.route);
  const ends = runEnds(scene.start, runs);
  const turns = Math.max(0, runs.length - 1);
  const told = runs.map(({ direction, count }, i) => {
    const end = ends[i] as GridPoint;
    if (i === turns) return `${direction} ${count} to the end point`;
    const marker = facts.markerAt.get(end.row * facts.roads.size + end.col);
    return `${direction} ${count}, then turn ${i + 1} at ${marker?.label ?? cellName(end)}`;
  });
  return [`One such route: ${told.join('; ')}.`, `That makes ${plural(turns, 'turn')}.`];
}

/** The numbers {@link turnsWalk} states: each run's moves, each turn's number (and its cell when no marker names it), and the turns in all. */
function turnsWalkNumbers(scene: RoadmapScene): number[] {
  const runs = runsAlong(scene.route);
  const ends = runEnds(scene.start, runs);
  return [...runs.flatMap(({ count }, i) => [count, i + 1, ...cellNumbers(ends[i] as GridPoint)]), Math.max(0, runs.length - 1)];
}

/** Whether a marker lies on some shortest route; half the time one that does, when the map has both kinds. */
export const markerOnRouteTask = defineTask({
  id: 'marker-on-route',
  kind: 'reasoning',
  summary: 'Whether a given marker lies on a shortest route from the start point to the end point (yes or no).',
  ask(scene: RoadmapScene, rng: Rng) {
    const facts = roadmapFacts(scene);
    const on = scene.markers.filter((m) => onShortestRoute(facts, m));
    const off = scene.markers.filter((m) => !onShortestRoute(facts, m));
    const pool = on.length === 0 ? off : off.length === 0 ? on : rng.bool() ? on : off;
    if (pool.length === 0) return undefined;
    const marker: Marker = rng.pick(pool);
    const size = facts.roads.size;
    const a = facts.field.distance[marker.row * size + marker.col] as number;
    const b = facts.fromEnd[marker.row * size + marker.col] as number;
    const yes = a + b === facts.length;
    const context = mapContext(scene);
    return {
      question: [
        `${context} Does the marker ${marker.label} lie on a shortest route (one with the fewest moves) from the start point to the end point? Answer yes or no.`,
        `${context} Can a route from the start point to the end point with the fewest possible moves pass through the marker ${marker.label}? Answer yes or no.`,
        `${context} ${markerRule} Is ${marker.label} on a shortest route from the start point to the end point? Answer yes or no.`,
      ],
      answer: answer.boolean(yes),
      rationale: [
        searchFinding(facts),
        `A cell lies on some shortest route exactly when its fewest moves from the start point plus its fewest moves to the end point make ${facts.length}.`,
        `${marker.label} is at ${cellName(marker)}: ${plural(a, 'move')} from the start point and ${plural(b, 'move')} to the end point; ${a} + ${b} = ${a + b}, ${
          yes ? `exactly ${facts.length}, so a shortest route passes ${marker.label}.` : `more than ${facts.length}, so no shortest route passes ${marker.label}.`
        }`,
      ],
      regions: ['start', 'end', `marker-${marker.label}`],
      needs: roadmapNeeds(scene, true, { texts: [markerText(marker)], derived: [facts.length, ...cellNumbers(marker), a, b, a + b] }),
    };
  },
});

/** How many markers the map has, counted row by row in the rationale. */
export const markerCountTask = defineTask({
  id: 'marker-count',
  kind: 'perception',
  summary: 'How many markers the road map has.',
  ask(scene: RoadmapScene) {
    const rows = new Map<number, Marker[]>();
    for (const marker of scene.markers) rows.set(marker.row, [...(rows.get(marker.row) ?? []), marker]);
    const sorted = [...rows.entries()].sort(([a], [b]) => a - b);
    const total = scene.markers.length;
    const perRow = sorted.map(([, markers]) => markers.length);
    return {
      question: [
        `How many markers are there in this ${scene.size} * ${scene.size} road map? ${markerRule}`,
        `Count the markers in the road map. ${markerRule}`,
        `${markerRule} How many markers does this road map have?`,
      ],
      answer: answer.integer(total),
      rationale: [
        total === 0 ? 'Going through the map row by row, from the top, no cell carries a marker.' : 'Going through the map row by row, from the top:',
        ...sorted.map(
          ([row, markers]) =>
            `Row ${row + 1}: ${markers
              .sort((a, b) => a.col - b.col)
              .map((m) => `${m.label} (column ${m.col + 1})`)
              .join(', ')}.`,
        ),
        perRow.length > 1 ? `In all, ${perRow.join(' + ')} = ${total}.` : `In all, ${plural(total, 'marker')}.`,
      ],
      regions: ['map', ...scene.markers.map((m) => `marker-${m.label}`)],
      // The markers are counted in the drawing, in all and row by row, and read.
      needs: roadmapNeeds(scene, false, {
        texts: scene.markers.map(markerText),
        counts: 'marker',
        tallies: sorted.map(([row, markers]) => ({ class: markerRowClass(row + 1), count: markers.length })),
        derived: scene.markers.flatMap(cellNumbers),
      }),
    };
  },
});

/** Every road-map task, in the order questions are asked. */
export const roadmapTasks = [findRouteTask, closestMarkerTask, routeTurnsTask, markerOnRouteTask, markerCountTask] as const;
