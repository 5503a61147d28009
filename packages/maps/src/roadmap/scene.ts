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
