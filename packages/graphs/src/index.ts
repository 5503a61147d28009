import type { flowcharts } from './flowchart/scenario.js';
import type { graphs } from './graph/scenario.js';

export { flowcharts } from './flowchart/scenario.js';
export type { FlowchartParams } from './flowchart/params.js';
export { compile, evaluate, exprText, type Flow, type Run, run, type Stmt } from './flowchart/program.js';
export type { Action, Expr, FlowchartScene, FlowEdge, FlowNode, FlowNodeKind } from './flowchart/scene.js';
export { algorithms } from './flowchart/algorithm-catalogue.js';
export { type Workflow, type WorkflowItem, workflows } from './flowchart/workflows.js';
export { flowchartText } from './flowchart/text.js';
export { graphs } from './graph/scenario.js';
export type { GraphParams } from './graph/params.js';
export type { Colour, GraphEdge, GraphFamily, GraphLayout, GraphNode, GraphScene, NodeShape } from './graph/scene.js';
export { graphFamilies } from './graph/scene.js';
export { graphText } from './graph/text.js';
export { type Layout, type LayoutEdge, type LayoutNode, type LayoutStyle, layoutGraph, SyncElk } from './layout/elk.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    graphs: typeof graphs;
    flowcharts: typeof flowcharts;
  }
}
