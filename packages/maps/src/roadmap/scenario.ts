import { defineScenario } from '@absynth/core';
import { drawRoadmap } from './draw.js';
import { roadmapLevels, roadmapParams, roadmapSize } from './params.js';
import { sampleRoadmap } from './sample.js';
import { scoreRoadmapRoute } from './score.js';
import { roadmapTasks } from './tasks.js';
import { roadmapText } from './text.js';

/** The paper's road maps: a grid of obstacle and free cells with start and end dots and two-character markers, with route-planning questions. */
export const roadmap = defineScenario({
  id: 'roadmap',
  version: 1,
  title: 'Road maps with markers',
  summary:
    'Square grids from 10×10 to 30×30 cells whose free area is a road network with loops, dead ends and decoy branches, start and end dots and two-character markers (t2, 5K) at turns and crossings, in named colours; questions ask for a route from start to end named by its markers (any valid route is right), the marker closest to the end, the turns of the shortest route, whether a marker lies on a shortest route, and how many markers there are.',
  params: roadmapParams,
  levels: roadmapLevels,
  size: roadmapSize,
  sample: sampleRoadmap,
  draw: drawRoadmap,
  tasks: roadmapTasks,
  score: { route: scoreRoadmapRoute },
  text: roadmapText,
});
