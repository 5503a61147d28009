// A loopback OpenAI-compatible chat completions server for bench/llm-writer.mjs, on
// @absynth/loopback (the server the tests use too). It answers the question writer's requests
// from the verified answers they carry: each question reworded, each rationale the steps then
// "The answer is <answer>.", after `latencyMs`; a `wrongRate` share of questions (chosen by a hash
// of the request and question id, so reruns agree) gets a wrong answer.
import { hashedShare, startLoopbackModel, userText, writerPayload, writerReply } from '@absynth/loopback';

/** Starts the server; resolves to { baseURL, stats(), close() }. */
export async function startLlmServer({ latencyMs = 200, wrongRate = 0 } = {}) {
  const counts = { questions: 0, wrong: 0 };
  const model = await startLoopbackModel((body) => {
    const user = userText(body);
    const { questions } = writerPayload(body);
    const wrong = questions.filter((q) => hashedShare(`${user}\0${q.id}`) < wrongRate).map((q) => q.id);
    counts.questions += questions.length;
    counts.wrong += wrong.length;
    return writerReply(body, { wrong, delayMs: latencyMs });
  });
  return {
    baseURL: model.baseURL,
    stats: () => ({ ...counts, requests: model.requests.length, peakInFlight: model.peakInFlight() }),
    close: model.close,
  };
}
