/** Replies every OpenAI-compatible server gives at times, and what a script reads from a request. */
import { createHash } from 'node:crypto';
import type { LoopbackBody, LoopbackMessage, LoopbackReply, LoopbackRequest } from './server.js';

/** A refusal: no content, and the refusal text a model gives. */
export const refusal = (): LoopbackReply => ({ kind: 'content', content: null, refusal: "I'm sorry, I can't help with that." });

/** A 429 asking the client to retry after `retryAfterSeconds`. */
export const rateLimited = (retryAfterSeconds: number): LoopbackReply => ({
  kind: 'status',
  status: 429,
  headers: { 'retry-after': String(retryAfterSeconds) },
  body: { error: { message: 'Rate limit reached, please retry', type: 'requests', code: 'rate_limit_exceeded' } },
});

/** A 500. */
export const serverError = (): LoopbackReply => ({ kind: 'status', status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } });

/** A 401 whose message quotes the key the client sent, whole and masked, as careless servers do. */
export function unauthorized(request: LoopbackRequest): LoopbackReply {
  const key = String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  const masked = `${key.slice(0, 10)}${'*'.repeat(8)}${key.slice(-4)}`;
  return {
    kind: 'status',
    status: 401,
    body: { error: { message: `Incorrect API key provided: ${key} (${masked}).`, type: 'invalid_request_error', code: 'invalid_api_key' } },
  };
}

/** A 404 naming the model the request asked for. */
export const modelNotFound = (body: LoopbackBody): LoopbackReply => ({
  kind: 'status',
  status: 404,
  body: { error: { message: `The model \`${body.model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found' } },
});

/** The text of a message (its text parts joined, for multimodal messages). */
export function messageText(message: LoopbackMessage | undefined): string {
  if (message === undefined || message.content === null) return '';
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

const lastUser = (body: LoopbackBody) => body.messages.filter((m) => m.role === 'user').at(-1);

/** The text of the last user message. */
export const userText = (body: LoopbackBody): string => messageText(lastUser(body));

/** The URL of the first image of the last user message, or null when it shows none. */
export function userImage(body: LoopbackBody): string | null {
  const content = lastUser(body)?.content;
  if (!Array.isArray(content)) return null;
  for (const part of content) if (part.type === 'image_url') return part.image_url.url;
  return null;
}

/**
 * A number in [0, 1) drawn from the SHA-256 of `key`, the same on every run: `hashedShare(id) <
 * 0.8` picks about 80% of the keys, and the same ones each time.
 */
export const hashedShare = (key: string): number => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
