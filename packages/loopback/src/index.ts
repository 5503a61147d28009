export type { WriterPayload, WriterQuestion, WriterReplyOptions } from './absynth.js';
export { absynthReply, rewordQuestion, writerContent, writerPayload, writerReply, wrongAnswerText } from './absynth.js';
export { hashedShare, messageText, modelNotFound, rateLimited, refusal, serverError, unauthorized, userImage, userText } from './replies.js';
export type {
  CompletionParts,
  LoopbackBody,
  LoopbackContentPart,
  LoopbackMessage,
  LoopbackModel,
  LoopbackOptions,
  LoopbackReply,
  LoopbackRequest,
  LoopbackScript,
  LoopbackUsage,
} from './server.js';
export { closedPort, completionBody, startLoopbackModel, tokenEstimate } from './server.js';
