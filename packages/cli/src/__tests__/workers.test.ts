import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, dotsPluginSource, readTree, runBin, tempDir, writeFiles } from './helpers.js';

/** Asserts two dataset folders hold the same files with the same bytes. */
async function expectSameTree(a: string, b: string, files: number): Promise<void> {
  const first = await readTree(a);
  const second = await readTree(b);
  expect(first.size).toBe(files);
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  for (const [path, bytes] of first) expect(second.get(path)?.equals(bytes), path).toBe(true);
}

describe('--workers', () => {
  it('writes the same bytes on one thread and on three', async () => {
    const dir = await tempDir();
    const args = ['generate', 'maze', '--count', '9', '--seed', '5', '--level', '2'];
    const [one, three] = await Promise.all([
      runBin([...args, '--workers', '1', '--out', 'one'], dir),
      runBin([...args, '--workers', '3', '--out', 'three'], dir),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(three.code, three.stderr).toBe(0);
    await expectSameTree(join(dir, 'one'), join(dir, 'three'), 9 + 2);
  });

  it('runs plugin scenarios on worker threads', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'dots.mjs': dotsPluginSource() });
    const args = ['generate', 'test-dots', '--plugin', './dots.mjs', '--count', '6', '--size', '96'];
    const one = await runBin([...args, '--workers', '1', '--out', 'one'], dir);
    const two = await runBin([...args, '--workers', '2', '--out', 'two'], dir);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    await expectSameTree(join(dir, 'one'), join(dir, 'two'), 6 + 2);
  });

  it('reports a scenario failure on a worker thread with its seed and index, and exits 1', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'dots.mjs': dotsPluginSource('test-dots', "if (rng.next() < 2) throw new Error('no room for dots');"),
    });
    const result = await runBin(
      ['generate', 'test-dots', '--plugin', './dots.mjs', '--count', '4', '--seed', '8', '--workers', '2', '--out', 'out'],
      dir,
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('scenario "test-dots" failed at seed 8, index 0: sample threw: no room for dots');
  });

  it('rejects a bad --workers value, naming the flag, before writing anything', async () => {
    const dir = await tempDir();
    for (const value of ['0', 'many', '65', '-2']) {
      const result = await cli(['generate', 'maze', '--workers', value, '--out', 'out'], dir);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toContain(`invalid --workers "${value}": must be auto or an integer from 1 to 64`);
    }
    expect((await readTree(dir)).size).toBe(0);
  });
});
