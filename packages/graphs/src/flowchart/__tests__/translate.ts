// A second way to run an algorithm flowchart: its symbols and arrows are translated into the
// source of a plain JavaScript function (a state machine over the symbol ids) and built with
// `new Function`, sharing no code with the scenario's interpreter in `program.ts`.
import type { Expr, FlowchartScene } from '../scene.js';

/** What a translated flowchart did on one run. */
export interface TranslatedRun {
  outputs: string[];
  /** How many times each symbol was reached. */
  visits: Record<string, number>;
  /** Symbols in the order they were first reached. */
  order: string[];
  /** The answer (`Yes` or `No`) the first time each decision was reached. */
  firstBranch: Record<string, 'Yes' | 'No'>;
}

/** A compiled flowchart, with the source it was built from. */
export interface Translated {
  source: string;
  call(inputs: readonly number[]): TranslatedRun;
}

/** Most symbols one translated run may visit, as many as the interpreter allows and one more. */
export const translatedStepLimit = 20_001;

const jsName = (name: string) => `v_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** An expression as JavaScript: integers, with conditions as 1 or 0 and floor `div` / `mod`. */
function js(expr: Expr): string {
  switch (expr.op) {
    case 'num':
      return `(${expr.value})`;
    case 'var':
      return `read(${jsName(expr.name)}, ${JSON.stringify(expr.name)})`;
    case '+':
    case '-':
    case '*':
      return `(${js(expr.a)} ${expr.op} ${js(expr.b)})`;
    case 'div':
      return `floorDivide(${js(expr.a)}, ${js(expr.b)})`;
    case 'mod':
      return `floorModulo(${js(expr.a)}, ${js(expr.b)})`;
    case '==':
      return `(${js(expr.a)} === ${js(expr.b)} ? 1 : 0)`;
    case '!=':
      return `(${js(expr.a)} !== ${js(expr.b)} ? 1 : 0)`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `(${js(expr.a)} ${expr.op} ${js(expr.b)} ? 1 : 0)`;
    case 'and':
      return `(${js(expr.a)} !== 0 && ${js(expr.b)} !== 0 ? 1 : 0)`;
    case 'or':
      return `(${js(expr.a)} !== 0 || ${js(expr.b)} !== 0 ? 1 : 0)`;
  }
}

function variablesOf(expr: Expr, into: Set<string>): void {
  if (expr.op === 'var') into.add(expr.name);
  else if (expr.op !== 'num') {
    variablesOf(expr.a, into);
    variablesOf(expr.b, into);
  }
}

/** The JavaScript source of a function `(inputs) => TranslatedRun` that runs the flowchart. */
export function translateSource(scene: Pick<FlowchartScene, 'nodes' | 'edges'>): string {
  const names = new Set<string>();
  for (const node of scene.nodes) {
    const a = node.action;
    if (a.kind === 'input') for (const v of a.vars) names.add(v);
    else if (a.kind === 'assign') {
      for (const [name, expr] of a.assignments) {
        names.add(name);
        variablesOf(expr, names);
      }
    } else if (a.kind === 'print') variablesOf(a.expr, names);
    else if (a.kind === 'test') variablesOf(a.cond, names);
  }
  const starts = scene.nodes.filter((n) => n.kind === 'start');
  if (starts.length !== 1) throw new Error(`a flowchart needs one Start, found ${starts.length}`);
  const cases = scene.nodes.map((node) => {
    const out = scene.edges.filter((e) => e.from === node.id);
    const lines: string[] = [];
    const a = node.action;
    if (a.kind === 'input') for (const v of a.vars) lines.push(`if (queue.length === 0) throw new Error('no input for ${v}'); ${jsName(v)} = queue.shift();`);
    else if (a.kind === 'assign') for (const [name, expr] of a.assignments) lines.push(`${jsName(name)} = ${js(expr)};`);
    else if (a.kind === 'print') lines.push(`outputs.push(String(${js(a.expr)}));`);
    else if (a.kind === 'print-text') lines.push(`outputs.push(${JSON.stringify(a.text)});`);
    if (node.kind === 'end') lines.push('return { outputs, visits, order, firstBranch };');
    else if (a.kind === 'test') {
      const yes = out.filter((e) => e.label === 'Yes');
      const no = out.filter((e) => e.label === 'No');
      if (yes.length !== 1 || no.length !== 1 || out.length !== 2) throw new Error(`decision ${node.id} needs one Yes and one No arrow`);
      lines.push(`{ const answer = ${js(a.cond)} !== 0 ? 'Yes' : 'No';`);
      lines.push(`  if (!(${JSON.stringify(node.id)} in firstBranch)) firstBranch[${JSON.stringify(node.id)}] = answer;`);
      lines.push(`  pc = answer === 'Yes' ? ${JSON.stringify(yes[0]?.to)} : ${JSON.stringify(no[0]?.to)}; }`);
    } else {
      if (out.length !== 1 || out[0]?.label !== null) throw new Error(`symbol ${node.id} needs exactly one unlabelled arrow out`);
      lines.push(`pc = ${JSON.stringify(out[0]?.to)};`);
    }
    return `      case ${JSON.stringify(node.id)}: {\n        ${lines.join('\n        ')}\n        break;\n      }`;
  });
  return [
    "'use strict';",
    'const floorModulo = (a, b) => { if (b === 0) throw new Error("division by zero"); return ((a % b) + b) % b; };',
    'const floorDivide = (a, b) => (a - floorModulo(a, b)) / b;',
    'const read = (value, name) => { if (value === undefined) throw new Error(name + " is read before it is set"); return value; };',
    'const queue = [...inputs];',
    'const outputs = []; const visits = {}; const order = []; const firstBranch = {};',
    ...[...names].map((n) => `let ${jsName(n)};`),
    `let pc = ${JSON.stringify(starts[0]?.id)};`,
    'for (let steps = 0; ; steps++) {',
    `  if (steps >= ${translatedStepLimit}) throw new Error('endless loop');`,
    '  if (!(pc in visits)) { visits[pc] = 0; order.push(pc); }',
    '  visits[pc]++;',
    '  switch (pc) {',
    ...cases,
    "    default: throw new Error('arrow to an unknown symbol ' + pc);",
    '  }',
    '}',
  ].join('\n');
}

/** Translates an algorithm flowchart into a JavaScript function and builds it. */
export function translate(scene: Pick<FlowchartScene, 'nodes' | 'edges'>): Translated {
  const source = translateSource(scene);
  const fn = new Function('inputs', source) as (inputs: readonly number[]) => TranslatedRun;
  return { source, call: (inputs) => fn(inputs) };
}
