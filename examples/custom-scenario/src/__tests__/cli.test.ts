import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The example as a user runs it: the built `absynth` bin loads this package with --plugin.
const bin = join(dirname(createRequire(import.meta.url).resolve('absynth/package.json')), 'dist', 'bin.js');
const example = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function absynth(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('absynth generate --plugin', () => {
  it('generates the dots scenario from this package folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'absynth-dots-'));
    dirs.push(out);
    const result = await absynth(['generate', 'dots', '--plugin', example, '--count', '5', '--seed', '3', '--out', out, '--force'], example);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^5 images, \d+ questions in /);
    expect((await readdir(join(out, 'images'))).length).toBe(5);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.scenario).toEqual({ id: 'dots', version: 1, package: { name: '@absynth/example-dots', version: '0.1.0' } });
  });

  it('describes it next to the built-in scenarios', async () => {
    const result = await absynth(['list', '--json', '--plugin', example], example);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).map((s: { id: string }) => s.id)).toContain('dots');
  });
});
