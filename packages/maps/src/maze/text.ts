import type { MazeScene } from './scene.js';
import { personPosition } from './scene.js';

/**
 * The maze as text, for datasets written text-only or with both the image and the text: the
 * block grid one line per row (`#` blocked, `.` open, `S` the start, `G` the goal, `A`–`D` the
 * labelled cells), then a one-line legend that says what a move is in the scene's drawing style
 * and where the dashed box is, when there is one.
 */
export function mazeText(scene: MazeScene): string {
  const lines = scene.grid.map((line) => [...line]);
  const put = (row: number, col: number, ch: string) => {
    const line = lines[row];
    if (line !== undefined) line[col] = ch;
  };
  for (const candidate of scene.candidates) put(candidate.row, candidate.col, candidate.label);
  put(scene.start.row, scene.start.col, 'S');
  put(scene.goal.row, scene.goal.col, 'G');
  const walls = scene.style === 'walls';
  const unit = walls ? 'cell' : 'square';
  const marks = `S the start (the circle), G the goal (the square)${scene.candidates.length > 0 ? ', A to D the labelled cells' : ''}`;
  const moves = walls
    ? `# wall, . open, ${marks}; the cells are the characters in odd rows and odd columns counting from 0, and a move goes to the next cell up, down, left or right, two characters away, when the character between them is . (open)`
    : `# wall square, . open square, ${marks}; a move goes to the next open square up, down, left or right`;
  const window = scene.deadEndWindow;
  let box = '';
  if (window !== null) {
    const from = personPosition(scene, { row: window.top, col: window.left });
    const to = personPosition(scene, { row: window.bottom, col: window.right });
    box = `; the dashed box covers ${unit} rows ${from.row} to ${to.row} and ${unit} columns ${from.col} to ${to.col}, counting ${unit}s from 1 at the top left`;
  }
  return `${lines.map((line) => line.join('')).join('\n')}\nLegend: ${moves}${box}.`;
}
