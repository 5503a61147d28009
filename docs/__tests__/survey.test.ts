import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

// The survey CONTRIBUTING.md shows, on a few items: it runs, gates every question and reports
// per level; a bad option is refused by name.
describe('scripts/answerable-survey.mjs', () => {
  it('surveys the drawing-first gate per level', { timeout: 300_000 }, async () => {
    const { stdout } = await run(process.execPath, ['scripts/answerable-survey.mjs', '--scenario', 'tables', '--count', '3', '--levels', '1,5'], { cwd: root });
    expect(stdout).toMatch(/^tables level 1: 3 items, [1-9]\d* questions checked, 0 problems; distinct topics [\d.]+%, distinct shapes [\d.]+%$/m);
    expect(stdout).toMatch(/^tables level 5: 3 items, /m);
  });

  it('refuses a bad option by name, with exit code 2', { timeout: 120_000 }, async () => {
    for (const [args, message] of [
      [['--scenario', 'nope'], /--scenario: no built-in scenario "nope"/],
      [['--count', 'many'], /--count: "many" is not a positive integer/],
      [['--levels', '1,6'], /--levels: "1,6" is not/],
    ] as const) {
      await expect(run(process.execPath, ['scripts/answerable-survey.mjs', ...args], { cwd: root })).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(message) });
    }
  });
});
