import type { Action, Expr, FlowEdge, FlowNode, FlowNodeKind } from './scene.js';

/** A statement of the small structured language algorithms are written in before they become flowcharts. */
export type Stmt =
  | { s: 'input'; vars: string[] }
  | { s: 'assign'; name: string; expr: Expr }
  | { s: 'print'; expr: Expr }
  | { s: 'say'; text: string }
  | { s: 'if'; cond: Expr; yes: Stmt[]; no: Stmt[] }
  | { s: 'while'; cond: Expr; body: Stmt[] }
  /** Workflows: a step, an input or an output that does nothing when run. */
  | { s: 'note'; kind: 'process' | 'input' | 'output'; text: string }
  /** Workflows: a yes/no question whose "No" repeats the body before it. */
  | { s: 'until'; question: string; body: Stmt[] }
  /** Workflows: a yes/no question with a branch for each answer. */
  | { s: 'ask'; question: string; yes: Stmt[]; no: Stmt[] };

/** Expression builders, so algorithm definitions read like code. */
export const e = {
  n: (value: number): Expr => ({ op: 'num', value }),
  v: (name: string): Expr => ({ op: 'var', name }),
  op: (op: Extract<Expr, { a: Expr }>['op'], a: Expr | string | number, b: Expr | string | number): Expr => ({ op, a: lift(a), b: lift(b) }) as Expr,
};

function lift(x: Expr | string | number): Expr {
  return typeof x === 'number' ? e.n(x) : typeof x === 'string' ? e.v(x) : x;
}

const precedence: Record<string, number> = { or: 1, and: 2, '<': 3, '<=': 3, '>': 3, '>=': 3, '==': 3, '!=': 3, '+': 4, '-': 4, '*': 5, div: 5, mod: 5 };
const symbols: Record<string, string> = { '<=': '≤', '>=': '≥', '==': '=', '!=': '≠', '*': '×' };

/** An expression as written in a symbol: `a mod b`, `s + i`, `n ≥ 2 and d × d ≤ n`. */
export function exprText(expr: Expr, parent = 0): string {
  if (expr.op === 'num') return String(expr.value);
  if (expr.op === 'var') return expr.name;
  const p = precedence[expr.op] ?? 0;
  const text = `${exprText(expr.a, p)} ${symbols[expr.op] ?? expr.op} ${exprText(expr.b, p + 1)}`;
  return p < parent ? `(${text})` : text;
}

/** Integer division rounding down, and the remainder that goes with it (never negative for positive divisors). */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Evaluates an expression; conditions give 1 or 0. Throws on division by zero or an unknown variable. */
export function evaluate(expr: Expr, env: ReadonlyMap<string, number>): number {
  switch (expr.op) {
    case 'num':
      return expr.value;
    case 'var': {
      const value = env.get(expr.name);
      if (value === undefined) throw new Error(`variable ${expr.name} is read before it is set`);
      return value;
    }
    default: {
      const a = evaluate(expr.a, env);
      const b = evaluate(expr.b, env);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case 'div':
        case 'mod': {
          if (b === 0) throw new Error(`division by zero in ${exprText(expr)}`);
          return expr.op === 'div' ? floorDiv(a, b) : a - b * floorDiv(a, b);
        }
        case '<':
          return a < b ? 1 : 0;
        case '<=':
          return a <= b ? 1 : 0;
        case '>':
          return a > b ? 1 : 0;
        case '>=':
          return a >= b ? 1 : 0;
        case '==':
          return a === b ? 1 : 0;
        case '!=':
          return a !== b ? 1 : 0;
        case 'and':
          return a !== 0 && b !== 0 ? 1 : 0;
        case 'or':
          return a !== 0 || b !== 0 ? 1 : 0;
      }
    }
  }
}

/** A flowchart as nodes and edges, with its start node. */
export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/**
 * Compiles structured statements into a flowchart: an oval Start, then one symbol per statement
 * (parallelograms for input and output, rectangles for assignments and steps, diamonds for
 * conditions with `Yes` and `No` arrows), loops as arrows back to their diamond, and an oval End.
 */
