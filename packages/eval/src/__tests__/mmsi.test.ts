import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperMarkerRecall, UsageError } from '@absynth/core';
import { LlmClient } from '@absynth/engine';
import { startLoopbackModel } from '@absynth/testkit/loopback';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateMmsi, namedMarkers, scoreMmsiRow } from '../mmsi.js';
import { mmsiAnswer } from '../mmsi-answers.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe("scoring the paper's benchmark rows with absynth's scorers", () => {
  it('reads single digits in free text (the release never did)', () => {
    expect(scoreMmsiRow({ answer: '7', type: 'STRUCTURAL' }, 'There are 7 bars in the chart.', 'chart').score).toBe(1);
    expect(scoreMmsiRow({ answer: '3', type: 'MATH_REASONING' }, 'The answer is 3.', 'flowchart').score).toBe(1);
  });

  it('does not take "no" inside "I don\'t know"', () => {
    expect(scoreMmsiRow({ answer: 'No', type: 'STRUCTURAL' }, "I don't know.", 'org').score).toBe(0);
    expect(scoreMmsiRow({ answer: 'No', type: 'STRUCTURAL' }, 'The answer is no.', 'org').score).toBe(1);
  });

  it('keeps years and counts exact, and gives 5% only to chart, table and dashboard values', () => {
    expect(mmsiAnswer({ answer: '2019', type: 'DATA_EXTRACTION' }, 'chart')).toEqual({ type: 'integer', value: 2019 });
    expect(scoreMmsiRow({ answer: '2019', type: 'DATA_EXTRACTION' }, 'The answer is 2020.', 'chart').score).toBe(0);
    expect(scoreMmsiRow({ answer: '1000', type: 'DATA_EXTRACTION' }, 'The answer is 1040.', 'chart').score).toBe(1);
    expect(scoreMmsiRow({ answer: '45.5', type: 'MATH_REASONING' }, 'The answer is 46.', 'dashboard').score).toBe(1);
    expect(scoreMmsiRow({ answer: '12', type: 'STRUCTURAL' }, 'The answer is 13.', 'chart').score).toBe(0);
    expect(scoreMmsiRow({ answer: '40', type: 'MATH_REASONING' }, 'The answer is 41.', 'flowchart').score).toBe(0);
    expect(scoreMmsiRow({ answer: '45%', type: 'DATA_EXTRACTION' }, 'The answer is 45%.', 'table').score).toBe(1);
  });

  it('matches "(row, column)" cells, letters, times and phrases', () => {
    expect(scoreMmsiRow({ answer: '(2, 3)', type: 'REASONING' }, 'The odd one is at (2, 3).', 'iq').score).toBe(1);
    expect(scoreMmsiRow({ answer: '(2, 3)', type: 'REASONING' }, 'The answer is (3, 2).', 'iq').score).toBe(0);
    expect(scoreMmsiRow({ answer: 'B', type: 'REASONING' }, 'The answer is (B).', 'iq').score).toBe(1);
    expect(scoreMmsiRow({ answer: '8:10', type: 'DATA_EXTRACTION' }, 'The answer is 8:10.', 'dashboard').score).toBe(1);
    expect(scoreMmsiRow({ answer: 'kitchen', type: 'REASONING' }, 'The answer is the kitchen.', 'layout').score).toBe(1);
  });

  it("reads every answer form of the release's rows", () => {
    const read = (answer: string, file: string, question?: string) => mmsiAnswer({ answer, type: file, ...(question === undefined ? {} : { question }) }, `eval_${file}`);
    expect(read('Four', 'chart', 'How many bars are there?')).toEqual({ type: 'integer', value: 4 });
    expect(read('C. Do relaxing activity', 'flowchart')).toMatchObject({ type: 'choice', value: 'C', options: { A: 'option A', C: 'Do relaxing activity' } });
    expect(read('(255.0, 187.0, 120.0)', 'visual_puzzle')).toEqual({ type: 'rgb', value: [255, 187, 120] });
    expect(read('2:1', 'chart')).toEqual({ type: 'ratio', value: [2, 1], tolerance: 0.05 });
    expect(read('2:1', 'flowchart')).toEqual({ type: 'ratio', value: [2, 1], tolerance: 0 });
    expect(read('6.5 mSv', 'dashboard')).toEqual({ type: 'number', value: 6.5 });
    expect(read('14.1 billion USD', 'chart')).toEqual({ type: 'number', value: 14.1, unit: 'billion USD' });
    expect(read('Infinity', 'relation_graph')).toMatchObject({ type: 'text', value: 'Infinity' });
    expect(read('(2, 3)', 'table')).toEqual({ type: 'cell', row: 2, col: 3 });
    expect(read('1. Start at A1.\n2. Then the answer is 42.', 'flowchart')).toEqual({ type: 'integer', value: 42 });
    // Without a question kind, the scenario decides: 5% for chart, table and dashboard values, not for counts or years.
    expect(read('12', 'table', 'How many rows are there?')).toEqual({ type: 'integer', value: 12 });
    expect(read('1250', 'table', 'What is the total?')).toEqual({ type: 'number', value: 1250 });
    expect(read('2021', 'chart', 'Which year?')).toEqual({ type: 'integer', value: 2021 });
    expect(read('40', 'flowchart', 'What is printed?')).toEqual({ type: 'integer', value: 40 });
    // absynth's own tables print every value: exact, whatever the question type.
    expect(mmsiAnswer({ answer: '1250', type: 'DATA_EXTRACTION' }, 'tables')).toEqual({ type: 'integer', value: 1250 });
    expect(mmsiAnswer({ answer: '1250', type: 'DATA_EXTRACTION' }, 'table')).toEqual({ type: 'number', value: 1250 });
  });

  it('scores RGB tuples and ratios by value, and release references read whole', () => {
    const rgb = { answer: '(255.0, 187.0, 120.0)', type: 'visual_puzzle' };
    expect(scoreMmsiRow(rgb, 'The colour is (255, 187, 120).', 'eval_visual_puzzle').score).toBe(1);
    expect(scoreMmsiRow(rgb, 'The colour is (255, 120, 187).', 'eval_visual_puzzle').score).toBe(0);
    const ratio = { answer: '2:1', type: 'chart' };
    expect(scoreMmsiRow(ratio, 'The ratio is 4:2.', 'eval_chart').score).toBe(1);
    expect(scoreMmsiRow(ratio, 'About 2 to 1.', 'eval_chart').score).toBe(1);
    expect(scoreMmsiRow(ratio, 'The ratio is 3:1.', 'eval_chart').score).toBe(0);
    // A road-map reference of numbered lines, copied verbatim, covers its markers in order.
    const route = { answer: '1. From A1 go north to B7.\n2. Turn right to 3K.\n3. Arrive at Z2.', type: 'road_map', markers: [] };
    expect(scoreMmsiRow(route, route.answer, 'eval_road_map')).toMatchObject({ score: 1, answerType: 'route' });
    expect(scoreMmsiRow(route, 'Z2, 3K, B7, A1', 'eval_road_map').score).toBeLessThan(0.5);
    // A road-map row that is not a route is read as any other.
    expect(scoreMmsiRow({ answer: 'Six', type: 'road_map', markers: [] }, 'There are 6 markers.', 'eval_road_map')).toEqual({ score: 1, answerType: 'integer' });
  });

  it('scores routes by ordered landmark coverage; the release recall is kept beside it', () => {
    const row = { answer: 'right 2, up 3', type: 'REASONING', markers: ['t2', '5K', 'L4'] };
    expect(scoreMmsiRow(row, 'Go right to t2, up to 5K, then left to L4.', 'maze')).toEqual({ score: 1, answerType: 'route', extra: { paperMarkerRecall: 1 } });
    const reversed = scoreMmsiRow(row, 'L4, 5K, t2', 'maze');
    expect(reversed.score).toBe(1 / 5);
    expect(reversed.extra?.paperMarkerRecall).toBe(paperMarkerRecall('L4, 5K, t2', row.markers));
    // A wrong extra marker costs as a missed one would.
    expect(scoreMmsiRow(row, 't2, 5K, Q9, L4', 'maze').score).toBe(3 / 4);
    expect(namedMarkers('at 10am: step3b, t2 t2 5K')).toEqual(['t2', '5K']);
  });

  it('re-scores a rows file that carries responses, and reports per file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'absynth-mmsi-'));
    temps.push(dir);
    const rows = [
      { question_id: 1, text: 'How many bars?', image: 'images/a.png', answer: '7', type: 'STRUCTURAL', response: 'There are 7 bars.' },
      { question_id: 2, text: 'Which year?', image: 'images/a.png', answer: '2019', type: 'DATA_EXTRACTION', response: 'The answer is 2020.' },
      { question_id: 3, text: 'Describe it.', image: 'images/a.png', answer: 'A bar chart of sales by year.', type: 'SUMMARY', response: 'The answer is a bar chart of sales by year.' },
    ];
    await writeFile(join(dir, 'chart.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    await writeFile(join(dir, 'maze.jsonl'), `${JSON.stringify({ question_id: 'm1', text: 'Route?', image: 'images/m.png', answer: 'x', type: 'REASONING', markers: ['t2', '5K'], response: 'Via t2 then 5K.' })}\n`);
    const out = join(dir, 'out');
    const result = await evaluateMmsi({ data: dir, out, comparePaper: true });
    const chart = result.report.scenarios.find((s) => s.scenario === 'chart');
    expect(chart?.accuracy).toBe(1 / 2);
    expect(chart?.captions?.rougeL).toBe(1);
    const maze = result.report.scenarios.find((s) => s.scenario === 'maze');
    expect(maze?.accuracy).toBe(1);
    expect(maze?.routes?.extra).toEqual({ paperMarkerRecall: 1 });
    expect(result.report.mean).toBe(3 / 4);
    expect(result.report.paper?.columns).toEqual(['chart', 'road map']);
  });

  describe('checks every row first: a bad file asks nothing and writes nothing', () => {
    const row = (id: number, extra: Record<string, unknown> = {}) => JSON.stringify({ question_id: id, text: `Question ${id}?`, image: 'images/a.png', answer: '7', type: 'STRUCTURAL', ...extra });

    async function refused(files: Record<string, string>, message: RegExp, withModel: boolean): Promise<void> {
      const dir = await mkdtemp(join(tmpdir(), 'absynth-mmsi-'));
      temps.push(dir);
      await mkdir(join(dir, 'images'));
      await writeFile(join(dir, 'images', 'a.png'), 'not really a png, never read');
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      const server = await startLoopbackModel(() => ({ kind: 'content', content: 'The answer is 7.' }));
      try {
        const out = join(dir, 'out');
        const client = withModel ? new LlmClient({ baseURL: server.baseURL, model: 'm', apiKey: 'x', cacheDir: null, maxRetries: 0 }) : null;
        const error = await evaluateMmsi({ data: dir, out, client }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UsageError);
        expect((error as Error).message).toMatch(message);
        expect(server.requests).toHaveLength(0);
        expect(existsSync(out)).toBe(false);
      } finally {
        await server.close();
      }
    }

    it('a row that is not JSON, after good rows and in a later file', async () => {
      await refused({ 'chart.jsonl': `${row(1)}\n${row(2)}\n`, 'table.jsonl': `${row(1)}\n${row(2)}\n{"question_id": 3, "te\n` }, /table\.jsonl, line 3: not valid JSON/, true);
    });

    it('a row without an answer, or with markers that are not labels', async () => {
      await refused({ 'chart.jsonl': `${row(1)}\n${JSON.stringify({ question_id: 2, text: 'Q?', type: 'STRUCTURAL' })}\n` }, /chart\.jsonl, line 2: not a benchmark row/, true);
      await refused({ 'maze.jsonl': `${row(1, { markers: ['t2', 5] })}\n` }, /maze\.jsonl, line 1: markers must be a list of marker labels/, true);
    });

    it('a missing image, when a model is to be shown it', async () => {
      await refused({ 'chart.jsonl': `${row(1)}\n${row(2, { image: 'images/gone.png' })}\n` }, /images\/gone\.png: missing, though question chart:2 shows it to the model/, true);
    });

    it('a row with no reply to re-score and no model to ask', async () => {
      await refused({ 'chart.jsonl': `${row(1, { response: 'The answer is 7.' })}\n${row(2)}\n` }, /question chart:2 has no response to score and no model to ask/, false);
    });
  });
});
