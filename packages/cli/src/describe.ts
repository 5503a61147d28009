import type { AnyScenario, Level, ParamInfo, QuestionKind } from '@absynth/core';
import { describeParams, levels, paramsJsonSchema } from '@absynth/core';
import { DEFAULT_SEED, generateItem, planRun } from '@absynth/engine';
import type { ScenarioSummary } from './list.js';
import { summarizeScenario } from './list.js';
import { formatTable } from './table.js';

/** How many items `describe` tries, from index 0, to find one with a question to show. */
const exampleSearchLimit = 10;

/** One live question, generated the way `absynth generate` would with the default settings. */
export interface ExampleQuestion {
  seed: number;
  index: number;
  level: Level;
  task: string;
  kind: QuestionKind;
  question: string;
  answer: string;
}

/** A scenario as `absynth describe --json` prints it. */
export interface ScenarioDescription extends ScenarioSummary {
  params: ParamInfo[];
  paramsSchema: Record<string, unknown>;
  defaultLevel: Level;
  levels: Record<Level, Record<string, unknown>>;
  example: ExampleQuestion | null;
}

/** Everything `absynth describe` shows, including one question generated now. */
export async function describeScenario(scenario: AnyScenario): Promise<ScenarioDescription> {
  const plan = planRun({ scenario, count: 1, seed: DEFAULT_SEED });
  let example: ExampleQuestion | null = null;
  for (let index = 0; index < exampleSearchLimit && example === null; index++) {
    const qa = (await generateItem(plan, index)).qa[0];
    if (qa !== undefined) {
      example = {
        seed: plan.seed,
        index,
        level: plan.level,
        task: qa.task,
        kind: qa.kind,
        question: qa.question,
        answer: qa.answerText,
      };
    }
  }
  return {
    ...summarizeScenario(scenario),
    params: describeParams(scenario),
    paramsSchema: paramsJsonSchema(scenario),
    defaultLevel: plan.level,
    levels: Object.fromEntries(levels.map((level) => [level, { ...scenario.levels[level] }])) as Record<
      Level,
      Record<string, unknown>
    >,
    example,
  };
}

/** The text form of `absynth describe`. */
export function formatDescription(d: ScenarioDescription): string {
  const lines = [`${d.id} (version ${d.version}): ${d.title}`, d.summary, ''];
  lines.push('Params (set with --param name=value or --params file.json):');
  if (d.params.length === 0) lines.push('  (none)');
  else {
    lines.push(
      ...formatTable(
        [
          ['name', 'type', 'default', 'allowed', 'description'],
          ...d.params.map((p) => [p.name, p.type, formatValue(p.default), allowedValues(p), p.description]),
        ],
        '  ',
      ),
    );
  }
  lines.push('', `Levels (--level; default ${d.defaultLevel}):`);
  lines.push(
    ...formatTable(
      levels.map((level) => {
        const preset = Object.entries(d.levels[level]);
        const text = preset.length === 0 ? '(defaults)' : preset.map(([k, v]) => `${k}=${formatValue(v)}`).join(' ');
        return [String(level), text];
      }),
      '  ',
    ),
  );
  lines.push(
    '',
    'Tasks (--tasks):',
    ...formatTable(
      d.tasks.map((t) => [t.id, t.kind, t.summary]),
      '  ',
    ),
  );
  if (d.example !== null) {
    const e = d.example;
    lines.push(
      '',
      `Example (seed ${e.seed}, index ${e.index}, level ${e.level}, task ${e.task}):`,
      `  Q: ${e.question}`,
      `  A: ${e.answer}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A param value as it would be typed after `--param name=`. */
function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    // A string that would parse as JSON must be quoted to stay a string on the command line.
    try {
      JSON.parse(value);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value);
}

function allowedValues(p: ParamInfo): string {
  if (p.values !== undefined) return p.values.map(formatValue).join(' | ');
  if (p.minimum !== undefined && p.maximum !== undefined) return `${p.minimum} to ${p.maximum}`;
  if (p.minimum !== undefined) return `at least ${p.minimum}`;
  if (p.maximum !== undefined) return `at most ${p.maximum}`;
  return '';
}
