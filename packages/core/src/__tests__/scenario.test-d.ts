import { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { Rng } from '../rng.js';
import type { SampleContext, SampleResources, SceneOf, ParamsOutput, Scenario, Size } from '../scenario.js';
import { defineScenario } from '../scenario.js';
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

  it('gives sample the image size and the resources in one context', () => {
    expectTypeOf(bars.sample).parameters.toEqualTypeOf<[Rng, ParamsOutput<typeof bars>, SampleContext]>();
    expectTypeOf<SampleContext>().toEqualTypeOf<{ readonly size: Size; readonly resources: SampleResources }>();
    const sized = defineScenario({
      id: 'sized',
      version: 1,
      title: 'Sized',
      summary: 'A square as large as the image.',
      params: z.object({}),
      levels: { 1: {}, 2: {}, 3: {}, 4: {}, 5: {} },
      sample: (_rng, _params, { size, resources }) => ({ side: Math.min(size.width, size.height), named: Object.keys(resources) }),
      draw: () => {},
      tasks: [],
    });
    expectTypeOf<SceneOf<typeof sized>>().toEqualTypeOf<{ side: number; named: string[] }>();
    // @ts-expect-error the pipeline always passes the context, and so must any other caller
    bars.sample({} as Rng, { bars: 2, colour: 'accent' });
  });
});
