import type { SceneOf } from '@absynth/core';
import { generate } from '@absynth/engine';
import { describe, expectTypeOf, it } from 'vitest';
import type { FlowchartScene, flowcharts } from '../../index.js';

describe('flowcharts types', () => {
  it('infers the scene from the scenario', () => {
    expectTypeOf<SceneOf<typeof flowcharts>>().toEqualTypeOf<FlowchartScene>();
  });

  it('checks params when a scenario is named by its registered id', () => {
    generate({ scenario: 'flowcharts', count: 1, params: { family: 'workflow', symbols: 8 } });
    // @ts-expect-error symbols is a number
    generate({ scenario: 'flowcharts', count: 1, params: { symbols: 'eight' } });
  });
});
