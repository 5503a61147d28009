import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readTree, runBin, tempDir, writeFiles } from './helpers.js';

/** Files each bad-input case finds in its folder; none of them may change. */
const fixtures = {
  'bad.json': '{"braid": 0.2,',
  'list.json': '[1, 2]',
  'number.json': '12',
  'full/keep.txt': 'keep me',
  'a-file.txt': 'not a folder',
};

/** `absynth generate maze` into `out`; a later `--out` wins, as for any single-valued flag. */
const generateMaze = (...args: string[]) => ['generate', 'maze', '--out', 'out', ...args];

const cases: { name: string; args: string[]; message: RegExp }[] = [
  {
    name: 'an unknown scenario, listing the known ones',
    args: ['generate', 'nope', '--out', 'out'],
    message: /unknown scenario "nope"; known scenarios: .*maze/,
  },
  { name: 'an unknown option', args: generateMaze('--colour', 'red'), message: /unknown option '--colour'/ },
  {
    name: 'a param out of range, naming the field',
    args: generateMaze('--param', 'rows=61'),
    message: /^absynth: invalid params for scenario "maze":\n {2}- rows: .*60/,
  },
  {
    // The sampler used to draw 5 to 8 turns and say nothing.
    name: 'road-map turns that an 8 × 8 map has no room for, naming the fields',
    args: ['generate', 'roadmap', '--out', 'out', '--param', 'size=8', '--param', 'minTurns=30', '--param', 'maxTurns=30'],
    message: /^absynth: invalid params for scenario "roadmap":\n {2}- minTurns: must be at most 4 on a map of 8 × 8 cells at density 0\.36 .*size.*\(got 30\)\n$/,
  },
  {
    name: 'road-map minTurns above maxTurns, naming both',
    args: ['generate', 'roadmap', '--out', 'out', '--param', 'minTurns=5', '--param', 'maxTurns=4'],
    message: /- minTurns: must be at most maxTurns \(4\)/,
  },
  {
    // Workflows have 7 symbols or more; family auto used to draw them anyway.
    name: 'fewer flowchart symbols than any workflow has, naming the field and the family',
    args: ['generate', 'flowcharts', '--out', 'out', '--param', 'symbols=6'],
    message: /- symbols: must be at least 7 with family auto, which mixes in workflows/,
  },
  {
    name: 'an unknown param, listing the known ones',
    args: generateMaze('--param', 'bogus=1'),
    message: /\n {2}- bogus: unknown param; the params of "maze" are: rows, cols, /,
  },
  {
    name: 'a --param without =',
    args: generateMaze('--param', 'bogus'),
    message: /invalid --param "bogus": use key=value/,
  },
  {
    name: 'a malformed --params file',
    args: generateMaze('--params', 'bad.json'),
    message: /--params file "bad.json" is not valid JSON: /,
  },
  {
    name: 'a --params file holding an array',
    args: generateMaze('--params', 'list.json'),
    message: /--params file "list.json" must hold a JSON object .*it holds an array/,
  },
  {
    name: 'a --params file holding a number',
    args: generateMaze('--params', 'number.json'),
    message: /--params file "number.json" must hold a JSON object .*it holds a number/,
  },
  {
    name: 'a missing --params file',
    args: generateMaze('--params', 'missing.json'),
    message: /cannot read --params file "missing.json": ENOENT/,
  },
  {
    name: 'a negative --count',
    args: generateMaze('--count', '-1'),
    message: /invalid --count "-1": must be a non-negative integer/,
  },
  { name: 'a fractional --count', args: generateMaze('--count', '1.5'), message: /invalid --count "1.5"/ },
  { name: 'a word for --count', args: generateMaze('--count', 'many'), message: /invalid --count "many"/ },
  { name: 'a word for --seed', args: generateMaze('--seed', 'lucky'), message: /invalid --seed "lucky"/ },
  {
    // Indices past 2^53 − 1 collide: this run wrote 2 records under a manifest of 3.
    name: 'a --start and --count whose last index passes 2^53 − 1',
    args: generateMaze('--start', '9007199254740990', '--count', '3'),
    message: /invalid start 9007199254740990 with count 3: the last index, start \+ count − 1, must be at most 9007199254740991/,
  },
  {
    name: 'a malformed --size',
    args: generateMaze('--size', 'big'),
    message: /invalid --size "big": use WIDTHxHEIGHT/,
  },
  {
    name: 'a --size too small',
    args: generateMaze('--size', '10x300'),
    message: /invalid size width 10: must be an integer from 64 to 4096/,
  },
  {
    name: 'a level above 5',
    args: generateMaze('--level', '7'),
    message: /invalid level 7: allowed levels are 1, 2, 3, 4, 5/,
  },
  { name: 'a word for --level', args: generateMaze('--level', 'hard'), message: /invalid level "hard"/ },
  { name: 'an unknown theme', args: generateMaze('--theme', 'neon'), message: /unknown theme "neon"; allowed: auto, / },
  {
    name: 'an unknown style',
    args: generateMaze('--style', 'pastel'),
    message: /invalid style "pastel"; allowed: crisp, sketch/,
  },
  {
    name: 'a style the scenario does not draw (chart.js charts have no hand-drawn form)',
    args: ['generate', 'charts', '--out', 'out', '--style', 'sketch'],
    message: /invalid style "sketch": scenario "charts" draws only crisp/,
  },
  {
    name: 'an unknown modality, naming the flag and the allowed values',
    args: generateMaze('--modality', 'video'),
    message: /invalid --modality "video"; allowed: image, text, both/,
  },
  {
    name: 'an unknown task',
    args: generateMaze('--tasks', 'nope'),
    message: /unknown task "nope" for scenario "maze"; tasks: /,
  },
  {
    name: 'a non-empty output folder without --force',
    args: generateMaze('--out', 'full'),
    message: /output folder ".*full" is not empty; .*--force/,
  },
  {
    name: 'an output path that is a file',
    args: generateMaze('--out', 'a-file.txt'),
    message: /output ".*a-file.txt" exists and is not a folder/,
  },
  {
    name: 'an output folder under a file',
    args: generateMaze('--out', 'a-file.txt/out'),
    message: /cannot create output folder .*is not a folder/,
  },
  { name: 'a missing scenario argument', args: ['generate'], message: /missing required argument 'scenario'/ },
  { name: 'an unknown command', args: ['frobnicate'], message: /unknown command 'frobnicate'/ },
  {
    name: 'describe of an unknown scenario',
    args: ['describe', 'nope'],
    message: /unknown scenario "nope"; known scenarios: .*maze/,
  },
];

