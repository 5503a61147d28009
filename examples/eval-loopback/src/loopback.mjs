// A loopback OpenAI-compatible chat completions server that plays a vision model: it finds each
// question by its prompt and image in the datasets it was given, and answers with the truth
// (`rightRate` of the time, decided per question by a hash, so reruns agree) after `latencyMs`.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promptFor } from '@absynth/engine';

const sha = (text) => createHash('sha256').update(text).digest('hex');

/** Questions by `<prompt>\0<sha of the image data URL>`. */
export async function truthIndex(datasets) {
  const index = new Map();
  for (const dataset of datasets) {
    for await (const record of dataset.samples) {
      const image = record.image === null ? '' : sha(`data:image/png;base64,${(await readFile(join(dataset.dir, record.image))).toString('base64')}`);
      for (const qa of record.qa) index.set(`${promptFor(record, qa)}\0${image}`, qa);
    }
  }
  return index;
}

export async function startLoopbackModel({ index, suffix, rightRate = 0.8, latencyMs = 0 }) {
  let inFlight = 0;
  let peak = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      inFlight++;
      requests++;
      peak = Math.max(peak, inFlight);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const content = body.messages.at(-1).content;
      const parts = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
      const text = parts.filter((p) => p.type === 'text').map((p) => p.text).join('');
      const image = parts.find((p) => p.type === 'image_url')?.image_url.url;
      const prompt = text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
      const qa = index.get(`${prompt}\0${image === undefined ? '' : sha(image)}`);
      const right = qa !== undefined && Number.parseInt(sha(qa.id).slice(0, 8), 16) / 0xffffffff < rightRate;
      const answer = qa === undefined ? 'I do not know.' : right ? `The answer is ${qa.answerText.replace(/\.$/, '')}.` : 'The answer is cannot be determined.';
      await new Promise((r) => setTimeout(r, latencyMs));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests}`,
          object: 'chat.completion',
          created: 1_700_000_000,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: answer, refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        }),
      );
      inFlight--;
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${server.address().port}/v1`,
    stats: () => ({ requests, peakInFlight: peak }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
