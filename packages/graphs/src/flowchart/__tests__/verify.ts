import type { SampleRecord } from '@absynth/engine';
import { ciede2000, namedColour } from '@absynth/render';
import { expect } from 'vitest';
import { flowcharts } from '../scenario.js';
import type { FlowchartScene } from '../scene.js';
import { translate } from './translate.js';

/** A flowchart as read back from its text rendering. */
export interface ParsedFlowchart {
  title: string;
  symbols: { id: string; kind: string; text: string }[];
  arrows: { from: string; to: string; label: string | null }[];
}

/** Reads `flowcharts.text(scene)` back. Throws on any line it does not understand. */
export function parseFlowchartText(text: string): ParsedFlowchart {
  const lines = text.split('\n');
  const title = /^Title: (.*)$/.exec(lines[0] ?? '')?.[1];
  if (title === undefined || lines[1] !== 'Symbols:') throw new Error(`bad flowchart text: ${text.slice(0, 200)}`);
  const split = lines.indexOf('Arrows:');
  const symbols = lines.slice(2, split).map((line) => {
    const m = /^(\w+): (start|end|input|output|process|decision) "(.*)"$/.exec(line);
    if (m === null) throw new Error(`bad symbol line: ${line}`);
    return { id: m[1] as string, kind: m[2] as string, text: m[3] as string };
  });
  const arrows = lines.slice(split + 1).map((line) => {
    const m = /^(\w+) -> (\w+)(?: \[(Yes|No)\])? \(".*" to ".*"\)$/.exec(line);
    if (m === null) throw new Error(`bad arrow line: ${line}`);
    return { from: m[1] as string, to: m[2] as string, label: m[3] ?? null };
  });
  return { title, symbols, arrows };
}

/** Task ids the verifier has checked, for tests that make sure no task is skipped. */
export const verifiedFlowTasks = new Map<string, number>();

const kindsOf: { pattern: RegExp; kinds: string[] }[] = [
  { pattern: /decision symbols \(diamonds\)/, kinds: ['decision'] },
  { pattern: /process symbols \(rectangles\)/, kinds: ['process'] },
  { pattern: /input or output symbols \(parallelograms\)/, kinds: ['input', 'output'] },
  { pattern: /symbols.*Start and End included/, kinds: ['start', 'end', 'input', 'output', 'process', 'decision'] },
];

/** `for a = 12, b = 18 and c = 3` → the values in the order of the scene's inputs. */
function inputsOf(question: string, scene: FlowchartScene, where: string): number[] {
  const named = new Map([...question.matchAll(/\b(\w+) = (-?\d+)\b/g)].map((m) => [m[1] as string, Number(m[2])]));
  expect([...named.keys()], `${where}: names every input`).toEqual(scene.inputs);
  const values = scene.inputs.map((name) => named.get(name) as number);
  expect(scene.examples.map((e) => e.join()), `${where}: inputs are an example`).toContain(values.join());
  return values;
}