describe('bad input exits 2 with a message and writes nothing', () => {
  it.each(cases)('$name', async ({ args, message }) => {
    const dir = await tempDir();
    await writeFiles(dir, fixtures);
    const before = await readTree(dir);
    const result = await cli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^absynth: /);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(await readTree(dir)).toEqual(before);
  });

  it('rejects an unwritable output folder', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    await mkdir(join(dir, 'locked'));
    await chmod(join(dir, 'locked'), 0o555);
    // Root may write anywhere, so as root the check runs as the unprivileged user "nobody".
    const asRoot = process.getuid?.() === 0;
    const args = generateMaze('--out', 'locked/out');
    const result = asRoot ? await runBin(args, dir, { uid: 65534, gid: 65534 }) : await cli(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^absynth: output folder ".*locked\/out" is not writable: permission denied \(EACCES\)\n/);
    expect(existsSync(join(dir, 'locked', 'out'))).toBe(false);
  });

  it('still generates the last safe indices, 2^53 − 2 and 2^53 − 1', async () => {
    const dir = await tempDir();
    const result = await cli(generateMaze('--start', '9007199254740990', '--count', '2'), dir);
    expect(result.code).toBe(0);
    const lines = (await readFile(join(dir, 'out', 'samples.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { index: number }).index)).toEqual([9007199254740990, 9007199254740991]);
  });

  it('exits 2 from the built bin too', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), '{');
    const result = await runBin(generateMaze('--params', 'bad.json'), dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^absynth: --params file "bad.json" is not valid JSON/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('help and version', () => {
  it('prints help on stdout and exits 0', async () => {
    const result = await cli(['--help'], await tempDir());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/generate.*\n.*list.*\n.*describe/s);
  });

  it('prints the flags of generate', async () => {
    const result = await cli(['generate', '--help'], await tempDir());
    expect(result.code).toBe(0);
    for (const flag of [
      '--count',
      '--seed',
      '--level',
      '--out',
      '--param',
      '--params',
      '--size',
      '--theme',
      '--style',
      '--modality',
      '--tasks',
      '--start',
      '--force',
      '--plugin',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('prints the version and exits 0', async () => {
    const result = await cli(['--version'], await tempDir());
    expect(result).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('exits 2 with usage on stderr when no command is given', async () => {
    const result = await cli([], await tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: absynth');
  });
});
