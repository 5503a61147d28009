/**
 * A position in a grid of squares: `row` and `col` count squares from the top left, from 0. A
 * road map's cells, and a maze's blocks (its cells, the passages between them and the walls).
 */
export interface GridPoint {
  row: number;
  col: number;
}

/** A rectangle of grid positions, bounds included: those with `top ≤ row ≤ bottom` and `left ≤ col ≤ right`. */
export interface GridRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Whether a position lies in a rectangle. */
export function inRect(rect: GridRect, p: GridPoint): boolean {
  return p.row >= rect.top && p.row <= rect.bottom && p.col >= rect.left && p.col <= rect.right;
}
