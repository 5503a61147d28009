import { defineScenario } from '@absynth/core';
import { drawMaze } from './draw.js';
import { mazeLevels, mazeParams, mazeSize } from './params.js';
import { sampleMaze } from './sample.js';
import { scoreRoute } from './score.js';
import { mazeTasks } from './tasks.js';
import { mazeText } from './text.js';

/** Grid mazes, perfect or braided, drawn as walls or blocks, with route, reachability, dead-end and which-cell questions. */
export const maze = defineScenario({
  id: 'maze',
  version: 3,
  title: 'Grid mazes',
  summary:
    'Rectangular mazes from 5×5 to 40×40 cells with a start and a goal, some with loops and some with no route; questions ask for the shortest route, its length, whether the goal is reachable, the dead ends (inside a dashed box when the maze has too many to count), and which labelled cell the route passes.',
  params: mazeParams,
  levels: mazeLevels,
  size: mazeSize,
  sample: sampleMaze,
  draw: drawMaze,
  tasks: mazeTasks,
  score: { route: scoreRoute },
  text: mazeText,
});
