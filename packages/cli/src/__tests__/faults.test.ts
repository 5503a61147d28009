// Faults a run meets on real machines: paths that cannot hold a dataset, a full disk, a disk that
// fills while the manifest is written, an interrupt. None may hang, destroy the dataset that was
// there, or leave files that look usable. The full-disk cases mount a small tmpfs (CI runs as
// root); a machine where mounting is not permitted skips them, saying why, unless it runs as root.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, hangGuardMs, readTree, runBin, tempDir } from './helpers.js';

const mounts: string[] = [];
afterAll(async () => {
  for (const dir of mounts) {
    spawnSync('umount', [dir]);
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * A fresh tmpfs mounted with `options` (such as `size=2m`), or null with the reason when this
 * machine does not permit mounting. As root, mounting must work: a failure is an error, never
 * a skip, so CI cannot pass these tests by skipping them.
 */
async function tmpfs(options: string): Promise<{ dir: string } | { skip: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'absynth-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    const reason = `cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || `exit ${mounted.status}`).trim()})`;
    if (process.getuid?.() === 0) throw new Error(`running as root, yet ${reason}`);
    return { skip: reason };
  }
  mounts.push(dir);
  return { dir };
}

describe('an output folder that cannot hold a dataset', () => {
  it.each([
    ['/proc/absynth-test', /output folder "\/proc\/absynth-test" is not writable/],
    ['/proc/absynth-test/deeper/still', /output folder "\/proc\/absynth-test\/deeper\/still" is not writable: cannot create "\/proc\/absynth-test"/],
    ['/sys/kernel/absynth-test', /output folder "\/sys\/kernel\/absynth-test" is not writable/],
  ])('%s exits 2 saying it is not writable, without hanging', async (out, message) => {
    const result = await runBin(['generate', 'maze', '--count', '2', '--out', out], await tempDir());
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('an existing file exits 2, and a read-only mount exits 2 saying it is not writable', async (context) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'a-file'), 'x');
    const file = await runBin(['generate', 'maze', '--count', '2', '--out', 'a-file'], cwd);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/output ".*\/a-file" exists and is not a folder/);
    const mount = await tmpfs('size=1m,ro');
    if ('skip' in mount) return context.skip(mount.skip);
    const readOnly = await runBin(['generate', 'maze', '--count', '2', '--out', join(mount.dir, 'data')], cwd);
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toMatch(/is not writable: read-only file system \(EROFS\)/);
    expect(await readdir(mount.dir)).toEqual([]);
  });
});

describe('a disk that fills during a run', () => {
  it('a full disk under --force keeps the old dataset byte for byte and leaves no staged file', async (context) => {
    const mount = await tmpfs('size=2m');
    if ('skip' in mount) return context.skip(mount.skip);
    const out = join(mount.dir, 'data');
    expect((await runBin(['generate', 'maze', '--count', '4', '--seed', '3', '--out', out], mount.dir)).code).toBe(0);
    const before = await readTree(mount.dir);
    // 400 mazes do not fit in 2 MB.
    const result = await runBin(['generate', 'maze', '--count', '400', '--seed', '9', '--force', '--out', out], mount.dir);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cannot write ".*\.png": no space left on device \(ENOSPC\)/);
    expect(result.stderr).toContain(`"${out}" is as it was before the run`);
    expect(await readdir(mount.dir)).toEqual(['data']);
    expect(await readTree(mount.dir)).toEqual(before);
  });

  it('a disk that fills while the manifest is written leaves no samples.jsonl or images', async (context) => {
    // Inodes for the mount's root, the staging folder, images/, 3 PNGs and samples.jsonl: the
    // manifest is the one file that cannot be created.
    const mount = await tmpfs('size=8m,nr_inodes=7');
    if ('skip' in mount) return context.skip(mount.skip);
    const result = await runBin(['generate', 'maze', '--count', '3', '--workers', '1', '--out', join(mount.dir, 'data')], mount.dir);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cannot write ".*manifest\.json": no space left on device \(ENOSPC\)/);
    expect(await readdir(mount.dir)).toEqual([]);
  });
});

describe('an export that cannot finish', () => {
  it('exits 2 for an output under /proc, and 1 on a full disk, leaving nothing behind', async (context) => {
    const cwd = await tempDir();
    expect((await runBin(['generate', 'maze', '--count', '30', '--out', 'data'], cwd)).code).toBe(0);
    const proc = await runBin(['export', '--format', 'hf', '--data', 'data', '--out', '/proc/absynth-test'], cwd);
    expect(proc.code, proc.stderr).toBe(2);
    expect(proc.stderr).toMatch(/output folder "\/proc\/absynth-test" is not writable/);
    const mount = await tmpfs('size=64k');
    if ('skip' in mount) return context.skip(mount.skip);
    // The WebDataset shards copy the images, which do not fit in 64 KB.
    const full = await runBin(['export', '--format', 'webdataset', '--data', 'data', '--out', join(mount.dir, 'wds', 'shards')], cwd);
    expect(full.code, full.stderr).toBe(1);
    expect(full.stderr).toMatch(/cannot write ".*": no space left on device \(ENOSPC\)/);
    expect(await readdir(mount.dir)).toEqual([]);
  });
});

describe('an interrupted run', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes the staged dataset, says so and exits 128 + the signal', async (signal) => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'parent'));
    const child = spawn(process.execPath, [binPath, 'generate', 'maze', '--count', '1000000', '--workers', '1', '--out', 'parent/data'], { cwd });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const guard = setTimeout(() => child.kill('SIGKILL'), hangGuardMs);
    try {
      // Wait until the run has staged some images, then interrupt it.
      for (;;) {
        const staged = (await readdir(join(cwd, 'parent'))).find((name) => name.startsWith('.data.absynth-'));
        const images = staged === undefined ? [] : await readdir(join(cwd, 'parent', staged, 'images')).catch(() => []);
        if (images.length >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill(signal);
      const code = await exited;
      expect(code, stderr).toBe(signal === 'SIGINT' ? 130 : 143);
    } finally {
      clearTimeout(guard);
    }
    expect(stderr).toMatch(/interrupted after \d+ of 1000000 images: removed the unfinished dataset; "parent\/data" is as it was before the run/);
    expect(await readdir(join(cwd, 'parent'))).toEqual([]);
  });
});
