// A loopback OpenAI-compatible chat completions server that plays a vision model, on the truth
// model of @absynth/testkit/loopback: it finds each question by its prompt and image in the
// datasets it was given, and answers with the truth `rightRate` of the time (decided per question
// by a hash, so reruns agree), else "cannot be determined", after `latencyMs`.
import { hashedShare, startTruthModel, truthReply } from '@absynth/testkit/loopback';

export { truthIndex } from '@absynth/testkit/loopback';

/** Starts the model on `index` (from `truthIndex`); resolves to a loopback model (`baseURL`, `requests`, `peakInFlight()`, `close()`). */
export function startFallibleModel({ index, rightRate = 0.8, latencyMs = 0 }) {
  return startTruthModel(index, (qa) => ({
    kind: 'content',
    content: qa === undefined ? 'I do not know.' : hashedShare(qa.id) < rightRate ? truthReply(qa) : 'The answer is cannot be determined.',
    delayMs: latencyMs,
  }));
}
