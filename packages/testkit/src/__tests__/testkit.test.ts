import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The suite is run for real, in a child vitest, over scenarios with known defects: each defect
// must fail exactly the checks that are meant to catch it, and a correct scenario must pass.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

type Status = 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
let results: Map<string, Status>;

beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--root', fixtures, '--config', join(fixtures, 'vitest.config.ts'), '--reporter=json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
    testResults: { assertionResults: { fullName: string; status: Status }[] }[];
  };
  results = new Map(report.testResults.flatMap((file) => file.assertionResults.map((a) => [a.fullName, a.status])));
});

const failed = (scenario: string) =>
  [...results]
    .filter(([name, status]) => name.startsWith(`scenario "${scenario}" conformance`) && status === 'failed')
    .map(([name]) => name.replace(`scenario "${scenario}" conformance `, ''))
    .sort();

describe('testScenario', () => {
  it('passes a correct scenario, every check', () => {
    const names = [...results.keys()].filter((n) => n.startsWith('scenario "good"'));
    expect(names.length).toBe(14);
    expect(failed('good')).toEqual([]);
  });

  it('catches a scenario that is not deterministic', () => {
    expect(failed('impure')).toEqual(['gives the same scene, questions and PNG bytes for the same seed and index']);
  });

  it('catches a scorer that accepts a corrupted answer', () => {
    expect(failed('lenient')).toEqual(['scores every answer 1 with its own scorer and a corrupted answer below 1']);
  });

  it('catches a param the schema does not check', () => {
    expect(failed('unchecked')).toEqual(['rejects bad params with a message naming the field']);
  });

  it('catches a scene that JSON does not preserve', () => {
    expect(failed('not-json')).toEqual(['keeps scenes and questions equal through a JSON round-trip']);
  });

  it('catches repeated scenes and scenes shared between seeds or levels', () => {
    expect(failed('repetitive')).toEqual(['gives different items at different levels of one seed', 'repeats no scene in a run of 200', 'shares no scene between seeds 1 and 2']);
  });

  it('catches a text rendering that is not a function of the scene', () => {
    expect(failed('unstable-text')).toEqual([
      'renders the scene as text, the same for the same scene and after a JSON round-trip',
    ]);
  });
});

const outcomes = (prefix: string) =>
  [...results]
    .filter(([name]) => name.startsWith(`${prefix} `))
    .map(([name, status]) => `${name.slice(prefix.length + 1)}: ${status}`)
    .sort();

describe('testReadme', () => {
  it('passes a README whose tables are current and that names every task', () => {
    expect(outcomes('fresh')).toEqual([
      'the README has the levels table of each scenario’s presets: passed',
      'the README has the params table of each scenario: passed',
      'the README lists every task: passed',
    ]);
  });

  it('fails a README with a stale table or a task it does not name', () => {
    expect(outcomes('stale')).toEqual([
      'the README has the levels table of each scenario’s presets: failed',
      'the README has the params table of each scenario: failed',
      'the README lists every task: failed',
    ]);
  });
});

describe('testRecompute', () => {
  it('passes a scenario whose verifier recomputes every answer', () => {
    const all = outcomes('verified');
    expect(all).toHaveLength(7);
    expect(all.filter((line) => !line.endsWith(': passed'))).toEqual([]);
  });

  it('fails a verifier that checks no task and accepts a changed answer', () => {
    expect(outcomes('unverified').filter((line) => line.endsWith(': failed'))).toEqual([
      'every "described" answer recomputed from the text rendering checked every task at least once: failed',
      'every "described" answer recomputed from the text rendering rejects a changed answer or a changed region of every question: failed',
    ]);
  });
});

describe('testAnswerable', () => {
  const levelsOf = (scenario: string) => outcomes(`scenario "${scenario}" answerable from the drawing`);
  it('passes a scenario whose questions are answerable from its drawing', () => {
    expect(levelsOf('gate-bars')).toEqual(['level 1: passed', 'level 3: passed']);
  });

  it('fails each planted defect: a count of segments as bars, an unprinted exact value, a colour the pixels contradict', () => {
    for (const scenario of ['gate-count-segments', 'gate-unprinted-value', 'gate-wrong-colour']) {
      expect(levelsOf(scenario), scenario).toEqual(['level 1: failed', 'level 3: failed']);
    }
  });
});
