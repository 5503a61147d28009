import type { GridPoint } from '../grid/point.js';

/** A marker: a two-character label (a letter and a digit, in either order) on a free cell. */
export interface Marker extends GridPoint {
  /** Such as `t2` or `5K`; unique on its map, ignoring case. */
  label: string;
}

/** A colour as drawn, with the name the questions call it by. */
export interface DrawnColour {
  /** From the named palette, such as `olive green`. */
  name: string;
  /** `#rrggbb`, exactly as painted. */
  hex: string;
}

/** The ground truth of one road map. Plain data: it survives a JSON round trip. */
export interface RoadmapScene {
  /** Side of the square grid, in cells. */
  size: number;
  /** `size` strings of `size` characters: `#` obstacle, `.` free. The free cells form one connected road network. */
  grid: string[];
  /** Where the start dot is: a free cell that is a dead end or on a straight stretch of road. */
  start: GridPoint;
  /** Where the end dot is, likewise. */
  end: GridPoint;
  /** The markers, in reading order (row by row, left to right). */
  markers: Marker[];
  /** The reference route: a shortest route from start to end with the fewest turns, every cell from start to end. */
  route: GridPoint[];
  /** The colours drawn, by what they paint; free is the lighter area, and obstacle and free contrast at least 4.5:1. */
  colours: { obstacle: DrawnColour; free: DrawnColour; start: DrawnColour; end: DrawnColour };
  /** Whether thin lines separate the cells. */
  gridLines: boolean;
}

/** Ids of the regions that show the colours the questions name for the two areas: one obstacle cell and one free cell with nothing drawn on it. */
export const areaRegions = { obstacle: 'obstacle-cell', free: 'free-cell' } as const;

/** The class of the marks whose colours the questions name (the two areas and the two dots), which a colour name could mean. */
export const colourClass = 'map-colour';

/** The classes of the regions of the grid's rows and columns, one per row and per column, so a stated grid size can be counted in the drawing. */
export const gridClasses = { row: 'map-row', column: 'map-column' } as const;

/** The class of the markers in one row, counted from 1 as the questions do: `marker-row-3`. */
export function markerRowClass(row: number): string {
  return `marker-row-${row}`;
}

/** An obstacle cell and a free cell with no dot or marker on it, whose pixels show the two areas' colours; either is `undefined` when the map has none. */
export function areaSamples(scene: RoadmapScene): { obstacle: GridPoint | undefined; free: GridPoint | undefined } {
  const taken = (row: number, col: number) =>
    (scene.start.row === row && scene.start.col === col) ||
    (scene.end.row === row && scene.end.col === col) ||
    scene.markers.some((m) => m.row === row && m.col === col);
  let obstacle: GridPoint | undefined;
  let free: GridPoint | undefined;
  scene.grid.forEach((line, row) => {
    for (let col = 0; col < line.length; col++) {
      if (line[col] === '#') obstacle ??= { row, col };
      else if (!taken(row, col)) free ??= { row, col };
    }
  });
  return { obstacle, free };
}