/** Rechecks every answer of a generated flowchart sample: outputs by the translated program, the rest from the parsed text. */
export function verifyFlowchart(sample: SampleRecord<FlowchartScene>): void {
  const { scene } = sample;
  const parsed = parseFlowchartText(flowcharts.text?.(scene) ?? '');
  expect(parsed.symbols.map((s) => s.id), sample.id).toEqual(scene.nodes.map((n) => n.id));
  const byText = (text: string) => parsed.symbols.filter((s) => s.text === text);
  const program = scene.family === 'algorithm' ? translate(scene) : undefined;
  for (const qa of sample.qa) {
    const where = `${sample.id} ${scene.name} ${qa.task}: ${qa.question} -> ${JSON.stringify(qa.answer)} ${JSON.stringify(qa.regions.map((r) => r.id))}`;
    const ids = qa.regions.map((r) => r.id);
    /** The one symbol a question names; its text must be unique in the chart. */
    const named = (text: string | undefined) => {
      const found = byText(text ?? '\u0000');
      expect(found, `${where}: "${text}" names one symbol`).toHaveLength(1);
      return found[0] as { id: string; kind: string; text: string };
    };
    /** A multiple choice of four distinct symbol texts whose right letter is `right`. */
    const checkChoice = (right: string, asked: string) => {
      expect(qa.answer.type, where).toBe('choice');
      if (qa.answer.type !== 'choice') return;
      const options = qa.answer.options;
      expect(Object.keys(options).sort(), where).toEqual(['A', 'B', 'C', 'D']);
      const texts = Object.values(options);
      expect(new Set(texts).size, where).toBe(4);
      for (const t of texts) expect(byText(t).length, `${where}: option "${t}" is a symbol`).toBeGreaterThan(0);
      expect(texts, where).not.toContain(asked);
      expect(options[qa.answer.value], where).toBe(right);
      expect(qa.question.endsWith(`Choose one: ${Object.entries(options).map(([l, t]) => `${l}. ${t}`).join('; ')}.`), where).toBe(true);
    };
    verifiedFlowTasks.set(qa.task, (verifiedFlowTasks.get(qa.task) ?? 0) + 1);
    switch (qa.task) {
      case 'output': {
        expect(program, where).toBeDefined();
        const values = inputsOf(qa.question, scene, where);
        const result = program?.call(values);
        const output = (result?.outputs ?? []).join(', ');
        expect(result?.outputs.length, `${where}: prints something`).toBeGreaterThan(0);
        if ((result?.outputs.length ?? 0) === 1 && /^-?\d+$/.test(output)) expect(qa.answer, where).toEqual({ type: 'integer', value: Number(output) });
        else expect(qa.answer, where).toEqual({ type: 'text', value: output });
        expect(ids, `${where}: regions are the symbols visited`).toEqual(result?.order);
        break;
      }
      case 'symbol-count': {
        const entry = kindsOf.find((k) => k.pattern.test(qa.question));
        expect(entry, where).toBeDefined();
        const matching = parsed.symbols.filter((s) => entry?.kinds.includes(s.kind));
        expect(qa.answer, where).toEqual({ type: 'integer', value: matching.length });
        expect([...ids].sort(), where).toEqual(matching.map((s) => s.id).sort());
        break;
      }
      case 'neighbour-step': {
        const m = /^Which step comes directly (after|before) (?:"(.*?)"|‘(.*?)’) in the flowchart\? Choose one: /.exec(qa.question);
        expect(m, where).not.toBeNull();
        const after = m?.[1] === 'after';
        const node = named(m?.[2] ?? m?.[3]);
        const links = parsed.arrows.filter((a) => (after ? a.from === node.id : a.to === node.id));
        expect(links, `${where}: one arrow ${after ? 'leaves' : 'enters'} it`).toHaveLength(1);
        const otherId = after ? links[0]?.to : links[0]?.from;
        const other = parsed.symbols.find((s) => s.id === otherId);
        checkChoice(other?.text ?? '\u0000', node.text);
        expect(ids, where).toEqual([node.id, otherId]);
        break;
      }
      case 'branch': {
        if (scene.family === 'algorithm') {
          const m = /^For (.*), is the answer Yes the first time the flowchart reaches this decision: (?:"(.*)"|‘(.*)’) Answer yes or no\.$/.exec(qa.question);
          expect(m, where).not.toBeNull();
          const values = inputsOf(m?.[1] ?? '', scene, where);
          const node = named(m?.[2] ?? m?.[3]);
          expect(node.kind, where).toBe('decision');
          const first = program?.call(values).firstBranch[node.id];
          expect(first, `${where}: the decision is reached`).toBeDefined();
          expect(qa.answer, where).toEqual({ type: 'boolean', value: first === 'Yes' });
          expect(ids, where).toEqual([node.id]);
        } else {
          const m = /^In the flowchart, if the answer to (?:"(.*?)"|‘(.*?)’) is (Yes|No), what comes next\? Choose one: /.exec(qa.question);
          expect(m, where).not.toBeNull();
          const node = named(m?.[1] ?? m?.[2]);
          expect(node.kind, where).toBe('decision');
          const links = parsed.arrows.filter((a) => a.from === node.id && a.label === m?.[3]);
          expect(links, where).toHaveLength(1);
          const next = parsed.symbols.find((s) => s.id === links[0]?.to);
          checkChoice(next?.text ?? '\u0000', node.text);
          expect(ids, where).toEqual([node.id, next?.id]);
        }
        break;
      }
      case 'repeat-count': {
        const m = /^For (.*), how many times is the step (?:"(.*)"|‘(.*)’) carried out\?$/.exec(qa.question);
        expect(m, where).not.toBeNull();
        const values = inputsOf(m?.[1] ?? '', scene, where);
        const node = named(m?.[2] ?? m?.[3]);
        expect(node.kind, where).toBe('process');
        const times = program?.call(values).visits[node.id] ?? 0;
        expect(times, `${where}: the step repeats`).toBeGreaterThan(1);
        expect(qa.answer, where).toEqual({ type: 'integer', value: times });
        expect(ids, where).toEqual([node.id]);
        break;
      }
      case 'first-last-step': {
        const first = qa.question.includes('first step') || qa.question.includes('arrow from');
        const terminal = parsed.symbols.filter((t) => t.kind === (first ? 'start' : 'end'));
        expect(terminal, `${where}: one ${first ? 'Start' : 'End'}`).toHaveLength(1);
        const links = parsed.arrows.filter((a) => (first ? a.from === terminal[0]?.id : a.to === terminal[0]?.id));
        expect(links, where).toHaveLength(1);
        const other = parsed.symbols.find((t) => t.id === (first ? links[0]?.to : links[0]?.from));
        expect(qa.answer, where).toEqual({ type: 'text', value: other?.text });
        expect(ids, where).toEqual([terminal[0]?.id, other?.id]);
        break;
      }
      case 'symbol-present': {
        const kinds = /\(diamond\)/.test(qa.question) ? ['decision'] : /\(rectangle\)/.test(qa.question) ? ['process'] : /\(parallelogram\)/.test(qa.question) ? ['input', 'output'] : [];
        expect(kinds.length, where).toBeGreaterThan(0);
        const present = parsed.symbols.some((t) => kinds.includes(t.kind));
        expect(qa.answer, where).toEqual({ type: 'boolean', value: present });
        expect([...ids].sort(), where).toEqual(parsed.symbols.filter((t) => kinds.includes(t.kind)).map((t) => t.id).sort());
        break;
      }
      case 'symbol-kinds': {
        // Shapes from the parsed symbols: Start and End one (rounded), input and output one (parallelogram).
        const shape = (kind: string) => (kind === 'start' || kind === 'end' ? 'rounded' : kind === 'input' || kind === 'output' ? 'parallelogram' : kind);
        expect(qa.answer, where).toEqual({ type: 'integer', value: new Set(parsed.symbols.map((t) => shape(t.kind))).size });
        expect([...ids].sort(), where).toEqual(parsed.symbols.map((t) => t.id).sort());
        break;
      }
      case 'symbol-colour': {
        // The options' names looked up in the palette, not in the scene's record of fills.
        expect(qa.answer.type, where).toBe('choice');
        if (qa.answer.type !== 'choice') break;
        const names = Object.values(qa.answer.options);
        const hexes = names.map((name) => namedColour(name).hex);
        for (let i = 0; i < hexes.length; i++) for (let j = i + 1; j < hexes.length; j++) expect(ciede2000(hexes[i] as string, hexes[j] as string), where).toBeGreaterThanOrEqual(20);
        const kinds = /diamonds/.test(qa.question) ? ['decision'] : /rectangles/.test(qa.question) ? ['process'] : /parallelograms/.test(qa.question) ? ['input', 'output'] : ['start', 'end'];
        const symbols = parsed.symbols.filter((t) => kinds.includes(t.kind));
        expect([...ids].sort(), where).toEqual(symbols.map((t) => t.id).sort());
        const right = namedColour(qa.answer.options[qa.answer.value] ?? '').hex;
        for (const t of symbols) expect(scene.fills[t.kind as keyof typeof scene.fills].hex, where).toBe(right);
        break;
      }
      default:
        throw new Error(`unexpected task ${qa.task}`);
    }
  }
}
