import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalReport } from '@absynth/eval';
import { startLoopbackModel, userText } from '@absynth/testkit/loopback';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';
import { type ReleaseRow, releaseFiles } from './release-rows.js';

/** A 1×1 PNG: the release's images are not needed to score, only to be shown to the model. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** A folder laid out as the release is: the eight `eval_*.json` files and their images. */
async function releaseFolder(): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, 'release'));
  for (const [name, rows] of Object.entries(releaseFiles)) {
    const lines = rows.map(({ wrong: _, ...row }) => JSON.stringify(row));
    await writeFile(join(cwd, 'release', name), `${lines.join('\n')}\n`);
    for (const row of rows) {
      await mkdir(join(cwd, 'release', row.type), { recursive: true });
      await writeFile(join(cwd, 'release', row.image), png);
    }
  }
  return cwd;
}

const allRows: ReleaseRow[] = Object.values(releaseFiles).flat();

/** Runs `absynth eval --format mmsi` on the release folder against a loopback model that gives `reply(row)`. */
async function scoreRelease(reply: (row: ReleaseRow) => string): Promise<EvalReport> {
  const cwd = await releaseFolder();
  const model = await startLoopbackModel((body) => {
    const question = userText(body);
    const row = allRows.find((r) => question.startsWith(r.text));
    return { kind: 'content', content: row === undefined ? 'I do not know.' : reply(row) };
  });
  try {
    const run = await cli(['eval', '--format', 'mmsi', '--data', 'release', '--out', 'scored', '--base-url', model.baseURL, '--model', 'm', '--compare-paper'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(model.requests).toHaveLength(allRows.length);
    return JSON.parse(await readFile(join(cwd, 'scored', 'report.json'), 'utf8')) as EvalReport;
  } finally {
    await model.close();
  }
}

describe("absynth eval --format mmsi on the release's files as published", () => {
  it('scores the reference as the reply right in every scenario, with every answer form and repeated question_ids', { timeout: 5 * 60_000 }, async () => {
    const report = await scoreRelease((row) => row.answer);
    expect(report.questions).toBe(allRows.length);
    expect(report.scenarios.map((s) => s.scenario)).toEqual(Object.keys(releaseFiles).map((name) => name.replace(/\.json$/, '')).sort());
    for (const scenario of report.scenarios) expect(scenario.accuracy, scenario.scenario).toBeGreaterThanOrEqual(0.99);
    // --compare-paper finds a column for each release file.
    expect(report.paper?.columns).toEqual(['chart', 'table', 'road map', 'dashboard', 'relation graph', 'flowchart', 'puzzle', 'layout']);
    // The release's `type` is the scenario, not a question kind.
    expect(Object.keys(report.byKind)).toEqual(['untyped']);
  });

  it('scores a deliberately wrong reply wrong in every scenario', { timeout: 5 * 60_000 }, async () => {
    const report = await scoreRelease((row) => row.wrong);
    for (const scenario of report.scenarios) expect(scenario.accuracy, scenario.scenario).toBeLessThanOrEqual(0.02);
  });
});
