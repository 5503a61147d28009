import { moves } from './moves.js';
import type { GridPoint } from './point.js';

/** A `#`/`.` grid as flags, row by row: 1 where the square is open (`.`), at `row·width + col`. */
export function openFlags(lines: readonly string[]): Uint8Array {
  const width = lines[0]?.length ?? 0;
  const open = new Uint8Array(width * lines.length);
  lines.forEach((line, r) => {
    for (let c = 0; c < width; c++) if (line.charCodeAt(c) === 46 /* . */) open[r * width + c] = 1;
  });
  return open;
}

/** Flags of open squares, `width` to a row, as `#`/`.` lines: the inverse of {@link openFlags}. */
export function flagLines(open: Uint8Array, width: number): string[] {
  const lines: string[] = [];
  for (let start = 0; start < open.length; start += width) {
    let line = '';
    for (let i = start; i < start + width; i++) line += open[i] === 1 ? '.' : '#';
    lines.push(line);
  }
  return lines;
}

/**
 * Fewest moves from `from` to every square of a grid of open flags, `width` to a row, by
 * breadth-first search; -1 where no route reaches. A move goes `blocksPerMove` squares up,
 * right, down or left, and every square it crosses must be open.
 */
export function moveDistances(open: Uint8Array, width: number, from: GridPoint, blocksPerMove: 1 | 2 = 1): Int32Array {
  const height = open.length / width;
  const isOpen = (row: number, col: number) => row >= 0 && col >= 0 && row < height && col < width && open[row * width + col] === 1;
  const dist = new Int32Array(open.length).fill(-1);
  if (!isOpen(from.row, from.col)) return dist;
  const queue = new Int32Array(open.length);
  let head = 0;
  let tail = 0;
  const origin = from.row * width + from.col;
  dist[origin] = 0;
  queue[tail++] = origin;
  while (head < tail) {
    const here = queue[head++] as number;
    const row = Math.floor(here / width);
    const col = here - row * width;
    for (const { dr, dc } of moves) {
      let clear = true;
      for (let i = 1; i <= blocksPerMove && clear; i++) clear = isOpen(row + dr * i, col + dc * i);
      if (!clear) continue;
      const next = (row + dr * blocksPerMove) * width + (col + dc * blocksPerMove);
      if (dist[next] !== -1) continue;
      dist[next] = (dist[here] as number) + 1;
      queue[tail++] = next;
    }
  }
  return dist;
}
