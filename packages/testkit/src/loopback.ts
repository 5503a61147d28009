/**
 * The loopback OpenAI-compatible server of `@absynth/loopback` (a real chat completions server
 * on 127.0.0.1 answered by a script), and a model on it that answers from a dataset's ground
 * truth. Import it from `@absynth/testkit/loopback` (it needs no vitest).
 */
export * from '@absynth/loopback';
export type { TruthIndex, TruthIndexOptions, TruthModel, TruthScript } from './truth.js';
export { startTruthModel, truthIndex, truthReply } from './truth.js';
