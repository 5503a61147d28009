// Markdown for generated docs: the params, levels and tasks of a scenario as tables, and the
// marked sections of a file that hold them. READMEs and docs/scenarios.md are made with these,
// and tests compare them so the docs cannot go stale.
import type { ParamInfo } from './params.js';
import { describeParams } from './params.js';
import type { AnyScenario } from './scenario.js';

/** A table cell: pipes escaped so they do not split the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The values a param allows: its enum values, its range, or both booleans. */
function allowed(param: ParamInfo): string {
  if (param.values !== undefined) return param.values.map(code).join(', ');
  if (param.minimum !== undefined && param.maximum !== undefined) return `${param.minimum} to ${param.maximum}`;
  if (param.type === 'boolean') return `${code(true)}, ${code(false)}`;
  return '';
}

/** A scenario's params as a Markdown table (name, type, default, allowed values, description), read from its schema. */
export function paramsTable(scenario: AnyScenario): string {
  const rows = describeParams(scenario).map((p) => `| ${code(p.name)} | ${p.type} | ${code(p.default)} | ${cell(allowed(p))} | ${cell(p.description)} |`);
  return ['| param | type | default | allowed | description |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** A scenario's level presets as a Markdown table: one row per level, one column per param a preset sets. */
export function levelsTable(scenario: AnyScenario): string {
  const entries = Object.entries(scenario.levels as Record<number, Record<string, unknown>>).sort(([a], [b]) => Number(a) - Number(b));
  const names = [...new Set(entries.flatMap(([, preset]) => Object.keys(preset)))];
  const value = (v: unknown) => (typeof v === 'number' ? String(v) : code(v));
  const rows = entries.map(([level, preset]) => `| ${level} | ${names.map((n) => (n in preset ? value(preset[n]) : '')).join(' | ')} |`);
  return [`| level | ${names.map(code).join(' | ')} |`, `|---|${names.map(() => '---|').join('')}`, ...rows].join('\n');
}

/** A scenario's tasks as a Markdown table: id, the paper's question kind, and what it asks. */
export function tasksTable(scenario: AnyScenario): string {
  const rows = scenario.tasks.map((t: { id: string; kind: string; summary: string }) => `| ${code(t.id)} | ${t.kind} | ${cell(t.summary)} |`);
  return ['| task | kind | asks |', '|---|---|---|', ...rows].join('\n');
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in `text`, trimmed; `undefined` without both markers. */
export function markedSection(text: string, name: string): string | undefined {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) return undefined;
  return text.slice(start + `<!-- ${name}:start -->`.length, end).trim();
}

/** `text` with the section between the markers replaced by `body`; throws when a marker is missing. */
export function replaceMarkedSection(text: string, name: string, body: string): string {
  const open = `<!-- ${name}:start -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`the file has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}
