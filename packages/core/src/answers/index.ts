export { answer, type NumberOptions } from './constructors.js';
export {
  type ExtractedAnswer,
  type ExtractedBoolean,
  type ExtractedCaption,
  type ExtractedCell,
  type ExtractedChoice,
  type ExtractedInteger,
  type ExtractedList,
  type ExtractedNumber,
  type ExtractedOf,
  type ExtractedRoute,
  type ExtractedText,
  type ExtractedTime,
  extractAnswer,
} from './extract.js';
export { normalisePhrase } from './phrases.js';
export { answerSchema } from './schema.js';
export { routeRuns } from './steps.js';
export { corruptAnswer, defaultNumberTolerance, rougeL, scoreAnswer } from './score.js';
export { answerText } from './text.js';
export type * from './types.js';
