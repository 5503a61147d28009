import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { runCli } from '../index.js';

/** What one run of the CLI printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built executable; `npm run build` (turbo runs it before `test`) must have made it. */
export const binPath = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** `@absynth/core`'s built entry as a file URL, so plugins written to temp folders can import it. */
export const coreUrl = pathToFileURL(createRequire(import.meta.url).resolve('@absynth/core')).href;

/** Runs the CLI in this process with captured output. */
export async function cli(args: readonly string[], cwd: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { code, stdout, stderr };
}

/** How long a child run of the CLI may take before it counts as hung and is killed: a guard, not a speed check. */
export const hangGuardMs = 5 * 60_000;

/**
 * Runs the built `dist/bin.js` in a child process, as a user would (as another user, given
 * `uid`). A run that does not end within {@link hangGuardMs} is killed and reported with code -1.
 */
export function runBin(args: readonly string[], cwd: string, user?: { uid: number; gid: number }): Promise<CliResult> {
  if (!existsSync(binPath)) throw new Error(`${binPath} is missing: run \`npm run build\` before the tests`);
  return new Promise((resolve) => {
    execFile(process.execPath, [binPath, ...args], { cwd, ...user, timeout: hangGuardMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error?.killed) {
        resolve({ code: -1, stdout, stderr: `${stderr}\n[killed: no exit within ${hangGuardMs} ms, a hang]` });
        return;
      }
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test file. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'absynth-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** Every file under `dir`, by relative path, with its bytes. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}

/** Writes `files` (relative path to text) under `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const defaultSampleBody =
  'const place = () => ({ x: rng.int(8, 56), y: rng.int(8, 56) });\n' +
  '    return { dots: Array.from({ length: rng.int(1, params.most) }, place) };';

/**
 * The source of a tiny third-party scenario, `id`, that draws dots and asks how many there
 * are; `sampleBody` replaces its sampling, to make broken variants.
 */
export function dotsPluginSource(id = 'test-dots', sampleBody?: string): string {
  return `import { defineScenario, defineTask, z } from ${JSON.stringify(coreUrl)};

export const dots = defineScenario({
  id: ${JSON.stringify(id)},
  version: 1,
  title: 'Test dots',
  summary: 'Coloured dots to count.',
  params: z.object({
    most: z.number().int().min(1).max(12).default(6).describe('Most dots in one image.'),
  }),
  levels: { 1: { most: 2 }, 2: { most: 4 }, 3: {}, 4: { most: 9 }, 5: { most: 12 } },
  sample(rng, params) {
    ${sampleBody ?? defaultSampleBody}
  },
  draw(scene, pen) {
    scene.dots.forEach((dot, i) => pen.circle(dot.x, dot.y, 4, { fill: pen.theme.accent }, { id: 'dot-' + i }));
  },
  tasks: [
    defineTask({
      id: 'count',
      kind: 'perception',
      summary: 'How many dots the image shows.',
      ask: (scene) => ({
        question: ['How many dots are there?', 'Count the dots.'],
        answer: { type: 'integer', value: scene.dots.length },
        rationale: ['Count the dots one by one: ' + scene.dots.length + '.'],
      }),
    }),
  ],
});

export const notAScenario = { helper: true };
`;
}

/**
 * The source of a tiny third-party scenario, `id`, with a text rendering and route answers: a
 * corridor from S to E with zero to two markers on the way, for the modality and export tests.
 */
export function corridorPluginSource(id = 'test-corridor'): string {
  return `import { defineScenario, defineTask, z } from ${JSON.stringify(coreUrl)};

const labels = ['a1', 'b2'];

export const corridor = defineScenario({
  id: ${JSON.stringify(id)},
  version: 1,
  title: 'Test corridor',
  summary: 'A corridor of cells from S to E, some with markers.',
  params: z.object({ length: z.number().int().min(4).max(12).default(6).describe('Cells in the corridor.') }),
  levels: { 1: { length: 4 }, 2: { length: 5 }, 3: {}, 4: { length: 9 }, 5: { length: 12 } },
  size: () => ({ width: 192, height: 64 }),
  sample(rng, params) {
    const inner = Array.from({ length: params.length - 2 }, (_, i) => i + 1);
    const at = rng.sample(inner, rng.int(0, 2)).sort((a, b) => a - b);
    return { length: params.length, markers: at.map((col, i) => ({ label: labels[i], col })) };
  },
  draw(scene, pen) {
    const w = pen.width / scene.length;
    for (let col = 0; col < scene.length; col++) pen.rect(col * w + 1, 16, w - 2, 32, { fill: pen.theme.accent }, { id: 'cell-' + col });
  },
  text(scene) {
    const row = Array.from({ length: scene.length }, (_, col) =>
      col === 0 ? 'S' : col === scene.length - 1 ? 'E' : scene.markers.some((m) => m.col === col) ? '*' : '.');
    return [row.join(''), ...scene.markers.map((m) => m.label + ' at column ' + (m.col + 1))].join('\\n');
  },
  tasks: [
    defineTask({
      id: 'route',
      kind: 'route-planning',
      summary: 'The route from S to E.',
      ask: (scene) => ({
        question: 'How do you walk from S to E?',
        answer: {
          type: 'route',
          steps: [{ direction: 'right', count: scene.length - 1 }],
          ...(scene.markers.length > 0 ? { markers: scene.markers.map((m) => m.label) } : {}),
        },
        rationale: ['E is ' + (scene.length - 1) + ' cells to the right of S.'],
      }),
    }),
    defineTask({
      id: 'count',
      kind: 'math-reasoning',
      summary: 'How many cells lie between S and E.',
      ask: (scene) => ({
        question: 'How many cells lie between S and E?',
        answer: { type: 'integer', value: scene.length - 2 },
        rationale: ['The corridor has ' + scene.length + ' cells, two of them S and E.'],
      }),
    }),
  ],
});
`;
}
