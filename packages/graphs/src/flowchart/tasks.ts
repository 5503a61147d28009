import { answer, defineTask, lettered, listing, normalisePhrase, type Rng } from '@absynth/core';
import { ciede2000, namedColour } from '@absynth/render';
import { flowClasses, flowIds } from './draw.js';
import { run, type Run } from './program.js';
import { fillColours } from './sample.js';
import type { FlowchartScene, FlowNode, FlowNodeKind } from './scene.js';


/** `a = 12, b = 18`. */
function inputText(scene: FlowchartScene, values: readonly number[]): string {
  return listing(scene.inputs.map((name, i) => `${name} = ${values[i]}`));
}

/** A symbol's text in quotation marks: double ones, or single ones round a text that has double ones (`‘Output "Prime"’`). */
export function quote(text: string): string {
  return text.includes('"') ? `‘${text}’` : `"${text}"`;
}

/**
 * The drawn texts a reader follows along a run: the symbols visited up to `upTo` steps (all by
 * default), and the Yes/No labels of the arrows taken.
 */
function runTexts(scene: FlowchartScene, result: Run, upTo = result.path.length): string[] {
  const path = result.path.slice(0, upTo);
  const labels = path.slice(1).flatMap((to, k) => {
    const from = path[k];
    return scene.edges.flatMap((e, i) => (e.from === from && e.to === to && e.label !== null ? [flowIds.label(i)] : []));
  });
  return [...new Set([...path.map(flowIds.node), ...labels])];
}

/** The first symbol drawn with `text` (options are symbol texts, some of them on more than one symbol). */
function symbolWith(scene: FlowchartScene, text: string): string {
  return flowIds.node(scene.nodes.find((n) => n.text === text)?.id ?? '');
}

/** The numbers a run's output states (`7`, `3, 5, 7`), none for a text. */
function outputNumbers(outputs: readonly string[]): number[] {
  return outputs.flatMap((o) => (/^-?\d+$/.test(o) ? [Number(o)] : []));
}

/** Symbols whose text appears once, so a question can name them by it. */
function uniquelyNamed(scene: FlowchartScene): FlowNode[] {
  return scene.nodes.filter((n) => scene.nodes.filter((m) => m.text === n.text).length === 1);
}

/** A multiple choice of four distinct symbol texts, one of them `right`. */
function choice(rng: Rng, scene: FlowchartScene, right: string, exclude: readonly string[]) {
  // Options must differ once normalised ("p ← 1" and "p = 1?" both read "p 1"), or a reply naming one is ambiguous.
  const seen = new Set([normalisePhrase(right)]);
  const pool = [...new Set(scene.nodes.map((n) => n.text))].filter((t) => {
    if (exclude.includes(t) || seen.has(normalisePhrase(t))) return false;
    seen.add(normalisePhrase(t));
    return true;
  });
  const others = rng.sample(pool, Math.min(3, pool.length));
  if (others.length < 3) return undefined;
  const texts = rng.shuffle([right, ...others]);
  return { texts, ...lettered(texts, right) };
}

/** What an algorithm flowchart outputs for given inputs, found by running it. */
export const outputTask = defineTask({
  id: 'output',
  kind: 'reasoning',
  summary: 'Algorithm flowcharts: what the chart outputs for given inputs, computed by running the chart symbol by symbol.',
  ask(scene: FlowchartScene, rng) {
    if (scene.family !== 'algorithm' || scene.examples.length === 0) return undefined;
    const values = rng.pick(scene.examples);
    const result = run(scene, values);
    const output = result.outputs.join(', ');
    const numeric = result.outputs.length === 1 && /^-?\d+$/.test(output);
    const decisions = result.branches.map((b) => `${quote(scene.nodes.find((n) => n.id === b.node)?.text ?? '')} ${b.label}`);
    return {
      question: [`What does the flowchart output for ${inputText(scene, values)}?`, `Follow the flowchart with ${inputText(scene, values)}. What is the output?`],
      answer: numeric ? answer.integer(Number(output)) : answer.text(output),
      rationale: [
        `Start with ${inputText(scene, values)}.`,
        decisions.length === 0
          ? 'No decision is on the way.'
          : decisions.length > 12
            ? `The decisions are answered ${decisions.length} times, the first ones ${decisions.slice(0, 6).join(', ')}, the last ${decisions.at(-1)}.`
            : `The decisions are answered in turn: ${decisions.join(', ')}.`,
        `The output symbol then gives ${output}.`,
      ],
      regions: result.path.filter((id, i, all) => all.indexOf(id) === i).map(flowIds.node),
      // The inputs are given by the question, the output is computed from the printed constants
      // by running the chart; the symbols and arrow labels on the way are read.
      needs: { texts: runTexts(scene, result), derived: [...values, ...outputNumbers(result.outputs), decisions.length] },
    };
  },
});

