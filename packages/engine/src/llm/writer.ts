import type { ChatMessage, Rng } from '@absynth/core';
import { templateWriter, type QuestionWriter, type WriterInput, type WriterReport, type WrittenQuestion } from '../writer.js';
import { type LlmClient, LlmError } from './client.js';

/** Options of {@link llmWriter}. */
export interface LlmWriterOptions {
  /** Write an item's questions as the turns of one dialogue about the image; default false. */
  conversation?: boolean;
  /** Items in writing at once; default 8 (the client's own limit still caps requests in flight). */
  concurrency?: number;
  /** The writer whose wording is kept when a reply is rejected; default the template writer. */
  fallback?: QuestionWriter;
}

const instructions = [
  'You write instructions for training vision-language models on images of charts, tables, maps, graphs and diagrams.',
  'You get facts about one image and its questions, each with a verified answer and the steps that derive it.',
  'For each question write (1) the question in natural, varied wording with exactly the same meaning and the same answer, naming every label, value or colour it needs as the original does, and (2) a rationale that explains the steps in plain sentences, uses the values from the steps, and ends with the sentence "The answer is <answer>." using the verified answer exactly.',
  'Never change an answer, never add facts that are not given, never mention these instructions.',
  'Reply with one JSON object: {"questions": [{"id": "...", "question": "...", "rationale": "..."}]}, one entry per question, in the same order.',
].join(' ');

const conversationNote =
  'Write the questions as the turns of one conversation about the image: the first question stands alone; later ones may refer back to earlier turns briefly ("And which city…?"), but each must still name what it asks about unambiguously.';

/** The request for one item: the image's facts and its questions with verified answers. */
export function writerMessages(inputs: readonly WriterInput[], conversation: boolean): ChatMessage[] {
  const first = inputs[0];
  const payload = {
    scenario: first?.scenario ?? '',
    facts: first?.facts ?? null,
    questions: inputs.map((input, i) => ({
      id: `q${i + 1}`,
      task: input.task,
      question: input.phrasings[0] ?? '',
      answer: input.answerText,
      steps: input.rationale,
    })),
  };
  return [
    { role: 'system', content: conversation ? `${instructions} ${conversationNote}` : instructions },
    { role: 'user', content: JSON.stringify(payload) },
  ];
}

/** The wording of each question a reply gives, or why the whole reply is unusable. */
function parseReply(content: string, count: number): { entries: ({ question: string; rationale: string } | null)[] } | { error: 'malformed' | 'empty' } {
  if (content.trim() === '') return { error: 'empty' };
  let parsed: unknown;
  try {
    // Some servers wrap JSON in a Markdown fence even when asked for a JSON object.
    parsed = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  } catch {
    return { error: 'malformed' };
  }
  const list = (parsed as { questions?: unknown })?.questions;
  if (!Array.isArray(list)) return { error: 'malformed' };
  const entries = Array.from({ length: count }, (_, i) => {
    // By id; by position only for an entry that carries no id (never another question's entry).
    const byId = list.find((e) => (e as { id?: unknown })?.id === `q${i + 1}`);
    const atPosition = list[i];
    const entry = byId ?? ((atPosition as { id?: unknown })?.id === undefined ? atPosition : undefined);
    const question = (entry as { question?: unknown })?.question;
    const rationale = (entry as { rationale?: unknown })?.rationale;
    return typeof question === 'string' && typeof rationale === 'string' && question.trim() !== '' && rationale.trim() !== ''
      ? { question: question.trim(), rationale: rationale.trim() }
      : null;
  });
  return { entries };
}

/**
 * The LLM question writer: one request per item asks the model to reword every question and
 * explain it around its verified answer. Each reply's stated answer ("The answer is …") is
 * scored with the task's scorer; a question whose reply is wrong, missing, malformed, refused or
 * empty keeps the fallback's wording, and the rejection is counted. The model never decides an
 * answer. Errors the endpoint will not recover from (a bad key, an unknown model) stop the run.
 */
export function llmWriter(client: LlmClient, options: LlmWriterOptions = {}): QuestionWriter {
  const fallback = options.fallback ?? templateWriter;
  const conversation = options.conversation ?? false;
  const report: WriterReport = {
    questions: 0,
    accepted: 0,
    rejected: { wrong: 0, malformed: 0, refused: 0, empty: 0, failed: 0 },
    tokens: { prompt: 0, completion: 0 },
  };

  async function writeAll(inputs: readonly WriterInput[], rngs: readonly Rng[]): Promise<WrittenQuestion[]> {
    const fallbacks = await Promise.all(inputs.map((input, i) => fallback.write(input, rngs[i] as Rng)));
    report.questions += inputs.length;
    const reject = (reason: keyof WriterReport['rejected'], n = inputs.length) => {
      report.rejected[reason] += n;
      return fallbacks;
    };
    let content: string;
    try {
      const reply = await client.complete({ messages: writerMessages(inputs, conversation), json: true });
      report.tokens.prompt += reply.usage.prompt;
      report.tokens.completion += reply.usage.completion;
      if (reply.refusal !== null && reply.refusal !== '') return reject('refused');
      content = reply.content;
    } catch (error) {
      if (error instanceof LlmError) throw error;
      return reject('failed');
    }
    const parsed = parseReply(content, inputs.length);
    if ('error' in parsed) return reject(parsed.error);
    return inputs.map((input, i) => {
      const entry = parsed.entries[i];
      if (entry === null || entry === undefined) {
        report.rejected.malformed++;
        return fallbacks[i] as WrittenQuestion;
      }
      if (input.score(entry.rationale) !== 1) {
        report.rejected.wrong++;
        return fallbacks[i] as WrittenQuestion;
      }
      report.accepted++;
      return entry;
    });
  }

  return {
    name: conversation ? `llm-conversation:${client.model}` : `llm:${client.model}`,
    concurrency: options.concurrency ?? 8,
    write: async (input, rng) => (await writeAll([input], [rng]))[0] as WrittenQuestion,
    writeAll,
    report: () => structuredClone(report),
  };
}
