import type { ParamsOutput, SceneOf } from '@absynth/core';
import { generate } from '@absynth/engine';
import { describe, expectTypeOf, it } from 'vitest';
import type { TableScene } from '../../index.js';
import { tables } from '../../index.js';

describe('tables types', () => {
  it('infers the scene and params from the scenario', () => {
    expectTypeOf(tables.id).toEqualTypeOf<'tables'>();
    expectTypeOf<SceneOf<typeof tables>>().toEqualTypeOf<TableScene>();
    expectTypeOf<ParamsOutput<typeof tables>>().toHaveProperty('tables').toEqualTypeOf<number>();
  });

  it('checks params when the scenario is named by its registered id', () => {
    generate({ scenario: 'tables', count: 1, params: { tables: 2 } });
    // @ts-expect-error tables is a number
    generate({ scenario: 'tables', count: 1, params: { tables: 'two' } });
  });
});