/** What each count asks for: the questions' wording and the kinds of symbol counted. */
const kindNames = {
  decision: { noun: 'decision symbols (diamonds)', kinds: ['decision'], marks: flowClasses.kind('decision') },
  process: { noun: 'process symbols (rectangles)', kinds: ['process'], marks: flowClasses.kind('process') },
  io: { noun: 'input or output symbols (parallelograms)', kinds: ['input', 'output'], marks: flowClasses.kind('input') },
  all: { noun: 'symbols, Start and End included', kinds: ['start', 'end', 'input', 'output', 'process', 'decision'], marks: flowClasses.symbol },
} as const;

/** How many symbols of a kind the chart has. */
export const symbolCountTask = defineTask({
  id: 'symbol-count',
  kind: 'structural',
  summary: 'How many decision diamonds, process rectangles, input/output parallelograms, or symbols in all the flowchart has.',
  ask(scene: FlowchartScene, rng) {
    const what = rng.pick(Object.keys(kindNames) as (keyof typeof kindNames)[]);
    const { noun, kinds, marks } = kindNames[what];
    const matching = scene.nodes.filter((n) => (kinds as readonly string[]).includes(n.kind));
    if (matching.length === 0 && what !== 'decision') return undefined;
    return {
      question:
        what === 'all'
          ? ['How many symbols does the flowchart have in all, Start and End included?', 'Count all the symbols in the flowchart, Start and End included.']
          : [`How many ${noun} does the flowchart have?`, `Count the ${noun} in the flowchart.`],
      answer: answer.integer(matching.length),
      rationale: [
        matching.length === 0 ? 'There are none: 0.' : `${matching.length === 1 ? 'It is' : 'They are'} ${listing(matching.map((n) => quote(n.text)))}: ${matching.length}.`,
      ],
      regions: matching.map((n) => flowIds.node(n.id)),
      needs: { texts: matching.map((n) => flowIds.node(n.id)), counts: marks },
    };
  },
});

/** The step right after or right before a named symbol, as a multiple choice. */
export const neighbourStepTask = defineTask({
  id: 'neighbour-step',
  kind: 'reasoning',
  summary: 'The symbol directly after (or before) a named one, when there is only one, as a choice of A–D.',
  ask(scene: FlowchartScene, rng) {
    const after = rng.bool(0.5);
    const named = uniquelyNamed(scene).filter((n) => {
      const links = scene.edges.filter((e) => (after ? e.from === n.id : e.to === n.id));
      return links.length === 1;
    });
    if (named.length === 0) return undefined;
    const node = rng.pick(named);
    const link = scene.edges.find((e) => (after ? e.from === node.id : e.to === node.id));
    const other = scene.nodes.find((n) => n.id === (after ? link?.to : link?.from));
    if (link === undefined || other === undefined) return undefined;
    const picked = choice(rng, scene, other.text, [node.text]);
    if (picked === undefined) return undefined;
    const where = after ? 'directly after' : 'directly before';
    return {
      // Symbol texts may end in their own question mark, so the question goes on after the quote.
      question: [`Which step comes ${where} ${quote(node.text)} in the flowchart? Choose one: ${picked.listed}.`],
      answer: picked.answer,
      rationale: [`The only arrow ${after ? 'leaving' : 'entering'} ${quote(node.text)} ${after ? 'points to' : 'comes from'} ${quote(other.text)}.`],
      regions: [flowIds.node(node.id), flowIds.node(other.id)],
      needs: { texts: [...new Set([flowIds.node(node.id), flowIds.node(other.id), ...picked.texts.map((t) => symbolWith(scene, t))])] },
    };
  },
});

