import type { Answer } from './answers/types.js';
import type { Rng } from './rng.js';
import type { QuestionKind } from './scenario.js';

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
  write(input: WriterInput, rng: Rng): WrittenQuestion | Promise<WrittenQuestion>;
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
    const closing = `So the answer is ${input.answerText}.`;
    if (steps[steps.length - 1] !== closing) steps.push(closing);
    return { question, rationale: steps.join('\n') };
  },
};
