import { createHash } from 'node:crypto';
import type { AnyScenario, Level } from '@absynth/core';
import type { DrawingStyle } from '@absynth/render';
import { generate } from '@absynth/engine';
import { describe, expect, it } from 'vitest';

/** One golden item: which item of which run, drawn how. */
export interface GoldenItem {
  level: Level;
  seed: number;
  index: number;
  theme: string;
  style: DrawingStyle;
  params?: Record<string, unknown>;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Registers a snapshot test per golden item: the PNG's hash, every answer's canonical text and,
 * when the scenario renders text, its hash. A changed snapshot means the output for a seed
 * changed: look at the new images, bump the scenario's version and update the snapshots.
 */
export function testGoldenSamples(scenario: AnyScenario, goldens: readonly GoldenItem[]): void {
  describe(`scenario "${scenario.id}" golden samples`, () => {
    it.each(goldens)('level $level, seed $seed, index $index, $theme, $style', async (golden) => {
      const { level, seed, index, theme, style, params } = golden;
      for await (const sample of generate({ scenario, level, seed, start: index, count: 1, theme, style, params })) {
        const answers = Object.fromEntries(sample.qa.map((q) => [q.task, q.answerText]));
        const text = scenario.text?.(sample.scene);
        expect({ png: sha256(sample.png), answers, ...(text === undefined ? {} : { text: sha256(text) }) }).toMatchSnapshot();
      }
    });
  });
}