/** Which way a decision goes: for algorithms on given inputs, for workflows the step an answer leads to. */
export const branchTask = defineTask({
  id: 'branch',
  kind: 'reasoning',
  summary: 'Algorithms: whether a decision is answered Yes the first time it is reached for given inputs. Workflows: the step an answer of a decision leads to, as a choice of A–D.',
  ask(scene: FlowchartScene, rng) {
    const decisions = uniquelyNamed(scene).filter((n) => n.kind === 'decision');
    if (decisions.length === 0) return undefined;
    if (scene.family === 'algorithm') {
      if (scene.examples.length === 0) return undefined;
      const values = rng.pick(scene.examples);
      const result = run(scene, values);
      const reached = decisions.filter((d) => result.branches.some((b) => b.node === d.id));
      if (reached.length === 0) return undefined;
      const node = rng.pick(reached);
      const first = result.branches.find((b) => b.node === node.id);
      if (first === undefined) return undefined;
      return {
        // The decision ends in its own question mark, so the sentence asks before quoting it.
        question: [`For ${inputText(scene, values)}, is the answer Yes the first time the flowchart reaches this decision: ${quote(node.text)} Answer yes or no.`],
        answer: answer.boolean(first.label === 'Yes'),
        rationale: [`Following the chart with ${inputText(scene, values)}, the first time ${quote(node.text)} is checked the condition is ${first.label === 'Yes' ? 'true' : 'false'}, so the ${first.label} arrow is taken.`],
        regions: [flowIds.node(node.id)],
        // The inputs are given; the chart is followed up to the decision's first turn.
        needs: { texts: runTexts(scene, result, result.path.indexOf(node.id) + 1), derived: [...values] },
      };
    }
    const node = rng.pick(decisions);
    const label = rng.pick(['Yes', 'No'] as const);
    const link = scene.edges.find((e) => e.from === node.id && e.label === label);
    const next = scene.nodes.find((n) => n.id === link?.to);
    if (next === undefined) return undefined;
    const picked = choice(rng, scene, next.text, [node.text]);
    if (picked === undefined) return undefined;
    return {
      question: [`In the flowchart, if the answer to ${quote(node.text)} is ${label}, what comes next? Choose one: ${picked.listed}.`],
      answer: picked.answer,
      rationale: [`The arrow labelled ${label} leaving ${quote(node.text)} points to ${quote(next.text)}.`],
      regions: [flowIds.node(node.id), flowIds.node(next.id)],
      needs: {
        texts: [
          ...new Set([
            flowIds.node(node.id),
            flowIds.label(scene.edges.indexOf(link as (typeof scene.edges)[number])),
            flowIds.node(next.id),
            ...picked.texts.map((t) => symbolWith(scene, t)),
          ]),
        ],
      },
    };
  },
});

/** Loops: how many times a step inside a loop runs for given inputs. */
export const repeatCountTask = defineTask({
  id: 'repeat-count',
  kind: 'reasoning',
  summary: 'Algorithm flowcharts with loops: how many times a step inside the loop runs for given inputs, counted by running the chart.',
  ask(scene: FlowchartScene, rng) {
    if (scene.family !== 'algorithm' || scene.examples.length === 0) return undefined;
    const values = rng.pick(scene.examples);
    const result = run(scene, values);
    const repeated = uniquelyNamed(scene).filter((n) => n.kind === 'process' && result.path.filter((id) => id === n.id).length > 1);
    if (repeated.length === 0) return undefined;
    const node = rng.pick(repeated);
    const times = result.path.filter((id) => id === node.id).length;
    if (times > 30) return undefined;
    return {
      question: [`For ${inputText(scene, values)}, how many times is the step ${quote(node.text)} carried out?`],
      answer: answer.integer(times),
      rationale: [`Running the chart with ${inputText(scene, values)}, the loop goes round until its condition fails; ${quote(node.text)} is reached ${times} times.`],
      regions: [flowIds.node(node.id)],
      // The inputs are given; the number of times is counted by running the chart.
      needs: { texts: runTexts(scene, result), derived: [...values, times] },
    };
  },
});

