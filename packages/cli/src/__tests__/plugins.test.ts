import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '@absynth/engine';
import { questionKinds } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { cli, coreUrl, dotsPluginSource, readTree, runBin, tempDir, writeFiles } from './helpers.js';

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** A plugin whose only would-be scenario breaks the contract in several fields. */
const badPluginSource = `import { z } from ${JSON.stringify(coreUrl)};
export const bad = {
  id: 'Bad Dots',
  version: 0,
  title: 'Bad dots',
  summary: 'Breaks the contract.',
  params: z.object({ most: z.number() }),
  levels: { 1: {}, 2: {}, 3: {} },
  sample: () => ({}),
  tasks: [{ id: 'count', kind: 'counting', ask: () => undefined }],
};
export const helper = 42;
`;

describe('--plugin', () => {
  it('generates a scenario from a module file given by a relative path', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'plugins/dots.mjs': dotsPluginSource() });
    const result = await cli(
      ['generate', 'test-dots', '--plugin', './plugins/dots.mjs', '--count', '3', '--size', '64', '--out', 'out'],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const manifest = await manifestOf(join(dir, 'out'));
    expect(manifest.scenario).toEqual({ id: 'test-dots', version: 1 });
    expect(manifest.counts).toMatchObject({ images: 3, questions: 3, byTask: { count: 3 } });
  });

  it('lists and describes plugin scenarios next to the built-in ones', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'dots.mjs': dotsPluginSource() });
    const list = await cli(['list', '--json', '--plugin', './dots.mjs'], dir);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((s: { id: string }) => s.id)).toEqual(['charts', 'dashboards', 'flowcharts', 'graphs', 'maze', 'roadmap', 'tables', 'test-dots']);
    const description = await cli(['describe', 'test-dots', '--plugin', './dots.mjs'], dir);
    expect(description.code, description.stderr).toBe(0);
    expect(description.stdout).toMatch(/\n {2}most +integer +6 +1 to 12 +Most dots in one image\.\n/);
    expect(description.stdout).toMatch(/\n {2}Q: (How many dots are there\?|Count the dots\.)\n {2}A: \d+\n$/);
  });

  it('finds a package installed in the project, with import-only exports, from the built bin', async () => {
    const project = await tempDir();
    await writeFiles(project, {
      'node_modules/@acme/absynth-dots/package.json': JSON.stringify({
        name: '@acme/absynth-dots',
        type: 'module',
        exports: { '.': { import: './lib/index.js' }, './extra': { import: './lib/extra.js' } },
      }),
      'node_modules/@acme/absynth-dots/lib/index.js': dotsPluginSource('acme-dots'),
      // A default export that is an array of scenarios counts too.
      'node_modules/@acme/absynth-dots/lib/extra.js':
        dotsPluginSource('acme-extra').replace('export const dots =', 'const dots =') + 'export default [dots];\n',
    });
    const first = await runBin(
      ['generate', 'acme-dots', '--plugin', '@acme/absynth-dots', '--count', '2', '--size', '64', '--out', 'a'],
      project,
    );
    expect(first.code, first.stderr).toBe(0);
    expect((await manifestOf(join(project, 'a'))).scenario.id).toBe('acme-dots');
    const list = await runBin(
      ['list', '--plugin', '@acme/absynth-dots', '--plugin', '@acme/absynth-dots/extra'],
      project,
    );
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^acme-dots {2}v1 {2}Test dots/m);
    expect(list.stdout).toMatch(/^acme-extra {2}v1 {2}Test dots/m);
  });

  it('loads a package folder given by path through its package.json exports', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'my-plugin/package.json': JSON.stringify({
        name: 'my-plugin',
        type: 'module',
        exports: { '.': { default: './src/main.js' } },
      }),
      'my-plugin/src/main.js': dotsPluginSource('folder-dots'),
    });
    const byPath = await cli(['list', '--plugin', './my-plugin'], dir);
    expect(byPath.code, byPath.stderr).toBe(0);
    expect(byPath.stdout).toMatch(/^folder-dots {2}v1/m);
    // A bare name that no installed package has, but a folder here has, is taken as that folder.
    const byName = await cli(['list', '--plugin', 'my-plugin'], dir);
    expect(byName.code, byName.stderr).toBe(0);
    expect(byName.stdout).toMatch(/^folder-dots {2}v1/m);
  });

  it('rejects a plugin with no valid scenario, naming it and each problem', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'bad.mjs': badPluginSource });
    const before = await readTree(dir);
    const result = await cli(['generate', 'bad-dots', '--plugin', './bad.mjs', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'absynth: plugin "./bad.mjs" exports no valid scenario:',
        '  export "bad":',
        '    - id: must be a string of lowercase letters, digits and dashes, starting with a letter',
        '    - version: must be a positive integer',
        '    - params: every field needs a default, so that {} is valid',
        '    - levels.4: missing',
        '    - levels.5: missing',
        '    - draw: must be a function',
        `    - tasks[0].kind: must be one of ${questionKinds.join(', ')}`,
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(await readTree(dir)).toEqual(before);
  });

  it('rejects a module that exports nothing like a scenario', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'empty.mjs': 'export const helper = 1;\nexport default function build() {}\n' });
    const result = await cli(['list', '--plugin', './empty.mjs'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'absynth: plugin "./empty.mjs" exports no scenario; export one made by defineScenario from @absynth/core ' +
        '(its exports: default, helper)\n',
    );
  });

  it('warns about a broken export next to a valid one and still runs', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'mixed.mjs': `${dotsPluginSource()}\nexport const draft = { id: 'draft', tasks: [] };\n` });
    const result = await cli(['list', '--plugin', './mixed.mjs'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^absynth: warning: plugin "\.\/mixed\.mjs": export "draft" is not a valid scenario and was skipped: version: /,
    );
    expect(result.stdout).toMatch(/^test-dots /m);
  });

  it.each<{ name: string; files: Record<string, string>; spec: string; message: string | RegExp }>([
    {
      name: 'a module that throws on import',
      files: { 'throws.mjs': "throw new Error('boom');\n" },
      spec: './throws.mjs',
      message: 'absynth: cannot load plugin "./throws.mjs": boom\n',
    },
    {
      name: 'a missing file',
      files: {},
      spec: './missing.mjs',
      message: /^absynth: cannot find plugin "\.\/missing\.mjs": .*missing\.mjs does not exist\n$/,
    },
    {
      name: 'a package that is not installed',
      files: {},
      spec: 'absynth-plugin-nope',
      message: /^absynth: cannot find plugin "absynth-plugin-nope": no such package in the node_modules folders above /,
    },
    {
      name: 'an installed package that does not export the subpath asked for',
      files: {
        'node_modules/absynth-plugin-half/package.json': JSON.stringify({
          name: 'absynth-plugin-half',
          type: 'module',
          exports: { '.': './index.js' },
        }),
        'node_modules/absynth-plugin-half/index.js': 'export const x = 1;\n',
      },
      spec: 'absynth-plugin-half/dots',
      message: /^absynth: cannot find plugin "absynth-plugin-half\/dots": .*'\.\/dots' is not defined by "exports"/,
    },
    {
      name: 'a package folder that was not built (its exports name a missing file)',
      files: {
        'dots/package.json': JSON.stringify({
          name: 'absynth-dots',
          type: 'module',
          main: './dist/index.js',
          exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
          scripts: { build: 'tsc' },
        }),
        'dots/src/index.ts': 'export {};\n',
      },
      spec: './dots',
      message: 'absynth: plugin "./dots": its entry ./dist/index.js does not exist; build the package first (npm run build)\n',
    },
    {
      name: 'a package folder whose main names a missing file',
      files: { 'dots/package.json': JSON.stringify({ name: 'absynth-dots', type: 'module', main: 'lib/main.js' }) },
      spec: './dots',
      message: 'absynth: plugin "./dots": its entry lib/main.js does not exist; build the package first\n',
    },
    {
      name: 'an installed package that was not built',
      files: {
        'node_modules/@acme/absynth-dots/package.json': JSON.stringify({
          name: '@acme/absynth-dots',
          type: 'module',
          exports: { '.': { import: './dist/index.js' } },
          scripts: { build: 'tsc' },
        }),
      },
      spec: '@acme/absynth-dots',
      message: 'absynth: plugin "@acme/absynth-dots": its entry ./dist/index.js does not exist; build the package first (npm run build)\n',
    },
    {
      name: 'a folder with no entry point at all',
      files: { 'empty/package.json': JSON.stringify({ name: 'empty', type: 'module' }) },
      spec: './empty',
      message: /^absynth: cannot load plugin "\.\/empty": the folder .*empty has no package.json entry point \(exports or main\) for import\n$/,
    },
    {
      name: 'a scenario id that is taken',
      files: { 'clash.mjs': dotsPluginSource('maze') },
      spec: './clash.mjs',
      message: 'absynth: plugin "./clash.mjs": a different scenario with id "maze" is already registered\n',
    },
  ])('exits 2 for $name', async ({ files, spec, message }) => {
    const dir = await tempDir();
    await writeFiles(dir, files);
    const result = await cli(['generate', 'maze', '--plugin', spec, '--out', 'out'], dir);
    expect(result.code).toBe(2);
    if (typeof message === 'string') expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
