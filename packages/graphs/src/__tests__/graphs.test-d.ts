import type { ParamsOutput, SceneOf } from '@absynth/core';
import { generate } from '@absynth/engine';
import { describe, expectTypeOf, it } from 'vitest';
import type { FlowchartScene, flowcharts, GraphFamily, GraphScene } from '../index.js';
import { graphs } from '../index.js';

describe('graphs types', () => {
  it('infers the scenes and params from the scenarios', () => {
    expectTypeOf(graphs.id).toEqualTypeOf<'graphs'>();
    expectTypeOf<SceneOf<typeof graphs>>().toEqualTypeOf<GraphScene>();
    expectTypeOf<SceneOf<typeof flowcharts>>().toEqualTypeOf<FlowchartScene>();
    expectTypeOf<ParamsOutput<typeof graphs>>().toHaveProperty('family').toEqualTypeOf<'auto' | GraphFamily>();
  });

  it('checks params when a scenario is named by its registered id', () => {
    generate({ scenario: 'flowcharts', count: 1, params: { family: 'workflow', symbols: 8 } });
    // @ts-expect-error symbols is a number
    generate({ scenario: 'flowcharts', count: 1, params: { symbols: 'eight' } });
  });
});
