import { describe, expectTypeOf, it } from 'vitest';
import type { SceneOf, ParamsOutput, Scenario } from '../scenario.js';
import { bars } from './fixtures.js';

describe('defineScenario inference', () => {
  it('keeps the literal id', () => {
    expectTypeOf(bars.id).toEqualTypeOf<'test-bars'>();
  });

  it('infers the scene from sample', () => {
    expectTypeOf<SceneOf<typeof bars>>().toEqualTypeOf<{ heights: number[]; colour: 'accent' | 'palette' }>();
  });

  it('infers params from the schema', () => {
    expectTypeOf<ParamsOutput<typeof bars>>().toEqualTypeOf<{ bars: number; colour: 'accent' | 'palette' }>();
    expectTypeOf(bars.levels[1]).toExtend<{ bars?: number; colour?: 'accent' | 'palette' }>();
  });

  it('types draw and tasks with the scene', () => {
    expectTypeOf(bars.draw).parameter(0).toEqualTypeOf<{ heights: number[]; colour: 'accent' | 'palette' }>();
    expectTypeOf(bars).toExtend<Scenario<'test-bars'>>();
  });
});