/** The first step after Start, or the last before End, when a single arrow leads there. */
export const endStepTask = defineTask({
  id: 'first-last-step',
  kind: 'structural',
  summary: 'The first step after Start or the last step before End, when a single arrow leads there.',
  ask(scene: FlowchartScene, rng) {
    const first = rng.bool(0.5);
    const terminals = scene.nodes.filter((n) => n.kind === (first ? 'start' : 'end'));
    const terminal = terminals[0];
    if (terminals.length !== 1 || terminal === undefined) return undefined;
    const links = scene.edges.filter((e) => (first ? e.from === terminal.id : e.to === terminal.id));
    const other = scene.nodes.find((n) => n.id === (first ? links[0]?.to : links[0]?.from));
    if (links.length !== 1 || other === undefined || other.kind === 'start' || other.kind === 'end') return undefined;
    const name = quote(terminal.text);
    return {
      question: first
        ? [`What is the first step of the flowchart, right after ${name}?`, `Which step does the arrow from ${name} lead to?`]
        : [`What is the last step of the flowchart, right before ${name}?`, `Which step does the arrow into ${name} come from?`],
      answer: answer.text(other.text),
      rationale: [`The only arrow ${first ? `leaving ${name} points to` : `entering ${name} comes from`} ${quote(other.text)}.`],
      regions: [flowIds.node(terminal.id), flowIds.node(other.id)],
      needs: { texts: [flowIds.node(terminal.id), flowIds.node(other.id)] },
    };
  },
});

/** The kinds of symbol a question names by shape: Start and End are alike, and so are input and output. */
const symbolGroups = [
  { noun: 'decision symbols (diamonds)', one: 'a decision symbol (diamond)', kinds: ['decision'], marks: flowClasses.kind('decision'), shape: 'diamonds' },
  { noun: 'process symbols (rectangles)', one: 'a process symbol (rectangle)', kinds: ['process'], marks: flowClasses.kind('process'), shape: 'rectangles' },
  { noun: 'input and output symbols (parallelograms)', one: 'an input or output symbol (parallelogram)', kinds: ['input', 'output'], marks: flowClasses.kind('input'), shape: 'parallelograms' },
  { noun: 'Start and End symbols (rounded)', one: 'a Start or End symbol', kinds: ['start', 'end'], marks: flowClasses.kind('start'), shape: 'rounded Start and End symbols' },
] as const satisfies readonly { noun: string; one: string; kinds: readonly FlowNodeKind[]; marks: string; shape: string }[];

/** How many kinds of symbol (by shape) the chart uses. */
export const symbolKindsTask = defineTask({
  id: 'symbol-kinds',
  kind: 'structural',
  summary: 'How many kinds of symbol, told apart by shape (Start and End sharing one), the flowchart uses.',
  ask(scene: FlowchartScene) {
    const used = symbolGroups.map((g) => ({ shape: g.shape, count: scene.nodes.filter((n) => (g.kinds as readonly string[]).includes(n.kind)).length }));
    const drawn = used.filter((u) => u.count > 0);
    const kinds: readonly FlowNodeKind[] = ['start', 'end', 'input', 'output', 'process', 'decision'];
    return {
      question: [
        'How many different kinds of symbol, told apart by shape, does the flowchart use? Start and End share one shape.',
        'Counting Start and End as one shape, how many different symbol shapes does the flowchart have?',
      ],
      answer: answer.integer(drawn.length),
      rationale: [`It has ${listing(drawn.map((u) => `${u.count} ${u.count === 1 ? singular(u.shape) : u.shape}`))}: ${drawn.length} kinds.`],
      regions: scene.nodes.map((n) => flowIds.node(n.id)),
      // Each kind of mark is counted; the number of shapes, and the rounded symbols' Start plus End, follow from those tallies.
      needs: {
        derived: [drawn.length, ...used.map((u) => u.count)],
        tallies: [...new Set(kinds.map(flowClasses.kind))].map((c) => ({ class: c, count: scene.nodes.filter((n) => flowClasses.kind(n.kind) === c).length })),
      },
    };
  },
});

/** "diamonds" → "diamond", "rounded Start and End symbols" → "rounded Start and End symbol". */
function singular(plural: string): string {
  return plural.replace(/s$/, '');
}

