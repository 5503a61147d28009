// The shape of a request to a chat model and of its reply, as plain types: a package that asks a
// model (topic growth, content proposals) takes any client with `complete(request): reply`, and
// the engine's LlmClient is one. No client lives here.

/** One part of a multimodal message: text, or an image by URL (a `data:` URL or an http(s) one). */
export type ChatContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

/**
 * One chat message. `content` is text, or (for user messages) text and image parts, as
 * vision models take them; the parts are part of the cache key like any other content.
 */
export type ChatMessage =
  | { role: 'system' | 'assistant'; content: string }
  | { role: 'user'; content: string | readonly ChatContentPart[] };

/** What to ask the model. */
export interface LlmRequest {
  messages: readonly ChatMessage[];
  /** Ask for a JSON object (`response_format: json_object`). */
  json?: boolean;
  /** Sampling temperature; default the client's. */
  temperature?: number;
  /** Most tokens in the reply. */
  maxTokens?: number;
}

/** The model's reply. */
export interface LlmReply {
  /** The message text ('' when the model sent none). */
  content: string;
  /** The model's refusal, when it refused. */
  refusal: string | null;
  /** Tokens of the request and the reply, as the endpoint counted them. */
  usage: { prompt: number; completion: number };
  /** Whether the reply came from the disk cache (no request was made). */
  cached: boolean;
}
