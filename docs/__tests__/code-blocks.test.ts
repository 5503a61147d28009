import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedPackages, checkMarkdown, extractBlocks, type MarkdownFile } from './code-blocks.js';

const root = resolve(import.meta.dirname, '../..');
const context = { root, packages: allowedPackages(root) };

/** The markdown files whose code blocks a reader may copy: the READMEs and the guides. */
function documentation(): string[] {
  const inFolders = (parent: string) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'README.md')))
      .map((entry) => `${parent}/${entry.name}/README.md`);
  const guides = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', 'CONTRIBUTING.md', ...guides, ...inFolders('packages'), ...inFolders('examples')].sort();
}

const read = (file: string): MarkdownFile => ({ file, text: readFileSync(join(root, file), 'utf8') });

describe('every ts code block of the READMEs and docs compiles under strict TypeScript', () => {
  const files = documentation();

  it('finds the blocks (the guide to writing a scenario has several)', () => {
    expect(files).toContain('docs/writing-a-scenario.md');
    expect(extractBlocks(read('docs/writing-a-scenario.md')).length).toBeGreaterThan(2);
  });

  it.each(files)('%s', (file) => {
    expect(checkMarkdown([read(file)], context).join('\n')).toBe('');
  });
});

describe('the code block checker', () => {
  const planted = (text: string) => checkMarkdown([{ file: 'docs/planted.md', text }], context);

  it('fails a block that does not compile, naming the file and the markdown line', () => {
    const text = [
      '# Planted',
      '',
      '```ts',
      "import { rngFromKey } from '@absynth/core';",
      "const rng = rngFromKey('planted');",
      'const n: string = rng.int(1, 6);',
      '```',
      '',
    ].join('\n');
    expect(planted(text)).toEqual([
      "docs/planted.md:6:7 error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it('checks under strict settings with noUncheckedIndexedAccess, in a list item too', () => {
    const text = ['- a step:', '  ```ts', '  const first: number = [1, 2][0];', '  ```', ''].join('\n');
    expect(planted(text)).toEqual([
      "docs/planted.md:3:9 error TS2322: Type 'number | undefined' is not assignable to type 'number'.\n  Type 'undefined' is not assignable to type 'number'.",
    ]);
  });

  it("lets a block use an earlier block's exports, and nothing else of it", () => {
    const first = ['```ts', 'export const sides = 6;', 'export interface Die { sides: number }', 'const hidden = 1;', '```'];
    expect(planted([...first, '```ts', 'const die: Die = { sides };', '```', ''].join('\n'))).toEqual([]);
    expect(planted([...first, '', '```ts', 'console.log(hidden);', '```', ''].join('\n'))).toEqual([
      "docs/planted.md:8:13 error TS2304: Cannot find name 'hidden'.",
    ]);
  });

  it('keeps blocks that import the same names apart', () => {
    const block = ['```ts', "import { rngFromKey } from '@absynth/core';", "console.log(rngFromKey('a').int(1, 2));", '```'];
    expect(planted([...block, '', ...block, ''].join('\n'))).toEqual([]);
  });

  it('fails an import of a package the docs workspace does not depend on', () => {
    const text = ['```ts', "import { z } from 'zod';", 'console.log(z);', '```', ''].join('\n');
    expect(planted(text)).toEqual([
      'docs/planted.md:2:1 error: imports "zod", but "zod" is not a devDependency of docs/package.json (add it, so that turbo builds it before this test)',
    ]);
  });

  it('skips blocks of other languages', () => {
    expect(planted(['```sh', 'const n: string = 1', '```', '```js', 'const n = ;', '```', ''].join('\n'))).toEqual([]);
  });
});
