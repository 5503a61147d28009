/**
 * Replies to what absynth asks a model: the question writer's rewording, topic growth and content
 * proposals. They need nothing of absynth but the shape of its requests.
 */
import { userText } from './replies.js';
import type { LoopbackBody, LoopbackReply } from './server.js';

/** One question of the question writer's request, with its verified answer and the solver's steps. */
export interface WriterQuestion {
  id: string;
  task: string;
  question: string;
  answer: string;
  steps: string[];
}

/** What the question writer sends in its user message, as JSON. */
export interface WriterPayload {
  scenario: string;
  facts: string | null;
  questions: WriterQuestion[];
}

/** The question writer's payload in a request's last user message. */
export function writerPayload(body: LoopbackBody): WriterPayload {
  const text = userText(body);
  if (text === '') throw new Error('no user message');
  return JSON.parse(text) as WriterPayload;
}

/** The loopback model's wording of a question. */
export const rewordQuestion = (question: string): string => `Looking at the picture: ${question}`;

/** A different answer text that no scorer accepts for the original (numbers, yes/no, letters, routes; else a non-answer). */
export function wrongAnswerText(answer: string): string {
  if (/^-?\d+(\.\d+)?$/.test(answer)) {
    const x = Number(answer);
    return String(x >= 0 ? x * 2 + 7 : x * 2 - 7);
  }
  if (/^yes$/i.test(answer)) return 'No';
  if (/^no$/i.test(answer)) return 'Yes';
  if (/^[A-H]$/.test(answer)) return answer === 'A' ? 'B' : 'A';
  const flip: Record<string, string> = { up: 'down', down: 'up', left: 'right', right: 'left' };
  if (/\b(up|down|left|right)\b/.test(answer)) return answer.replace(/\b(up|down|left|right)\b/g, (d) => flip[d] as string);
  return 'cannot be determined';
}

/** Every question reworded, each rationale its steps then "The answer is <answer>." (a wrong answer for the ids in `wrongIds`). */
function reworded(questions: readonly (Omit<WriterQuestion, 'task' | 'steps'> & { steps?: string[] })[], wrongIds: readonly string[]) {
  return questions.map((q) => ({
    id: q.id,
    question: rewordQuestion(q.question),
    rationale: `${(q.steps ?? []).join(' ')} The answer is ${wrongIds.includes(q.id) ? wrongAnswerText(q.answer) : q.answer}.`.trim(),
  }));
}

/** The writer's reply as the model's content: every question reworded, with a wrong answer for the ids in `wrongIds`. */
export function writerContent(body: LoopbackBody, wrongIds: readonly string[] = []): string {
  return JSON.stringify({ questions: reworded(writerPayload(body).questions, wrongIds) });
}

/** How {@link writerReply} answers. */
export interface WriterReplyOptions {
  /** Ids of the questions answered wrongly; default none. */
  wrong?: readonly string[];
  /** Milliseconds to wait first; default 0. */
  delayMs?: number;
}

/** A reply to the question writer: {@link writerContent} as a chat completion. */
export function writerReply(body: LoopbackBody, options: WriterReplyOptions = {}): LoopbackReply {
  return { kind: 'content', content: writerContent(body, options.wrong), delayMs: options.delayMs ?? 0 };
}

const words = ['Amber', 'Birch', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Garnet', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lagoon', 'Meadow', 'Nimbus', 'Orchid', 'Pebble'];

/** A name made of three words, distinct for every `n` below 4,096, and sharing few words with its neighbours. */
function distinctName(n: number): string {
  const w = (k: number) => words[k % words.length] as string;
  return `${w(n)} ${w(Math.floor(n / 16) + 3)} ${w(Math.floor(n / 256) + 7)}`;
}

let proposals = 0;

/**
 * A reply that fits what absynth asked for, so commands that need a model run end to end
 * offline: the question writer's payload gets every question reworded with a rationale that
 * ends with its verified answer; topic growth and content proposals get new, valid entries made
 * from the examples the request shows, under distinct names; any other request (such as an eval
 * question) gets "The answer is 1.".
 */
export function absynthReply(body: LoopbackBody): LoopbackReply {
  let payload: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(userText(body));
    if (typeof parsed === 'object' && parsed !== null) payload = parsed as Record<string, unknown>;
  } catch {
    payload = undefined;
  }
  const content = (value: unknown): LoopbackReply => ({ kind: 'content', content: JSON.stringify(value) });
  if (payload !== undefined && Array.isArray(payload.questions)) {
    return content({ questions: reworded(payload.questions as WriterQuestion[], []) });
  }
  if (payload !== undefined && Array.isArray(payload.examples)) {
    const count = typeof payload.count === 'number' ? payload.count : 1;
    const examples = payload.examples as Record<string, unknown>[];
    const topics = Array.from({ length: count }, (_, i) => {
      const n = proposals++;
      const name = distinctName(n);
      return { ...examples[i % examples.length], id: `loopback-${n}`, measure: `${name} index` };
    });
    return content({ topics });
  }
  if (payload !== undefined && typeof payload.example === 'object' && payload.example !== null) {
    const count = typeof payload.count === 'number' ? payload.count : 1;
    const ideas = Array.from({ length: count }, () => ({ ...(payload.example as object), title: `${distinctName(proposals++)} by month` }));
    return content({ ideas });
  }
  return { kind: 'content', content: 'The answer is 1.' };
}
