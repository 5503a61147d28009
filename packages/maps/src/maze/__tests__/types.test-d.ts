import type { ParamsInput, ParamsOutput, SceneOf, ScenarioRegistry } from '@absynth/core';
import { expectTypeOf, test } from 'vitest';
import type { maze } from '../../index.js';
import type { MazeScene } from '../scene.js';

test('the scenario types are inferred from the literal', () => {
  expectTypeOf<typeof maze.id>().toEqualTypeOf<'maze'>();
  expectTypeOf<SceneOf<typeof maze>>().toEqualTypeOf<MazeScene>();
  expectTypeOf<ParamsOutput<typeof maze>['rows']>().toEqualTypeOf<number>();
  expectTypeOf<ParamsOutput<typeof maze>['style']>().toEqualTypeOf<'auto' | 'walls' | 'blocks'>();
  expectTypeOf<ParamsInput<typeof maze>>().toHaveProperty('braid');
});

test('importing the package registers maze in the typed registry', () => {
  expectTypeOf<ScenarioRegistry['maze']>().toEqualTypeOf<typeof maze>();
});
