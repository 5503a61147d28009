import { scoreAnswer } from './answers/answer.js';
import type { Answer } from './answers/types.js';
import type { AnyScenario } from './scenario.js';

/**
 * Scores a free-text response against a stored answer: the scenario's override for answers
 * with many valid forms (routes), else the answer type's own scorer.
 */
export function scoreResponse(scenario: AnyScenario, scene: unknown, answer: Answer, response: string): number {
  if (answer.type === 'route' && scenario.score?.route !== undefined) {
    return scenario.score.route(answer, response, scene);
  }
  return scoreAnswer(answer, response);
}