/** Whether the chart has a symbol of a kind (a diamond, a parallelogram, a rectangle). */
export const symbolPresentTask = defineTask({
  id: 'symbol-present',
  kind: 'structural',
  summary: 'Whether the flowchart has a decision diamond, a process rectangle or an input/output parallelogram, answered yes or no.',
  ask(scene: FlowchartScene, rng) {
    const group = rng.pick(symbolGroups.slice(0, 3));
    const matching = scene.nodes.filter((n) => (group.kinds as readonly string[]).includes(n.kind));
    const present = matching.length > 0;
    return {
      question: [`Does the flowchart have ${group.one}? Answer yes or no.`, `Is there ${group.one} in the flowchart? Answer yes or no.`],
      answer: answer.boolean(present),
      rationale: [
        !present
          ? `No: none of the symbols is ${group.one}.`
          : matching.length === 1
            ? `Yes: ${quote(matching[0]?.text ?? '')} is ${group.one}.`
            : `Yes: ${listing(matching.map((n) => quote(n.text)))} are ${group.noun}.`,
      ],
      regions: matching.map((n) => flowIds.node(n.id)),
      // A yes names the symbols drawn so; a no says there are none: both are counts of the marks of that kind.
      needs: { texts: matching.map((n) => flowIds.node(n.id)), tallies: [{ class: group.marks, count: matching.length }] },
    };
  },
});

/** How far apart (CIEDE2000) two colours offered as options must be, so no reader takes one for the other. */
const distinctOptions = 20;

/** The fill colour of a kind of symbol, as a choice of four colour names far apart. */
export const symbolColourTask = defineTask({
  id: 'symbol-colour',
  kind: 'colour',
  summary: 'The fill colour of a kind of symbol (diamonds, rectangles, parallelograms, Start and End), as a choice of four colour names far apart.',
  ask(scene: FlowchartScene, rng) {
    const drawn = symbolGroups.filter((g) => scene.nodes.some((n) => (g.kinds as readonly string[]).includes(n.kind)));
    const fillOf = (g: (typeof symbolGroups)[number]) => scene.fills[g.kinds[0]];
    // Only a kind whose fill no other kind drawn shares: "the colour of the diamonds" then means one colour.
    const distinct = drawn.filter((g) => drawn.every((h) => h === g || fillOf(h).hex !== fillOf(g).hex));
    if (distinct.length === 0) return undefined;
    const group = rng.pick(distinct);
    const right = fillOf(group);
    const offered = [right.hex];
    const others: string[] = [];
    for (const name of rng.shuffle([...fillColours])) {
      const hex = namedFill(scene, name);
      if (others.length < 3 && offered.every((h) => ciede2000(h, hex) >= distinctOptions)) {
        offered.push(hex);
        others.push(name);
      }
    }
    if (others.length < 3) return undefined;
    const choice = lettered(rng.shuffle([right.name, ...others]), right.name);
    const marks = scene.nodes.filter((n) => (group.kinds as readonly string[]).includes(n.kind));
    return {
      question: [`What colour are the ${group.noun} filled with? Choose one: ${choice.listed}.`],
      answer: choice.answer,
      rationale: [`Of the ${group.noun}: ${listing(marks.map((n) => quote(n.text)))} ${marks.length === 1 ? 'is' : 'are'} filled in ${right.name}.`],
      regions: marks.map((n) => flowIds.node(n.id)),
      needs: {
        texts: marks.map((n) => flowIds.node(n.id)),
        colours: marks.map((n) => ({ name: right.name, hex: right.hex, region: flowIds.node(n.id), among: flowClasses.symbol })),
      },
    };
  },
});

/** The hex of a fill colour's name: the scene's own where it uses the name, else the palette's. */
function namedFill(scene: FlowchartScene, name: string): string {
  return Object.values(scene.fills).find((c) => c.name === name)?.hex ?? namedColour(name).hex;
}

/** Every flowchart task, in the order questions are asked. */
export const flowchartTasks = [outputTask, symbolCountTask, neighbourStepTask, branchTask, repeatCountTask, endStepTask, symbolPresentTask, symbolKindsTask, symbolColourTask] as const;
