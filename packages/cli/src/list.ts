import type { AnyScenario, QuestionKind, Registry } from '@absynth/core';
import { formatTable } from './table.js';

/** One scenario as `absynth list --json` prints it. */
export interface ScenarioSummary {
  id: string;
  version: number;
  title: string;
  summary: string;
  tasks: { id: string; kind: QuestionKind; summary: string }[];
}

/** The listing fields of a scenario. */
export function summarizeScenario(scenario: AnyScenario): ScenarioSummary {
  return {
    id: scenario.id,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    tasks: scenario.tasks.map((task) => ({ id: task.id, kind: task.kind, summary: task.summary })),
  };
}

/** `absynth list`: each scenario with its tasks, as aligned text or as JSON. */
export function listScenarios(registry: Registry, json: boolean): string {
  const summaries = registry.list().map(summarizeScenario);
  if (json) return `${JSON.stringify(summaries, null, 2)}\n`;
  const blocks = summaries.map((s) =>
    [
      `${s.id}  v${s.version}  ${s.title}: ${s.summary}`,
      ...formatTable(
        s.tasks.map((task) => [task.id, task.kind, task.summary]),
        '    ',
      ),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
