import { expectTypeOf, test } from 'vitest';
import {
  type ExtractedAnswer,
  type ExtractedCaption,
  type ExtractedCell,
  type ExtractedNumber,
  answer,
  extractAnswer,
  type landmarkCoverage,
  type MarkerVocabulary,
  type paperMarkerRecall,
  type RouteReading,
  type readRoute,
} from '../index.js';
import type { Answer } from '../types.js';

test('extractAnswer narrows its result to the answer type', () => {
  expectTypeOf(extractAnswer(answer.cell(1, 2), '(1, 2)')).toEqualTypeOf<ExtractedCell | undefined>();
  expectTypeOf(extractAnswer('number', '3')).toEqualTypeOf<ExtractedNumber | undefined>();
  expectTypeOf(extractAnswer(answer.caption('A pie chart.'), 'A pie chart.')).toEqualTypeOf<ExtractedCaption | undefined>();
  const stored = (): Answer => answer.boolean(true);
  expectTypeOf(extractAnswer(stored(), 'yes')).toEqualTypeOf<ExtractedAnswer | undefined>();
});

test('constructors return the specific answer type', () => {
  expectTypeOf(answer.time(8, 5)).toEqualTypeOf<import('../types.js').TimeAnswer>();
  expectTypeOf(answer.route([{ direction: 'up', count: 1 }])).toEqualTypeOf<import('../types.js').RouteAnswer>();
  expectTypeOf(answer.caption('A pie chart.')).toEqualTypeOf<import('../types.js').CaptionAnswer>();
});

test('the route reader and the marker scores take plain strings', () => {
  expectTypeOf<typeof readRoute>().parameters.toEqualTypeOf<[response: string, markers?: MarkerVocabulary]>();
  expectTypeOf<typeof readRoute>().returns.toEqualTypeOf<RouteReading | undefined>();
  expectTypeOf<typeof paperMarkerRecall>().returns.toEqualTypeOf<number>();
  expectTypeOf<typeof landmarkCoverage>().parameters.toEqualTypeOf<[readonly string[], readonly string[]]>();
});
