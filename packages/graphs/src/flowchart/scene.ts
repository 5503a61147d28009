/** The symbols of a flowchart. */
export type FlowNodeKind = 'start' | 'end' | 'input' | 'output' | 'process' | 'decision';

/** An integer expression or condition of an algorithm flowchart. */
export type Expr =
  | { op: 'num'; value: number }
  | { op: 'var'; name: string }
  | { op: '+' | '-' | '*' | 'div' | 'mod'; a: Expr; b: Expr }
  | { op: '<' | '<=' | '>' | '>=' | '==' | '!='; a: Expr; b: Expr }
  | { op: 'and' | 'or'; a: Expr; b: Expr };

/** What a symbol does when the flowchart runs; workflows' symbols do nothing. */
export type Action =
  | { kind: 'input'; vars: string[] }
  | { kind: 'assign'; assignments: [string, Expr][] }
  | { kind: 'test'; cond: Expr }
  | { kind: 'print'; expr: Expr }
  | { kind: 'print-text'; text: string }
  | { kind: 'none' };

/** One symbol: its shape (by kind), the text written in it and, for algorithms, its action. */
export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  text: string;
  action: Action;
}

/** An arrow; the arrows out of a decision are labelled `Yes` and `No`. */
export interface FlowEdge {
  from: string;
  to: string;
  label: 'Yes' | 'No' | null;
}

/** The ground truth of one image: a flowchart, which for algorithms is also the program that runs. */
export interface FlowchartScene {
  family: 'algorithm' | 'workflow';
  /** The algorithm or procedure, such as `gcd-subtraction` or `making-tea`. */
  name: string;
  /** The caption drawn above the chart. */
  title: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Algorithms: the input variables in the order the input symbol reads them; empty for workflows. */
  inputs: string[];
  /** Algorithms: the inputs the questions may use, each a list of values in `inputs` order. */
  examples: number[][];
  /** Which way the main flow runs (top to bottom; left-to-right charts of more than a few symbols do not fit an image). */
  direction: 'DOWN' | 'RIGHT';
  /** The fill colour of each kind of symbol. */
  fills: Record<FlowNodeKind, Colour>;
}

/** A colour as drawn and as questions name it. */
export interface Colour {
  name: string;
  hex: string;
}
