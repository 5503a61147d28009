import type { ParamsInput, ParamsOutput, RouteAnswer, SceneOf, ScenarioRegistry } from '@absynth/core';
import { expectTypeOf, test } from 'vitest';
import type { roadmap, scoreRoadmapRoute } from '../../index.js';
import type { RoadmapScene } from '../scene.js';

test('the road-map scenario types are inferred from the literal', () => {
  expectTypeOf<typeof roadmap.id>().toEqualTypeOf<'roadmap'>();
  expectTypeOf<SceneOf<typeof roadmap>>().toEqualTypeOf<RoadmapScene>();
  expectTypeOf<ParamsOutput<typeof roadmap>['size']>().toEqualTypeOf<number>();
  expectTypeOf<ParamsOutput<typeof roadmap>['gridLines']>().toEqualTypeOf<boolean>();
  expectTypeOf<ParamsInput<typeof roadmap>>().toHaveProperty('markerShare');
  expectTypeOf<NonNullable<(typeof roadmap)['text']>>().parameters.toEqualTypeOf<[RoadmapScene]>();
});

test('importing the package registers roadmap in the typed registry', () => {
  expectTypeOf<ScenarioRegistry['roadmap']>().toEqualTypeOf<typeof roadmap>();
});

test('the scorer is typed on the scene and plain strings', () => {
  expectTypeOf<typeof scoreRoadmapRoute>().parameters.toEqualTypeOf<[RouteAnswer, string, RoadmapScene]>();
});
