import { defineScenario } from '@absynth/core';
import { drawGraph } from './draw.js';
import { graphLevels, graphParams, graphSize } from './params.js';
import { sampleGraph } from './sample.js';
import { graphTasks } from './tasks.js';
import { graphText } from './text.js';

/** Relation graphs: trees (organisations, research groups, families) and networks (cities, people, modules). */
export const graphs = defineScenario({
  id: 'graphs',
  version: 5,
  title: 'Relation graphs',
  summary:
    'Trees (organisation charts, research groups, family trees) and networks (cities with distances, social networks, module dependencies), laid out with elkjs; questions ask what the figure is, node colours and outlines, how many nodes have a colour, whether a node exists, counts of nodes, edges, children, descendants and leaves, shortest paths and distances, the most connected node, reachability and common superiors.',
  params: graphParams,
  levels: graphLevels,
  size: graphSize,
  sample: sampleGraph,
  draw: drawGraph,
  tasks: graphTasks,
  text: graphText,
});
