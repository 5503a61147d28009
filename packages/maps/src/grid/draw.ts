/** A number as SVG path text, rounded to 2 decimals. */
export function pathNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * The `#` squares of a `#`/`.` grid merged into horizontal runs, as SVG path data of one
 * rectangle per run, for a grid whose top-left corner is at (`x`, `y`) with squares `side`
 * pixels wide. One path instead of a rectangle per square keeps resvg fast.
 */
export function blockedRunsPath(lines: readonly string[], x: number, y: number, side: number): string {
  let d = '';
  lines.forEach((line, row) => {
    for (let col = 0; col < line.length; col++) {
      if (line[col] !== '#') continue;
      const from = col;
      while (line[col + 1] === '#') col++;
      const width = (col + 1 - from) * side;
      d += `M${pathNumber(x + from * side)} ${pathNumber(y + row * side)}h${pathNumber(width)}v${pathNumber(side)}h${pathNumber(-width)}z`;
    }
  });
  return d;
}
