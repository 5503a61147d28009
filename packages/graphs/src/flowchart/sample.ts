import type { Rng } from '@absynth/core';
import { namedColour } from '@absynth/render';
import { algorithms } from './algorithm-catalogue.js';
import type { FlowchartParams } from './params.js';
import { compile, type Flow, run, type Stmt } from './program.js';
import type { Colour, FlowchartScene, FlowNodeKind } from './scene.js';
import { type WorkflowItem, workflows } from './workflows.js';

function colour(name: string): Colour {
  return { name, hex: namedColour(name).hex };
}

/** Light fills that carry dark text on every theme. */
export const fillColours = ['light green', 'peach', 'light blue', 'pale yellow', 'lavender', 'pink', 'cream', 'light gray', 'cyan'] as const;

/**
 * Fills per kind of symbol: Start and End alike, input and output alike, and different colours for
 * the rest, or (one time in five) every symbol alike but the decisions.
 */
function sampleFills(rng: Rng): Record<FlowNodeKind, Colour> {
  const [terminal, io, process, decision] = rng.sample(fillColours, 4);
  const same = rng.bool(0.2);
  const pick = (name: string | undefined) => colour(same ? (terminal as string) : (name as string));
  return { start: pick(terminal), end: pick(terminal), input: pick(io), output: pick(io), process: pick(process), decision: colour(decision as string) };
}

/** A workflow's items as statements of the flowchart language. */
function workflowProgram(items: readonly WorkflowItem[]): Stmt[] {
  return items.map((item): Stmt => {
    switch (item.kind) {
      case 'step':
        return { s: 'note', kind: 'process', text: item.text };
      case 'input':
      case 'output':
        return { s: 'note', kind: item.kind, text: item.text };
      case 'if':
        return { s: 'ask', question: item.question, yes: workflowProgram(item.yes), no: workflowProgram(item.no) };
      case 'until':
        return { s: 'until', question: item.question, body: workflowProgram(item.body) };
      default:
        throw new Error(`unknown workflow item ${JSON.stringify(item)}`);
    }
  });
}

/** Every chart a family offers, compiled, with its symbol count. */
function candidates(rng: Rng, family: 'algorithm' | 'workflow'): { name: string; title: string; flow: Flow; inputs: string[]; examples: number[][] }[] {
  if (family === 'workflow') {
    return workflows.map((w) => ({ name: w.id, title: w.title, flow: compile(workflowProgram(w.items)), inputs: [], examples: [] }));
  }
  return algorithms.map((a) => {
    const made = a.make(rng);
    return { name: a.id, title: made.title ?? a.title, flow: compile(made.program), inputs: made.inputs, examples: made.examples };
  });
}

/** Samples one flowchart. Pure: uses only `rng` and `params`. */
export function sampleFlowchart(rng: Rng, params: FlowchartParams): FlowchartScene {
  const family = params.family === 'auto' ? (rng.bool(0.5) ? 'algorithm' : 'workflow') : params.family;
  const all = candidates(rng, family);
  // Every allowed `symbols` has charts of both families within its bound: a smaller chart in its
  // place would make a hard level no harder than an easy one.
  const pool = all.filter((c) => c.flow.nodes.length <= params.symbols && c.flow.nodes.length >= params.symbols - 4);
  if (pool.length === 0) throw new Error(`no ${family} flowchart has ${params.symbols - 4} to ${params.symbols} symbols`);
  // Larger charts are likelier (the largest twice as likely as the smallest), so the many small
  // ones do not make a hard level as easy as an easy one, and no single large chart is common.
  const chosen = rng.weighted(pool, pool.map((c) => 1 + (c.flow.nodes.length - (params.symbols - 4)) / 4));
  // Every example must run to its End; a chart that cannot is a bug in the algorithm's definition.
  for (const example of chosen.examples) run(chosen.flow, example);
  const fills = sampleFills(rng);
  return {
    family,
    name: chosen.name,
    title: chosen.title,
    nodes: chosen.flow.nodes,
    edges: chosen.flow.edges,
    inputs: chosen.inputs,
    examples: chosen.examples,
    direction: 'DOWN',
    fills,
  };
}
