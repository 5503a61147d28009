import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../cli.js';
import { cli, tempDir } from './helpers.js';

/** A command of the tree with its path from the program, such as `topics grow`. */
interface PathedCommand {
  path: string;
  command: Command;
}

/** The command tree as `runCli` builds it, read in-process; its output goes into `log`. */
function commandTree(log: { text: string } = { text: '' }): { program: Command; commands: PathedCommand[] } {
  const sink = {
    write: (text: string) => {
      log.text += text;
    },
  };
  const program = buildProgram({ stdout: sink, stderr: sink, cwd: process.cwd() });
  const walk = (command: Command, path: string[]): PathedCommand[] =>
    command.commands.flatMap((sub) => {
      const subPath = [...path, sub.name()];
      return [{ path: subPath.join(' '), command: sub }, ...walk(sub, subPath)];
    });
  return { program, commands: walk(program, []) };
}

/** The names an option answers to, such as `-n, --count`. */
function optionKey(option: Option): string {
  return [option.short, option.long].filter((name) => name !== undefined).join(', ');
}

/** One row of a README flag table. */
interface FlagRow {
  key: string;
  meaning: string;
  default: string;
}

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/**
 * The flag table of each command's section of the README, by command path. A section starts at
 * a heading such as "## `absynth generate <scenario>`" (the words before the first `<` or `-`
 * are the path) and runs to the next heading; its table is the first whose header starts with
 * `flag`. A row's first cell names the flags: "`-n, --count <n>`" is `-n, --count`.
 */
function readmeFlagTables(text: string): Map<string, FlagRow[]> {
  const tables = new Map<string, FlagRow[]>();
  let section: string | undefined;
  let columns: string[] | undefined;
  for (const line of text.split('\n')) {
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (heading !== null) {
      const path = /^`absynth ((?:[a-z]+ ?)+)/.exec(heading[1] as string)?.[1]?.trim();
      section = path;
      columns = undefined;
      if (path !== undefined) {
        if (tables.has(path)) throw new Error(`the README has two sections for \`absynth ${path}\``);
        tables.set(path, []);
      }
      continue;
    }
    if (section === undefined) continue;
    const rows = tables.get(section) as FlagRow[];
    if (!line.startsWith('|')) {
      // The first flag table of the section is its table; text after it ends it.
      if (columns !== undefined) section = undefined;
      continue;
    }
    const cells = line
      .trim()
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    if (columns === undefined) {
      if (cells[0] === 'flag') columns = cells;
      continue;
    }
    if (cells.every((cell) => /^-+$/.test(cell))) continue;
    const flags = (cells[0] ?? '').match(/(?<![\w-])--?[A-Za-z][\w-]*/g) ?? [];
    const cell = (name: string) => cells[columns?.indexOf(name) ?? -1] ?? '';
    rows.push({ key: flags.join(', '), meaning: cell('meaning'), default: cell('default') });
  }
  return tables;
}

const tables = readmeFlagTables(readme);
const { commands } = commandTree();
/** Commands with options of their own; a group such as `topics` has none besides --help. */
const withOptions = commands.filter(({ command }) => command.options.length > 0);

describe('the README lists every flag of every command', () => {
  it('reads the commands from commander and their tables from the README', () => {
    // Were either side read wrong, every comparison below would pass on empty lists.
    const paths = withOptions.map((c) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['generate', 'list', 'describe', 'topics grow', 'propose', 'export', 'eval']));
    expect(tables.get('generate')?.length).toBeGreaterThan(10);
  });

  it('has no section for a command that does not exist', () => {
    const known = commands.map((c) => c.path);
    expect([...tables.keys()].filter((path) => !known.includes(path))).toEqual([]);
  });

  it.each(withOptions)('absynth $path: the flags of its table are its options', ({ path, command }) => {
    const rows = tables.get(path);
    expect(rows, `the README has no section "## \`absynth ${path} …\`" with a "| flag | meaning | default |" table`).toBeDefined();
    const listed = (rows ?? []).map((row) => row.key);
    const options = command.options.map(optionKey);
    expect({
      missingFromReadme: options.filter((key) => !listed.includes(key)),
      notAnOption: listed.filter((key) => !options.includes(key)),
    }).toEqual({ missingFromReadme: [], notAnOption: [] });
  });

  it.each(withOptions)('absynth $path: its table states each default and each required flag', ({ path, command }) => {
    const rows = new Map((tables.get(path) ?? []).map((row) => [row.key, row]));
    const wrong: string[] = [];
    for (const option of command.options) {
      const row = rows.get(optionKey(option));
      if (row === undefined) continue; // reported by the test above
      if (option.defaultValue !== undefined && !row.default.includes(`\`${String(option.defaultValue)}\``)) {
        wrong.push(`${optionKey(option)}: default \`${String(option.defaultValue)}\` not in its default column ("${row.default}")`);
      }
      if (option.mandatory && !row.meaning.includes('(required)')) wrong.push(`${optionKey(option)}: required, but its meaning does not say "(required)"`);
    }
    expect(wrong).toEqual([]);
  });
});

