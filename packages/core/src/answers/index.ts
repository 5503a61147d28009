export { answer, answerSchema, answerText, corruptAnswer, extractAnswer, scoreAnswer } from './answer.js';
export { rougeL } from './caption.js';
export { lettered } from './choice.js';
export { landmarkCoverage, paperMarkerRecall } from './landmarks.js';
export { defaultNumberTolerance } from './number.js';
export { normalisePhrase } from './phrases.js';
export { type MarkerVocabulary, mentionedMarkers, mentionedSteps, type RouteMention, type RouteReading, readRoute } from './route-reading.js';
export { routeRuns } from './route-runs.js';
export type * from './types.js';
