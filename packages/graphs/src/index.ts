import type { graphs } from './graph/scenario.js';

export { graphs } from './graph/scenario.js';
export type { GraphParams } from './graph/params.js';
export type { Colour, GraphEdge, GraphFamily, GraphLayout, GraphNode, GraphScene, NodeShape } from './graph/scene.js';
export { graphFamilies } from './graph/scene.js';
export { graphText } from './graph/text.js';
export { layoutGraph, type Layout, type LayoutEdge, type LayoutNode, type LayoutStyle } from './layout/elk.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    graphs: typeof graphs;
  }
}