/** The lines of the Examples section at the end of a help text. */
function exampleLines(help: string): string[] {
  const at = help.indexOf('\nExamples:\n');
  if (at < 0) return [];
  const lines = help.slice(at + '\nExamples:\n'.length).split('\n');
  const end = lines.findIndex((line) => !line.startsWith('  '));
  return lines.slice(0, end < 0 ? lines.length : end).map((line) => line.trim());
}

describe('--help of each command ends with examples that parse', () => {
  const everyCommand: PathedCommand[] = [{ path: '', command: commandTree().program }, ...commands];

  it.each(everyCommand)('absynth $path --help', async ({ path }) => {
    const words = path === '' ? [] : path.split(' ');
    const result = await cli([...words, '--help'], await tempDir());
    expect(result.code).toBe(0);
    const lines = exampleLines(result.stdout);
    expect(lines.length, `no Examples section of two or three commands in:\n${result.stdout}`).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) {
      // Run verbatim by the docs tests: plain words, no quoting or shell syntax to get wrong.
      expect(line).toMatch(/^absynth [\w./:=, -]+$/);
    }
    // Each command's help shows the command itself at least once (a group: one of its commands).
    const own = path === '' ? 'absynth ' : `absynth ${path} `;
    expect(lines.some((line) => `${line} `.startsWith(own))).toBe(true);
  });

  it.each(everyCommand)('absynth $path: commander accepts each example as written', async ({ path }) => {
    const result = await cli([...(path === '' ? [] : path.split(' ')), '--help'], await tempDir());
    for (const line of exampleLines(result.stdout)) {
      // A fresh tree whose actions only record what was parsed: unknown commands or flags,
      // missing arguments and missing required flags throw, and nothing runs.
      const log = { text: '' };
      const { program, commands: tree } = commandTree(log);
      let ran: string | undefined;
      for (const { path: commandPath, command } of tree) {
        command.action(() => {
          ran = commandPath;
        });
      }
      const argv = line.split(' ').slice(1);
      const parsed = await program.parseAsync(argv, { from: 'user' }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(parsed instanceof CommanderError ? `${line}\n${log.text}` : parsed).toBeNull();
      expect(ran, `${line}: no command ran`).toBeDefined();
      expect(`${line} `.startsWith(`absynth ${ran} `), line).toBe(true);
    }
  });
});

describe('absynth describe states ranges that hang on other params', () => {
  // A range the schema refuses beyond must be read in describe, not found out by trial.
  it.each([
    { scenario: 'roadmap', param: 'minTurns', says: ['at most maxTurns', 'at most ⌊size × min(density, 0.25)⌋ + 2', 'more is refused'] },
    { scenario: 'roadmap', param: 'maxTurns', says: ['at least minTurns'] },
    { scenario: 'flowcharts', param: 'symbols', says: ['at least 7 unless family is algorithm', 'fewer is refused'] },
  ])('$scenario: $param', async ({ scenario, param, says }) => {
    const result = await cli(['describe', scenario], await tempDir());
    expect(result.code, result.stderr).toBe(0);
    const line = result.stdout.split('\n').find((l) => l.startsWith(`  ${param} `)) ?? '';
    for (const text of says) expect(line).toContain(text);
  });
});
