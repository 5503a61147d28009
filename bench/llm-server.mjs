// A loopback OpenAI-compatible chat completions server for bench/llm-writer.mjs (the tests have
// their own in packages/core/src/__tests__/llm/server.ts). It answers the question writer's
// requests from the verified answers they carry: each question reworded, each rationale the
// steps then "The answer is <answer>.", after `latencyMs`; a `wrongRate` share of questions
// (chosen by a hash of the request and question id, so reruns agree) gets a wrong answer.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

/** A different answer text that no scorer accepts (numbers, yes/no, letters, routes; else a non-answer). */
export function wrongAnswerText(answer) {
  if (/^-?\d+(\.\d+)?$/.test(answer)) {
    const x = Number(answer);
    return String(x >= 0 ? x * 2 + 7 : x * 2 - 7);
  }
  if (/^yes$/i.test(answer)) return 'No';
  if (/^no$/i.test(answer)) return 'Yes';
  if (/^[A-H]$/.test(answer)) return answer === 'A' ? 'B' : 'A';
  const flip = { up: 'down', down: 'up', left: 'right', right: 'left' };
  if (/\b(up|down|left|right)\b/.test(answer)) return answer.replace(/\b(up|down|left|right)\b/g, (d) => flip[d]);
  return 'cannot be determined';
}

const tokens = (text) => Math.ceil(text.length / 4);

/** Starts the server; resolves to { baseURL, stats(), close() }. */
export async function startLlmServer({ latencyMs = 200, wrongRate = 0 } = {}) {
  const counts = { requests: 0, questions: 0, wrong: 0, inFlight: 0, peakInFlight: 0, promptTokens: 0, completionTokens: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      counts.inFlight++;
      counts.peakInFlight = Math.max(counts.peakInFlight, counts.inFlight);
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw);
        const user = body.messages.find((m) => m.role === 'user').content;
        const payload = JSON.parse(user);
        const questions = payload.questions.map((q) => {
          const draw = createHash('sha256').update(`${user}\0${q.id}`).digest().readUInt32BE(0) / 2 ** 32;
          const isWrong = draw < wrongRate;
          if (isWrong) counts.wrong++;
          return {
            id: q.id,
            question: `Looking at the picture: ${q.question}`,
            rationale: `${q.steps.join(' ')} The answer is ${isWrong ? wrongAnswerText(q.answer) : q.answer}.`,
          };
        });
        counts.requests++;
        counts.questions += questions.length;
        const content = JSON.stringify({ questions });
        const usage = { prompt_tokens: tokens(raw), completion_tokens: tokens(content) };
        usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
        counts.promptTokens += usage.prompt_tokens;
        counts.completionTokens += usage.completion_tokens;
        await new Promise((resolve) => setTimeout(resolve, latencyMs));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${counts.requests}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
            usage,
          }),
        );
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
      } finally {
        counts.inFlight--;
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${server.address().port}/v1`,
    stats: () => ({ ...counts }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
