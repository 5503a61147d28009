import type { Answer, QuestionKind, Rng } from '@absynth/core';

/** What a writer receives: a task's question with its verified answer and derivation. */
export interface WriterInput {
  scenario: string;
  task: string;
  kind: QuestionKind;
  /** The task's phrasings of the question (at least one). */
  phrasings: readonly string[];
  answer: Answer;
  /** The canonical text of the answer. */
  answerText: string;
  /** The solver's derivation, one step per entry. */
  rationale: readonly string[];
  /** The scene the question is about. */
  scene: unknown;
  /** The scene as text (the scenario's `text(scene)`), for writers that need its facts; `null` when the scenario has none. */
  facts: string | null;
  /** Scores a free-text response against the verified answer with the scenario's scorer (1 = right), e.g. "… The answer is 12." */
  score(response: string): number;
}

/** The final wording of a question. */
export interface WrittenQuestion {
  question: string;
  rationale: string;
}

/**
 * Words questions and rationales. A writer never changes an answer: whatever it returns is
 * about the answer it was given.
 */
export interface QuestionWriter {
  /** Name recorded in the manifest. */
  readonly name: string;
  /** Words one question and its rationale from the task's draft; `rng` is the item's, for choosing among phrasings. */
  write(input: WriterInput, rng: Rng): WrittenQuestion | Promise<WrittenQuestion>;
  /**
   * Optional: words every question of one item at once (one model call per image, say), in
   * order, each with its own rng. The pipeline uses it instead of `write` when it is there.
   */
  writeAll?(inputs: readonly WriterInput[], rngs: readonly Rng[]): Promise<WrittenQuestion[]>;
  /** How many items' questions may be in writing at once (a network writer's parallelism); default 1. */
  readonly concurrency?: number;
  /** Counts that depend only on the replies used (so a cached rerun reports the same), for the manifest. */
  report?(): WriterReport;
}

/** What a writer reports in the manifest: questions worded, and the replies it rejected and why. */
export interface WriterReport {
  questions: number;
  /** Questions worded by the writer itself. */
  accepted: number;
  /** Questions that kept the template wording, by reason. */
  rejected: { wrong: number; malformed: number; refused: number; empty: number; failed: number };
  /** Tokens of the replies used, cached or not. */
  tokens: { prompt: number; completion: number };
}

/**
 * The default, offline writer: picks one of the task's phrasings with the item's rng and joins
 * the derivation, ending with the answer.
 */
export const templateWriter: QuestionWriter = {
  name: 'template',
  write(input, rng) {
    const question = rng.pick(input.phrasings);
    const steps = [...input.rationale];
    // A caption ends its own sentence; a second full stop would make "..".
    const closing = `So the answer is ${input.answerText}${/[.!?]$/.test(input.answerText) ? '' : '.'}`;
    if (steps[steps.length - 1] !== closing) steps.push(closing);
    return { question, rationale: steps.join('\n') };
  },
};
