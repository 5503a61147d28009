import type { Pen } from '@absynth/render';
import { mixColours, textColourOn } from '@absynth/render';
import { blockedRunsPath, pathNumber } from '../grid/draw.js';
import type { GridPoint } from '../grid/point.js';
import { baseMargin } from './params.js';
import type { RoadmapScene } from './scene.js';
import { areaRegions, areaSamples, colourClass, gridClasses, markerRowClass } from './scene.js';

/** Where the map sits in the image. */
export interface RoadmapLayout {
  /** Top-left corner of the grid, in pixels. */
  x: number;
  y: number;
  /** Side of one cell, in pixels. */
  cell: number;
}

/** Fits the grid into the image: the largest whole-pixel cell that leaves the margin. Whole pixels keep edges crisp. */
export function roadmapLayout(scene: RoadmapScene, width: number, height: number): RoadmapLayout {
  const shrink = Math.min(1, Math.min(width, height) / 512);
  const margin = Math.max(4, Math.round(baseMargin * shrink));
  const fit = Math.min(width - 2 * margin, height - 2 * margin) / scene.size;
  const cell = fit >= 4 ? Math.floor(fit) : fit;
  const side = cell * scene.size;
  return { x: Math.round((width - side) / 2), y: Math.round((height - side) / 2), cell };
}

/** The centre of a cell, in pixels. */
export function cellCentre(layout: RoadmapLayout, cell: GridPoint): [number, number] {
  return [layout.x + (cell.col + 0.5) * layout.cell, layout.y + (cell.row + 0.5) * layout.cell];
}

/**
 * Draws the road map: the free area as one square, the obstacle cells merged into runs and
 * filled as one path (resvg's cost grows with the number of shapes), thin lines between cells
 * in a colour halfway between the two areas, a frame in the theme's foreground, the start and
 * end dots with a thin rim in black or white (whichever stands out on the free area), and each
 * marker's two characters in bold, centred on its cell, in black or white on the free area.
 */
export function drawRoadmap(scene: RoadmapScene, pen: Pen): void {
  const layout = roadmapLayout(scene, pen.width, pen.height);
  const { x, y, cell } = layout;
  const side = cell * scene.size;
  const { obstacle, free } = scene.colours;
  const ink = textColourOn(free.hex);

  pen.group('map', () => {
    pen.rect(x, y, side, side, { fill: free.hex, crispEdges: true });
    const d = blockedRunsPath(scene.grid, x, y, cell);
    if (d !== '') pen.path(d, { x, y, width: side, height: side }, { fill: obstacle.hex, crispEdges: true });
    if (scene.gridLines && cell >= 6) {
      let lines = '';
      for (let i = 1; i < scene.size; i++) {
        lines += `M${pathNumber(x + i * cell)} ${pathNumber(y)}V${pathNumber(y + side)}M${pathNumber(x)} ${pathNumber(y + i * cell)}H${pathNumber(x + side)}`;
      }
      pen.path(lines, { x, y, width: side, height: side }, { stroke: mixColours(obstacle.hex, free.hex, 0.5), strokeWidth: 1, crispEdges: true });
    }
    pen.rect(x, y, side, side, { stroke: pen.theme.foreground, strokeWidth: Math.max(1, Math.min(2, cell / 10)), fill: 'none', crispEdges: true });
    // Drawn nowhere: a cell of each area, whose pixels show the colours the questions name, and
    // the rows and columns of the grid, so a stated size can be counted.
    const samples = areaSamples(scene);
    const cellBox = (p: GridPoint) => ({ x: x + p.col * cell, y: y + p.row * cell, width: cell, height: cell });
    if (samples.obstacle !== undefined) pen.region(areaRegions.obstacle, cellBox(samples.obstacle), { class: colourClass });
    if (samples.free !== undefined) pen.region(areaRegions.free, cellBox(samples.free), { class: colourClass });
    for (let i = 0; i < scene.size; i++) {
      pen.region(`map-row-${i + 1}`, { x, y: y + i * cell, width: side, height: cell }, { class: gridClasses.row });
      pen.region(`map-column-${i + 1}`, { x: x + i * cell, y, width: cell, height: side }, { class: gridClasses.column });
    }
  });

  const dot = (id: 'start' | 'end', at: GridPoint, colour: string) => {
    const [cx, cy] = cellCentre(layout, at);
    pen.circle(cx, cy, cell * 0.36, { fill: colour, stroke: ink, strokeWidth: Math.max(1, cell * 0.05) }, { id, class: colourClass });
  };
  dot('start', scene.start, scene.colours.start.hex);
  dot('end', scene.end, scene.colours.end.hex);

  const fontSize = Math.max(7, Math.min(18, cell * 0.52));
  for (const marker of scene.markers) {
    const [cx, cy] = cellCentre(layout, marker);
    pen.text(
      cx,
      cy,
      marker.label,
      { fill: ink, fontSize, weight: 'bold', anchor: 'middle', baseline: 'middle' },
      { id: `marker-${marker.label}`, class: `marker ${markerRowClass(marker.row + 1)}` },
    );
  }
}
