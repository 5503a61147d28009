import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatasets, paperSuffix } from '@absynth/eval';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the example, without types.
import { startLoopbackModel, truthIndex } from '../../../../examples/eval-loopback/src/loopback.mjs';
import { cli, tempDir } from './helpers.js';

describe('absynth eval', () => {
  it('evaluates a dataset against an endpoint, resumes, and prints the report path', async () => {
    const cwd = await tempDir();
    expect((await cli(['generate', 'tables', '--count', '2', '--out', 'data/tables'], cwd)).code).toBe(0);
    const model = await startLoopbackModel({ index: await truthIndex(await openDatasets(join(cwd, 'data'))), suffix: paperSuffix, rightRate: 1 });
    try {
      const args = ['eval', '--data', 'data', '--out', 'eval', '--base-url', model.baseURL, '--model', 'm', '--concurrency', '4'];
      const first = await cli([...args, '--limit', '5', '--compare-paper'], cwd);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/eval: 5 asked \(0 failures\), 0 already answered/);
      const second = await cli([...args, '--compare-paper'], cwd);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/5 already answered/);
      expect(second.stdout).toContain('tables: 100.0%');
      expect(second.stdout).toContain('-> eval/report.md');
      const report = JSON.parse(await readFile(join(cwd, 'eval', 'report.json'), 'utf8'));
      expect(report.paper.columns).toEqual(['table']);
    } finally {
      await model.close();
    }
  });

  it('re-scores benchmark rows that carry responses, and rejects bad flags with exit 2', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'chart.jsonl'), `${JSON.stringify({ question_id: 1, text: 'How many bars?', image: 'a.png', answer: '7', type: 'STRUCTURAL', response: 'There are 7 bars.' })}\n`);
    const result = await cli(['eval', '--format', 'mmsi', '--data', 'chart.jsonl', '--out', 'rescored'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('chart: 100.0% (1/1)');
    expect((await cli(['eval', '--data', 'x', '--out', 'y'], cwd)).stderr).toContain('needs --model');
    const bad = await cli(['eval', '--data', 'x', '--out', 'y', '--model', 'm', '--temperature', 'hot'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --temperature');
  });
});