export function compile(program: readonly Stmt[]): Flow {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const add = (kind: FlowNodeKind, text: string, action: Action): string => {
    const id = `s${nodes.length + 1}`;
    nodes.push({ id, kind, text, action });
    return id;
  };
  type Exit = { from: string; label: 'Yes' | 'No' | null };
  const connect = (exits: readonly Exit[], to: string) => {
    for (const exit of exits) edges.push({ from: exit.from, to, label: exit.label });
  };
  // Emits statements after `exits`, returning the dangling exits of the last one.
  const emit = (stmts: readonly Stmt[], exits: Exit[]): Exit[] => {
    let open = exits;
    for (const stmt of stmts) {
      switch (stmt.s) {
        case 'input': {
          const id = add('input', `Input ${stmt.vars.join(', ')}`, { kind: 'input', vars: [...stmt.vars] });
          connect(open, id);
          open = [{ from: id, label: null }];
          break;
        }
        case 'assign': {
          const id = add('process', `${stmt.name} ← ${exprText(stmt.expr)}`, { kind: 'assign', assignments: [[stmt.name, stmt.expr]] });
          connect(open, id);
          open = [{ from: id, label: null }];
          break;
        }
        case 'print': {
          const id = add('output', `Output ${exprText(stmt.expr)}`, { kind: 'print', expr: stmt.expr });
          connect(open, id);
          open = [{ from: id, label: null }];
          break;
        }
        case 'say': {
          const id = add('output', `Output "${stmt.text}"`, { kind: 'print-text', text: stmt.text });
          connect(open, id);
          open = [{ from: id, label: null }];
          break;
        }
        case 'note': {
          const id = add(stmt.kind, stmt.text, { kind: 'none' });
          connect(open, id);
          open = [{ from: id, label: null }];
          break;
        }
        case 'if':
        case 'ask': {
          const text = stmt.s === 'if' ? `${exprText(stmt.cond)}?` : stmt.question;
          const id = add('decision', text, stmt.s === 'if' ? { kind: 'test', cond: stmt.cond } : { kind: 'none' });
          connect(open, id);
          const yes = emit(stmt.yes, [{ from: id, label: 'Yes' }]);
          const no = emit(stmt.no, [{ from: id, label: 'No' }]);
          open = [...yes, ...no];
          break;
        }
        case 'while': {
          const id = add('decision', `${exprText(stmt.cond)}?`, { kind: 'test', cond: stmt.cond });
          connect(open, id);
          const back = emit(stmt.body, [{ from: id, label: 'Yes' }]);
          connect(back, id);
          open = [{ from: id, label: 'No' }];
          break;
        }
        case 'until': {
          const before = nodes.length;
          const body = emit(stmt.body, open);
          const first = nodes[before]?.id;
          const id = add('decision', stmt.question, { kind: 'none' });
          connect(body, id);
          if (first !== undefined) edges.push({ from: id, to: first, label: 'No' });
          open = [{ from: id, label: 'Yes' }];
          break;
        }
      }
    }
    return open;
  };
  const start = add('start', 'Start', { kind: 'none' });
  const exits = emit(program, [{ from: start, label: null }]);
  const end = add('end', 'End', { kind: 'none' });
  connect(exits, end);
  return { nodes, edges };
}

/** What running a flowchart did: what it printed, the symbols it visited, and the answer at each diamond. */
export interface Run {
  outputs: string[];
  path: string[];
  branches: { node: string; label: 'Yes' | 'No' }[];
}

/** Most symbols one run may visit before it is stopped as endless. */
export const stepLimit = 20_000;

/**
 * Runs an algorithm flowchart on inputs (in the order the input symbols read variables), symbol by
 * symbol along its arrows. Throws when the run exceeds `stepLimit` or reads a missing input.
 */
export function run(flow: Flow, inputs: readonly number[]): Run {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const env = new Map<string, number>();
  const queue = [...inputs];
  const result: Run = { outputs: [], path: [], branches: [] };
  let at = flow.nodes.find((n) => n.kind === 'start');
  for (let steps = 0; at !== undefined; steps++) {
    if (steps > stepLimit) throw new Error(`the flowchart ran more than ${stepLimit} steps`);
    result.path.push(at.id);
    const action = at.action;
    let label: 'Yes' | 'No' | null = null;
    if (action.kind === 'input') {
      for (const name of action.vars) {
        const value = queue.shift();
        if (value === undefined) throw new Error(`no input left for ${name}`);
        env.set(name, value);
      }
    } else if (action.kind === 'assign') {
      for (const [name, expr] of action.assignments) env.set(name, evaluate(expr, env));
    } else if (action.kind === 'print') {
      result.outputs.push(String(evaluate(action.expr, env)));
    } else if (action.kind === 'print-text') {
      result.outputs.push(action.text);
    } else if (action.kind === 'test') {
      label = evaluate(action.cond, env) !== 0 ? 'Yes' : 'No';
      result.branches.push({ node: at.id, label });
    }
    if (at.kind === 'end') break;
    const next = (out.get(at.id) ?? []).find((edge) => edge.label === label) ?? (out.get(at.id) ?? [])[0];
    at = next === undefined ? undefined : byId.get(next.to);
  }
  return result;
}
