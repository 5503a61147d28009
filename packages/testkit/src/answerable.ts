// testAnswerable: the drawing-first gate of `gate.ts` registered as vitest tests.
import type { AnyScenario, Level } from '@absynth/core';
import { themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { type GateRules, itemAnswerability } from './gate.js';

/** Options of {@link testAnswerable}. */
export interface TestAnswerableOptions {
  /** Items per level; default 40. */
  count?: number;
  /** The levels run; default all five. */
  levels?: readonly Level[];
  /** The seed; default 1. */
  seed?: number;
  /** Themes, one per item in turn; default every theme. */
  themes?: readonly string[];
  /** Params over each level's preset, such as one drawing style of the scenario's own; default none. */
  params?: Record<string, unknown>;
  /** Task ids whose every question must say what a reader needs; default none (questions without `needs` pass unchecked). */
  required?: readonly string[];
  /** Thresholds; default {@link defaultGateRules}. */
  rules?: Partial<GateRules>;
  /** Per-test timeout in ms, a guard against hangs; default ten minutes. */
  timeout?: number;
}

/**
 * Registers the drawing-first gate for a scenario: at every level, `count` items drawn in turn
 * in every theme and style the scenario draws, each question's `needs` checked against the
 * display list and the PNG pixels by {@link answerabilityProblems}. Every problem is listed.
 */
export function testAnswerable(scenario: AnyScenario, options: TestAnswerableOptions = {}): void {
  const { count = 40, levels = [1, 2, 3, 4, 5], seed = 1, themes = themeNames, params, required = [], rules = {}, timeout = 600_000 } = options;
  const styles = scenario.styles ?? ['crisp', 'sketch'];
  const given = params === undefined ? '' : ` with ${JSON.stringify(params)}`;
  describe(`scenario "${scenario.id}"${given} answerable from the drawing`, () => {
    it.each(levels)('level %i', { timeout }, async (level) => {
      const problems: string[] = [];
      let checked = 0;
      for (let index = 0; index < count; index++) {
        const theme = themes[index % themes.length] as string;
        const style = styles[Math.floor(index / themes.length) % styles.length] ?? 'crisp';
        const item = await itemAnswerability(scenario, { level, seed, index, theme, style, required, rules, ...(params === undefined ? {} : { params }) });
        problems.push(...item.problems);
        checked += item.checked;
      }
      expect(problems).toEqual([]);
      if (required.length > 0) expect(checked).toBeGreaterThan(0);
    });
  });
}
