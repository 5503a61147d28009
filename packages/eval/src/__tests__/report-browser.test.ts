import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AnyScenario, Registry } from '@absynth/core';
import { DatasetWriter, generate, LlmClient, planRun } from '@absynth/engine';
import { roadmap } from '@absynth/maps';
import { tables } from '@absynth/tables';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startTruthModel, truthIndex, truthReply } from '@absynth/testkit/loopback';
import { paperSuffix } from '../engine.js';
import { evaluate, openDatasets } from '../evaluate.js';

// The report page is checked in a real browser: Debian's chromium, driven by playwright-core.
// `npm test` installs it first when it is missing (scripts/test-setup.mjs); ABSYNTH_CHROMIUM
// names another binary.
const executablePath = process.env.ABSYNTH_CHROMIUM || '/usr/bin/chromium';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe('report.html in a real browser', () => {
  it('renders self-contained: no request beyond the page, no console error, one bar per scenario and the figures shown', async () => {
    expect(existsSync(executablePath), `${executablePath} is missing: install chromium (apt-get install -y chromium), or run the tests with "npm test", which does`).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'absynth-eval-html-'));
    temps.push(dir);
    const registry = new Registry().use(tables as AnyScenario, roadmap as AnyScenario);
    for (const scenario of [tables, roadmap] as AnyScenario[]) {
      const options = { scenario, count: 2, seed: 9, level: 1 as const };
      const sink = await DatasetWriter.open(join(dir, 'data', scenario.id));
      for await (const sample of generate(options)) await sink.write(sample);
      await sink.close(planRun(options));
    }
    const index = await truthIndex(await openDatasets(join(dir, 'data')), { suffix: paperSuffix });
    const server = await startTruthModel(index, (qa) => (qa === undefined ? { kind: 'status', status: 400 } : { kind: 'content', content: truthReply(qa) }));
    let result: Awaited<ReturnType<typeof evaluate>>;
    try {
      const client = new LlmClient({ baseURL: server.baseURL, model: 'loopback', apiKey: 'none', concurrency: 4, cacheDir: null });
      result = await evaluate({ data: join(dir, 'data'), out: join(dir, 'eval'), client, scenarios: registry, comparePaper: true });
    } finally {
      await server.close();
    }

    expect(result.report.failures).toBe(0);
    expect(result.report.mean).toBe(1);

    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(join(dir, 'eval', 'report.html')).href;
      await page.goto(url);
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.title()).toBe('absynth evaluation: loopback');
      const chart = page.locator('svg[aria-label="Accuracy by scenario"]');
      await expect.poll(() => chart.count()).toBe(1);
      expect(await chart.locator('rect').count()).toBe(result.report.scenarios.length);
      const text = await page.locator('body').textContent() ?? '';
      for (const s of result.report.scenarios) expect(text).toContain(s.scenario);
      expect(text).toContain("Compared with the paper's Table A1");
      // Drawn, not just present: the chart has a size on the page.
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
    } finally {
      await browser.close();
    }
  });
});
