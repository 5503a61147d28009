import type { AnyScenario } from '@absynth/core';
import type { GeneratedSample } from '@absynth/engine';
import { describe, expectTypeOf, it } from 'vitest';
import { testScenario } from '../test-scenario.js';
import { good } from './fixtures/scenarios.js';

// Type tests only: the calls sit in functions that never run, so no suite is registered.
describe('testScenario types verify with the scenario', () => {
  it("gives verify the scenario's scene type, so a plugin's tests need no cast", () => {
    const register = () =>
      testScenario(good, {
        verify(sample) {
          expectTypeOf(sample.scene).toEqualTypeOf<{ xs: number[] }>();
          expectTypeOf(sample.scene.xs[0]).toEqualTypeOf<number | undefined>();
          expectTypeOf(sample.png).toEqualTypeOf<Buffer>();
          expectTypeOf(sample).toExtend<GeneratedSample<{ xs: number[] }>>();
        },
      });
    expectTypeOf(register).returns.toBeVoid();
  });

  it('rejects a verifier of another scene type', () => {
    const verifyOther = (sample: GeneratedSample<{ heights: number[] }>) => sample.scene.heights.length;
    // @ts-expect-error the scene of `good` has no heights
    const register = () => testScenario(good, { verify: verifyOther });
    expectTypeOf(register).toBeFunction();
  });

  it('still takes any scenario, whose verify gets an untyped scene', () => {
    const register = (scenario: AnyScenario) =>
      testScenario(scenario, {
        verify(sample) {
          expectTypeOf(sample.scene).toBeAny();
        },
      });
    expectTypeOf(register).toBeFunction();
  });
});
