import { ParamsError, resolveParams, rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import type { FlowchartParams } from '../params.js';
import { largestWorkflow, smallestWorkflow } from '../params.js';
import { flowcharts } from '../scenario.js';

/** The message of the ParamsError that `params` raise at level 3, or undefined when they are accepted. */
function refusal(params: Record<string, unknown>): string | undefined {
  try {
    resolveParams(flowcharts, 3, params);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    return (error as Error).message;
  }
}

/** The symbol counts of `n` flowcharts drawn with `params` over level 3. */
function symbolCounts(params: Partial<FlowchartParams>, n: number): number[] {
  const resolved = resolveParams(flowcharts, 3, params) as FlowchartParams;
  const key = JSON.stringify(params);
  return Array.from({ length: n }, (_, i) => flowcharts.sample(rngFromKey(`flowchart-params\u0000${key}\u0000${i}`), resolved, { size: flowcharts.size?.(resolved) ?? { width: 512, height: 512 }, resources: {} }).nodes.length);
}

describe('flowchart params a family cannot honour are refused, never silently changed', () => {
  it('refuses fewer symbols than the smallest workflow for workflows, naming the field and the family (it used to draw 7 to 11)', () => {
    expect(refusal({ family: 'workflow', symbols: 6 })).toMatch(/- symbols: must be at least 7 with family workflow: the smallest workflow chart has 7 symbols.* \(got 6\)/);
    expect(refusal({ family: 'auto', symbols: 6 })).toMatch(/- symbols: must be at least 7 with family auto, which mixes in workflows/);
    expect(refusal({ family: 'algorithm', symbols: 6 })).toBeUndefined();
    expect(refusal({ family: 'workflow', symbols: smallestWorkflow })).toBeUndefined();
  });

  it('reports a field out of its own range alone', () => {
    const message = refusal({ family: 'workflow', symbols: 3 }) ?? '';
    expect(message.match(/^ {2}- /gm)).toHaveLength(1);
  });

  it('never draws more symbols than asked, and within symbols − 4 unless the family has no chart that large', () => {
    const seen = new Set<number>();
    for (const family of ['workflow', 'algorithm'] as const) {
      for (let symbols = family === 'workflow' ? smallestWorkflow : 6; symbols <= 16; symbols++) {
        for (const count of symbolCounts({ family, symbols }, 12)) {
          const where = `${family}, symbols ${symbols}: ${count}`;
          expect(count, where).toBeLessThanOrEqual(symbols);
          if (family === 'workflow') {
            seen.add(count);
            if (symbols - 4 <= largestWorkflow) expect(count, where).toBeGreaterThanOrEqual(symbols - 4);
          } else {
            expect(count, where).toBeGreaterThanOrEqual(symbols - 4);
          }
        }
      }
    }
    // The documented range of workflows is the real one.
    expect(Math.min(...seen)).toBe(smallestWorkflow);
    expect(Math.max(...seen)).toBe(largestWorkflow);
  });
});
