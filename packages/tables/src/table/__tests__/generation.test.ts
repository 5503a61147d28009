import type { Level } from '@absynth/core';
import { resolveParams, rngFromKey } from '@absynth/core';
import { generate } from '@absynth/engine';
import { categorySets, embeddedLibrary } from '@absynth/topics';
import { describe, expect, it } from 'vitest';
import type { TableParams } from '../params.js';
import { sampleTables } from '../sample.js';
import { tables } from '../scenario.js';
import { describeTables } from '../tasks.js';

/** Wording slips, each a pattern that must match no question and no rationale step of ours. */
const slips: [string, RegExp][] = [
  ['a unit repeated in brackets ("Wins (wins)", "Frost days (days)")', /(?<![\p{L}\p{N}])([\p{L}\p{N} ,]+) \(\1\)/iu],
  ['a unit said after a measure that says it ("wins in wins")', /\blists ([^,.]*?\b(\p{L}+)) in \2 for \d/iu],
  ['"in count" or "(count)"', /\bin count\b|\(count\)/],
  ['"in per …"', /\bin per\b/],
  ['a bare scale as a unit ("in k", "in thousand")', / in (?:k|thousand|million)(?: people)?(?=[?,.]| for )/],
  ['a doubled period', /\.\.$/],
];

describe.each([1, 2, 3, 4, 5] as const)('level %i questions and rationales', (level: Level) => {
  it('state values and units rightly', async () => {
    const seen: string[] = [];
    for await (const sample of generate({ scenario: tables, level, seed: 11, count: 80, modality: 'text' })) {
      for (const qa of sample.qa) {
        // The closing "So the answer is …" line is the writer's, not the task's.
        const steps = qa.rationale.split('\n').slice(0, -1);
        const where = `${sample.id} ${qa.task}`;
        for (const text of [qa.question, ...steps]) {
          for (const [slip, pattern] of slips) expect(pattern.test(text), `${where}: ${slip}: ${text}`).toBe(false);
          seen.push(text);
        }
        const rowWord = /which (.+?) has the/.exec(qa.question)?.[1];
        if (rowWord !== undefined) {
          expect(sample.scene.tables.map((t) => t.labelHeader.toLowerCase()), `${where}: rows are called what they are`).toContain(rowWord);
        }
        if (qa.task === 'difference' || qa.task === 'column-range') {
          expect(qa.answerText.endsWith('%'), `${where}: a difference of percentages is in percentage points: ${qa.answerText}`).toBe(false);
        }
        for (const step of steps) {
          // A quotient rounded to the question's decimals is "≈", and an "=" is exact.
          const quotient = /^([\d,.-]+) ÷ ([\d,.-]+) = ([\d,.-]+)\.$/.exec(step);
          if (quotient !== null) {
            const [a, b, c] = quotient.slice(1).map((x) => Number((x ?? '').replaceAll(',', '')));
            expect(Math.abs((a ?? 0) / (b ?? 1) - (c ?? 0)), `${where}: ${step}`).toBeLessThan(1e-9);
          }
        }
      }
    }
    expect(seen.length).toBeGreaterThan(400);
  });
});

describe('titles and headers of every topic', () => {
  it('never repeat a unit the measure already says, and name rows by their own entity word', () => {
    const params = resolveParams(tables, 3) as TableParams;
    for (const topic of embeddedLibrary.topics) {
      const library = { ...embeddedLibrary, topics: [topic] };
      for (let index = 0; index < 12; index++) {
        const scene = sampleTables(rngFromKey(`tables-titles\u0000${topic.id}\u0000${index}`), { ...params, tables: 1 }, { size: { width: 640, height: 640 }, resources: { topics: library } });
        for (const table of scene.tables) {
          // A team is not a place: rows of teams are called teams.
          if (table.rows.every((row) => (categorySets.teams.members as readonly string[]).includes(row))) expect(table.labelHeader, topic.id).toBe('Team');
          for (const text of [table.title, ...table.columns.map((c) => c.header), table.group ?? '', describeTables(scene)]) {
            for (const [slip, pattern] of slips) expect(pattern.test(text), `${topic.id}: ${slip}: ${text}`).toBe(false);
          }
        }
      }
    }
  });
});
