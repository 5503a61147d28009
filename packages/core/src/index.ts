/** zod, re-exported so that params schemas use the zod instance core checks against (its reference is zod's own). @hidden */
export { z } from 'zod';
export * from './answers/index.js';
export type { ChatContentPart, ChatMessage, LlmReply, LlmRequest } from './chat.js';
export { isScenario, scenarioProblems } from './contract.js';
export { levelsTable, markedSection, paramsTable, replaceMarkedSection, tasksTable } from './docs.js';
export { ParamsError, ScenarioError, UsageError } from './errors.js';
export type { ParamInfo } from './params.js';
export { checkLevel, describeParams, paramsJsonSchema, resolveParams } from './params.js';
export type { ScenarioId, ScenarioRegistry } from './registry.js';
export { Registry, registry, use } from './registry.js';
export type { ItemSeed, Rng } from './rng.js';
export { itemRng, itemSeedKey, rngFromKey } from './rng.js';
export type {
  AnyScenario,
  ClockReading,
  ColourNeed,
  DraftQuestion,
  Level,
  ParamsInput,
  ParamsOutput,
  ParamsSchema,
  QuestionKind,
  ReaderNeeds,
  SampleContext,
  SampleResources,
  ScaleReading,
  Scenario,
  SceneOf,
  ScoreOverrides,
  Size,
  Task,
} from './scenario.js';
export { defineScenario, defineTask, levels, questionKinds } from './scenario.js';
export { scoreResponse } from './scoring.js';
export { VERSION } from './version.js';
export { formatNumber, listing, ordinal, sentenceCase } from './wording.js';
