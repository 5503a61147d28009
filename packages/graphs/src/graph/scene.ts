/** The kinds of relation graph the scenario draws. */
export const graphFamilies = ['organisation', 'research-group', 'family-tree', 'city-network', 'social-network', 'dependency-graph'] as const;

/** A kind of relation graph, such as `organisation` (a tree) or `city-network`. */
export type GraphFamily = (typeof graphFamilies)[number];

/** Node outlines the drawing uses. */
export const nodeShapes = ['box', 'rounded', 'ellipse', 'hexagon'] as const;

/** A node outline. */
export type NodeShape = (typeof nodeShapes)[number];

/** A colour as drawn and as questions name it. */
export interface Colour {
  /** The plain name questions use, such as `light blue`. */
  name: string;
  /** The colour drawn, `#rrggbb`. */
  hex: string;
}

/** One node: its label (unique in the graph), outline and fill colour. */
export interface GraphNode {
  id: string;
  label: string;
  shape: NodeShape;
  colour: Colour;
  /** Networks drawn force-directed: where the layout starts from, in a 4:3 field (`null` otherwise). */
  at: [number, number] | null;
}

/** One edge. In a tree it points from parent to child; in an undirected graph its direction means nothing. */
export interface GraphEdge {
  from: string;
  to: string;
  /** The number written on the edge (a distance, a cost), or `null` when edges carry none. */
  weight: number | null;
}

/**
 * How the graph is laid out: by elkjs, layered (going down or right) or force-directed; or, for
 * trees too wide for either, `hanging` (top-down, the leaves of each parent in a column below it).
 */
export type GraphLayout = 'layered-down' | 'layered-right' | 'force' | 'hanging';

/** The ground truth of one image: a tree or a network. Plain data: it survives a JSON round trip. */
export interface GraphScene {
  family: GraphFamily;
  /** The caption drawn above the graph, such as `Organisation of Northwind Logistics`. */
  title: string;
  /** Whether the graph is a rooted tree (edges from parent to child). */
  tree: boolean;
  /** Whether edges are drawn as arrows and followed only forwards. */
  directed: boolean;
  /** Whether every edge carries a weight, drawn on it. */
  weighted: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
  layout: GraphLayout;
}
