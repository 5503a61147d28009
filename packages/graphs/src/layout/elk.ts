import type { Box, Point } from '@absynth/render';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import * as workerModule from 'elkjs/lib/elk-worker.js';

/** The in-thread "worker" elkjs ships (`elk-worker.js`; its bundle uses the same one in Node): a dispatcher that answers messages synchronously. */
interface BundledWorker {
  dispatcher: { saveDispatch(event: { data: unknown }): void };
  onmessage: ((answer: { data: { id: number; data?: unknown; error?: { message?: string } | string } }) => void) | null;
}

/**
 * elkjs's layout engine, called synchronously. The public `ELK` API wraps the bundle's in-thread
 * worker in two `setTimeout(0)` hops per layout, which cost 2 ms or more of idle time each in
 * Node; this talks to the same dispatcher with the same messages (`register`, `layout`) and
 * takes its reply directly. It relies on the bundle's internals, so elkjs is pinned to an exact
 * version, and a test checks that it lays out exactly as the public API does.
 */
export class SyncElk {
  private readonly worker: BundledWorker;
  private reply: { data?: unknown; error?: { message?: string } | string } | undefined;

  constructor(algorithms: readonly string[] = ['layered', 'force']) {
    const Worker = (workerModule as unknown as { Worker: new () => BundledWorker }).Worker;
    this.worker = new Worker();
    this.worker.onmessage = (answer) => {
      this.reply = answer.data;
    };
    this.call({ cmd: 'register', algorithms: [...algorithms] });
  }

  private call(message: Record<string, unknown>): unknown {
    this.reply = undefined;
    this.worker.dispatcher.saveDispatch({ data: { id: 0, ...message } });
    const reply = this.reply as { data?: unknown; error?: { message?: string } | string } | undefined;
    if (reply === undefined) throw new Error('elkjs: the layout engine did not answer');
    if (reply.error !== undefined) {
      throw new Error(`elkjs: ${typeof reply.error === 'string' ? reply.error : (reply.error.message ?? JSON.stringify(reply.error))}`);
    }
    return reply.data;
  }

  /** Lays out a graph in ELK's JSON format and returns it with positions. */
  layout(graph: ElkNode): ElkNode {
    return this.call({ cmd: 'layout', graph, layoutOptions: {}, options: { logging: false, measureExecutionTime: false } }) as ElkNode;
  }
}

// One engine per thread, kept warm: the first layout in a process costs about 100 ms (class
// loading in the compiled Java), later ones a few milliseconds.
let engine: SyncElk | undefined;
function elk(): SyncElk {
  engine ??= new SyncElk();
  return engine;
}

/** A node to lay out, with its size. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Force-directed layouts: a starting position for the node's top-left corner. */
  x?: number;
  y?: number;
}

/** An edge to lay out, with the size of its label if it has one. */
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  label?: { width: number; height: number };
}

/** Where everything went: boxes of nodes, polylines and label boxes of edges, and the whole size. */
export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  edges: Map<string, { points: Point[]; label: Box | null }>;
}

/** The layout styles the scenarios use. */
export type LayoutStyle = 'layered-down' | 'layered-right' | 'force';

function options(style: LayoutStyle, spacing: number, seed: number, seeded: boolean): LayoutOptions {
  const common: LayoutOptions = {
    'elk.randomSeed': String(seed),
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    'elk.spacing.nodeNode': String(spacing),
    'elk.spacing.edgeLabel': '3',
  };
  if (style === 'force') {
    // Edge labels would become part of the force model (and cost ten times as much); callers place them.
    return {
      ...common,
      'elk.algorithm': 'force',
      // Started from sampled positions, a few dozen rounds tidy a layout; from scratch it takes hundreds.
      'elk.force.iterations': seeded ? '80' : '300',
      'elk.spacing.nodeNode': String(spacing * 2.5),
      ...(seeded ? { 'elk.interactive': 'true' } : {}),
    };
  }
  return {
    ...common,
    'elk.algorithm': 'layered',
    'elk.direction': style === 'layered-down' ? 'DOWN' : 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': String(spacing * 1.6),
    'elk.layered.spacing.edgeNodeBetweenLayers': String(spacing * 0.6),
    'elk.spacing.edgeNode': String(spacing * 0.6),
    'elk.spacing.edgeEdge': String(spacing * 0.5),
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    // Nodes come in reading order (a program's statements, a tree's layers), so arrows that go
    // back in that order are the loops: reversing exactly those keeps Start at the top.
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  };
}

/**
 * Lays out a graph with elkjs (synchronously, see `SyncElk`): layered (top-down or left-right, orthogonal edges, labels placed
 * by ELK beside their edges) or force-directed (straight edges). Deterministic: the same input gives the
 * same layout (`seed` varies force-directed layouts). Coordinates start at (0, 0).
 */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], style: LayoutStyle, spacing = 24, seed = 1): Layout {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: options(style, spacing, seed, nodes.every((n) => n.x !== undefined && n.y !== undefined)),
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, ...(n.x === undefined ? {} : { x: n.x, y: n.y }) })),
    edges: edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      ...(e.label === undefined || style === 'force' ? {} : { labels: [{ id: `${e.id}-label`, text: ' ', width: e.label.width, height: e.label.height }] }),
    })),
  };
  const result = elk().layout(graph);
  const boxes = new Map<string, Box>();
  for (const child of result.children ?? []) {
    boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
  }
  const routed = new Map<string, { points: Point[]; label: Box | null }>();
  for (const edge of (result.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    const points: Point[] =
      section === undefined
        ? []
        : [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [p.x, p.y] as const);
    const label = edge.labels?.[0];
    routed.set(edge.id, {
      points,
      label: label === undefined || label.x === undefined ? null : { x: label.x, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 },
    });
  }
  return { width: result.width ?? 0, height: result.height ?? 0, nodes: boxes, edges: routed };
}
