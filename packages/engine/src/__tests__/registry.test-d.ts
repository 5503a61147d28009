import type { ScenarioId } from '@absynth/core';
import { describe, expectTypeOf, it } from 'vitest';
import { generate } from '../pipeline.js';
import type { bars } from './fixtures.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    'test-bars': typeof bars;
  }
}

describe('typed registry', () => {
  it('lists registered ids', () => {
    expectTypeOf<'test-bars'>().toExtend<ScenarioId>();
  });

  it('checks params of a scenario named by id', () => {
    generate({ scenario: 'test-bars', count: 1, params: { bars: 3 } });
    // @ts-expect-error bars is a number
    generate({ scenario: 'test-bars', count: 1, params: { bars: 'three' } });
    // @ts-expect-error colour is an enum
    generate({ scenario: 'test-bars', count: 1, params: { colour: 'red' } });
  });

  it('types the scene of the samples', async () => {
    for await (const sample of generate({ scenario: 'test-bars', count: 1 })) {
      expectTypeOf(sample.scene.heights).toEqualTypeOf<number[]>();
    }
  });
});
