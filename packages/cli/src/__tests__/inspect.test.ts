import { describeParams } from '@absynth/core';
import { DEFAULT_SEED, generateItem, planRun } from '@absynth/engine';
import { maze, roadmap } from '@absynth/maps';
import { charts } from '@absynth/charts';
import { dashboards } from '@absynth/dashboards';
import { flowcharts, graphs } from '@absynth/graphs';
import { tables } from '@absynth/tables';
import { describe, expect, it } from 'vitest';
import { cli, runBin, tempDir } from './helpers.js';

describe('absynth list', () => {
  it('prints each scenario with its tasks, aligned', async () => {
    const result = await cli(['list'], await tempDir());
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // Scenarios are listed by id.
    const heads = lines.filter((line) => line !== '' && !line.startsWith(' ')).map((line) => line.split(' ')[0]);
    expect(heads).toEqual(['charts', 'dashboards', 'flowcharts', 'graphs', 'maze', 'roadmap', 'tables']);
    const head = lines.indexOf(`maze  v${maze.version}  ${maze.title}: ${maze.summary}`);
    expect(head).toBeGreaterThan(0);
    const taskLines = lines.slice(head + 1, head + 1 + maze.tasks.length);
    maze.tasks.forEach((task, i) => {
      expect(taskLines[i]).toMatch(new RegExp(`^ {4}${task.id} +${task.kind} +`));
      expect(taskLines[i]?.endsWith(task.summary)).toBe(true);
    });
    // Aligned: every task's kind starts in the same column.
    const kindColumns = maze.tasks.map((task, i) => taskLines[i]?.indexOf(` ${task.kind} `));
    expect(new Set(kindColumns).size).toBe(1);
  });

  it('prints a JSON array with --json', async () => {
    const result = await runBin(['list', '--json'], await tempDir());
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      [charts, dashboards, flowcharts, graphs, maze, roadmap, tables].map((s) => ({
        id: s.id,
        version: s.version,
        title: s.title,
        summary: s.summary,
        tasks: s.tasks.map((t: { id: string; kind: string; summary: string }) => ({
          id: t.id,
          kind: t.kind,
          summary: t.summary,
        })),
      })),
    );
  });
});

describe('absynth describe', () => {
  const example = async () => {
    const plan = planRun({ scenario: maze, count: 1, seed: DEFAULT_SEED });
    const qa = (await generateItem(plan, 0)).qa[0];
    if (qa === undefined) throw new Error('maze item 0 has no question');
    return qa;
  };

  it('shows the params table, levels, tasks and a live question with its answer', async () => {
    const result = await cli(['describe', 'maze'], await tempDir());
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text.startsWith(`maze (version ${maze.version}): ${maze.title}\n${maze.summary}\n`)).toBe(true);
    expect(text).toMatch(/\nParams .*:\n {2}name +type +default +allowed +description\n/);
    for (const param of describeParams(maze)) {
      expect(text).toMatch(new RegExp(`\\n {2}${param.name} +${param.type} `));
      if (param.description !== '') expect(text).toContain(param.description);
    }
    expect(text).toMatch(/\nLevels \(--level; default 3\):\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}4 .*\n {2}5 /);
    for (const task of maze.tasks) expect(text).toMatch(new RegExp(`\\n {2}${task.id} +${task.kind} +`));
    const qa = await example();
    expect(text).toContain(
      `Example (seed ${DEFAULT_SEED}, index 0, level 3, task ${qa.task}):\n  Q: ${qa.question}\n  A: ${qa.answerText}\n`,
    );
  });

  it('prints the same facts as JSON with --json', async () => {
    const result = await cli(['describe', 'maze', '--json'], await tempDir());
    expect(result.code, result.stderr).toBe(0);
    const description = JSON.parse(result.stdout);
    const qa = await example();
    expect(description).toMatchObject({
      id: 'maze',
      version: maze.version,
      title: maze.title,
      params: JSON.parse(JSON.stringify(describeParams(maze))),
      defaultLevel: 3,
      levels: JSON.parse(JSON.stringify(maze.levels)),
      example: { seed: DEFAULT_SEED, index: 0, level: 3, task: qa.task, question: qa.question, answer: qa.answerText },
    });
    expect(description.paramsSchema).toMatchObject({ type: 'object' });
    expect(description.tasks).toHaveLength(maze.tasks.length);
  });
});
