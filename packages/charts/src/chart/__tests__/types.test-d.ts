import type { ParamsOutput, SceneOf } from '@absynth/core';
import { generate } from '@absynth/engine';
import { describe, expectTypeOf, it } from 'vitest';
import type { ChartKind, ChartScene } from '../../index.js';
import { charts } from '../../index.js';

describe('charts types', () => {
  it('infers the scene and params from the scenario', () => {
    expectTypeOf(charts.id).toEqualTypeOf<'charts'>();
    expectTypeOf<SceneOf<typeof charts>>().toEqualTypeOf<ChartScene>();
    expectTypeOf<ParamsOutput<typeof charts>>().toHaveProperty('type').toEqualTypeOf<'auto' | ChartKind>();
  });

  it('checks params when the scenario is named by its registered id', () => {
    generate({ scenario: 'charts', count: 1, params: { type: 'pie', charts: 2 } });
    // @ts-expect-error there is no 'radar' chart type
    generate({ scenario: 'charts', count: 1, params: { type: 'radar' } });
  });
});
