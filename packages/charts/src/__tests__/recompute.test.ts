import type { Answer, Level } from '@absynth/core';
import { generate } from '@absynth/engine';
import { describe, expect, it } from 'vitest';
import { charts } from '../chart/scenario.js';
import { verifiedTasks, verifyCharts } from './verify.js';

const perLevel = 150;

describe('every answer recomputed from the text rendering', () => {
  it.each([1, 2, 3, 4, 5] as const)('level %i', async (level: Level) => {
    let n = 0;
    for await (const sample of generate({ scenario: charts, level, seed: 7, count: perLevel, modality: 'text' })) {
      verifyCharts(sample);
      n++;
    }
    expect(n).toBe(perLevel);
  });

  it('checked every task at least once', () => {
    for (const task of charts.tasks) expect(verifiedTasks.get(task.id) ?? 0, task.id).toBeGreaterThan(0);
  });
  it('rejects a changed answer or a changed region of every question', async () => {
    let rejected = 0;
    for (const level of [2, 5] as const) {
      for await (const original of generate({ scenario: charts, level, seed: 11, count: 25, modality: 'text' })) {
        original.qa.forEach((qa, q) => {
          if (qa.answer.type === 'caption') return;
          const answer = structuredClone(qa.answer) as Answer;
          if (answer.type === 'number') answer.value += 10 ** -(answer.precision ?? 0);
          else if (answer.type === 'integer') answer.value += 1;
          else if (answer.type === 'text') answer.value = `${answer.value}x`;
          else if (answer.type === 'boolean') answer.value = !answer.value;
          const changed = { ...original, qa: original.qa.map((other, j) => (j === q ? { ...other, answer } : other)) };
          expect(() => verifyCharts(changed), `${original.id} ${qa.task}`).toThrow();
          const regions = qa.regions.map((r) => ({ ...r, id: r.id.replace(/-(\d+)$/, (_, n) => `-${Number(n) + 1}`) }));
          if (regions.some((r, j) => r.id !== qa.regions[j]?.id)) {
            const moved = { ...original, qa: original.qa.map((other, j) => (j === q ? { ...other, regions } : other)) };
            expect(() => verifyCharts(moved), `${original.id} ${qa.task} regions`).toThrow();
          }
          rejected++;
        });
      }
    }
    expect(rejected).toBeGreaterThan(100);
  });

});
