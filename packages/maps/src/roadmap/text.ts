import type { RoadmapScene } from './scene.js';

/**
 * The road map as text, for datasets written text-only or with both the image and the text:
 * one line per grid row, top to bottom, each cell two characters and cells separated by a
 * space (`##` obstacle, `..` free, `SS` start, `EE` end, or the cell's marker, such as `t2`),
 * then a one-line legend that names the colours the image draws, so a question that names
 * them reads the same against the text.
 */
export function roadmapText(scene: RoadmapScene): string {
  const cells = scene.grid.map((line) => [...line].map((ch): string => (ch === '#' ? '##' : '..')));
  const put = (row: number, col: number, text: string) => {
    const line = cells[row];
    if (line !== undefined) line[col] = text;
  };
  for (const marker of scene.markers) put(marker.row, marker.col, marker.label);
  put(scene.start.row, scene.start.col, 'SS');
  put(scene.end.row, scene.end.col, 'EE');
  const { obstacle, free, start, end } = scene.colours;
  const legend =
    `Legend: a ${scene.size} * ${scene.size} road map, rows top to bottom, each cell two characters, cells separated by spaces: ` +
    `## obstacle area (${obstacle.name}), .. free area (${free.name}), SS start point (the ${start.name} dot), ` +
    `EE end point (the ${end.name} dot), and any other pair, a letter and a digit, is a marker on a free cell.`;
  return `${cells.map((line) => line.join(' ')).join('\n')}\n${legend}`;
}
