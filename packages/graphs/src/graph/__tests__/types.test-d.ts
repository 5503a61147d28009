import type { ParamsOutput, SceneOf } from '@absynth/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { GraphFamily, GraphScene } from '../../index.js';
import { graphs } from '../../index.js';

describe('graphs types', () => {
  it('infers the scene and params from the scenario', () => {
    expectTypeOf(graphs.id).toEqualTypeOf<'graphs'>();
    expectTypeOf<SceneOf<typeof graphs>>().toEqualTypeOf<GraphScene>();
    expectTypeOf<ParamsOutput<typeof graphs>>().toHaveProperty('family').toEqualTypeOf<'auto' | GraphFamily>();
  });
});
