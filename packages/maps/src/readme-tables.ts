import type { ParamInfo } from '@absynth/core';

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

/** The params as the README's Markdown table (name, type, default, allowed values, description), one line each. */
export function paramsTable(params: readonly ParamInfo[]): string {
  const rows = params.map((p) => `| ${code(p.name)} | ${p.type} | ${code(p.default)} | ${cell(allowed(p))} | ${cell(p.description)} |`);
  return ['| param | type | default | allowed | description |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The level presets as the README's Markdown table: one row per level, one column per param a preset sets. */
export function levelsTable(levels: Readonly<Record<number, Readonly<Record<string, unknown>>>>): string {
  const entries = Object.entries(levels).sort(([a], [b]) => Number(a) - Number(b));
  const names = [...new Set(entries.flatMap(([, preset]) => Object.keys(preset)))];
  const value = (v: unknown) => (typeof v === 'number' ? String(v) : code(v));
  const rows = entries.map(([level, preset]) => `| ${level} | ${names.map((n) => (n in preset ? value(preset[n]) : '')).join(' | ')} |`);
  return [`| level | ${names.map(code).join(' | ')} |`, `|---|${names.map(() => '---|').join('')}`, ...rows].join('\n');
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
  if (start < 0 || end < start) throw new Error(`README has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}
