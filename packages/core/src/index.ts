export type { Box, DrawingStyle, FontFamily, Pen, Point, ShapeStyle, TextStyle, Theme } from '@absynth/render';
/** zod, re-exported so that params schemas use the zod instance core checks against (its reference is zod's own). @hidden */
export { z } from 'zod';
export { createPen, decodePng, getTheme, type Pixels, pixelHex, renderImage, themeNames, themes } from '@absynth/render';
export { chroma, colourDifference, contrastRatio, type NamedColour, namedColour, namedColours, relativeLuminance, textColourOn, toLab } from '@absynth/render';
export * from './answers/index.js';
export { isScenario, scenarioProblems } from './contract.js';
export { levelsTable, markedSection, paramsTable, replaceMarkedSection, tasksTable } from './docs.js';
export { DatasetError, ParamsError, ScenarioError, UsageError } from './errors.js';
export type { ExportOptions, Exporter, ExportSummary } from './exporters/exporter.js';
export { exportDataset, exporters } from './exporters/exporter.js';
export type { HfQuestion, HfRow } from './exporters/hf.js';
export { hfExporter, hfRow } from './exporters/hf.js';
export type { LlavaEntry, LlavaOptions, LlavaTurn, LlavaTurns } from './exporters/llava.js';
export { llavaAnswer, llavaEntry, llavaExporter, llavaImageToken, llavaTurns } from './exporters/llava.js';
export type { MmsiRow, MmsiType } from './exporters/mmsi.js';
export { mmsiExporter, mmsiRow, mmsiTypeOfKind, mmsiTypes } from './exporters/mmsi.js';
export type { StagedFile } from './exporters/output.js';
export { ExportOutput } from './exporters/output.js';
export type { WebdatasetOptions, WebdatasetSample } from './exporters/webdataset.js';
export { defaultShardSize, shardName, webdatasetExporter, webdatasetKey, webdatasetSample } from './exporters/webdataset.js';
export type { Modality } from './modality.js';
export { modalities, promptFor } from './modality.js';
export type { ParamInfo } from './params.js';
export { checkLevel, describeParams, paramsJsonSchema, resolveParams } from './params.js';
export type {
  DraftedQA,
  DraftedSample,
  GeneratedSample,
  GenerateOptions,
  QA,
  RunPlan,
  SampleRecord,
  ScenarioOrigin,
} from './pipeline.js';
export {
  DEFAULT_SEED,
  DEFAULT_SIZE,
  draftItem,
  generate,
  generateItem,
  planRun,
  sampleId,
  sampleScene,
  writeItem,
} from './pipeline.js';
export { resolveModule } from './parallel.js';
export type { Dataset } from './reader.js';
export { manifestSchema, readDataset, sampleRecordSchema } from './reader.js';
export type { ScenarioId, ScenarioRegistry } from './registry.js';
export { Registry, registry, use } from './registry.js';
export type { ItemSeed, Rng } from './rng.js';
export { itemRng, itemSeedKey, rngFromKey } from './rng.js';
export type {
  AnyScenario,
  DraftQuestion,
  Level,
  ParamsInput,
  ParamsOutput,
  ParamsSchema,
  QuestionKind,
  SampleResources,
  Scenario,
  SceneOf,
  ScoreOverrides,
  Size,
  Task,
} from './scenario.js';
export { defineScenario, defineTask, levels, questionKinds } from './scenario.js';
export { scoreResponse } from './scoring.js';
export type { DatasetWriterOptions, Manifest } from './sink.js';
export { checkOutputDir, DatasetWriter, datasetFiles } from './sink.js';
export { describeCause, OutputError } from './folders.js';
export { VERSION } from './version.js';
export { formatNumber, listing, ordinal, sentenceCase } from './wording.js';
export type { QuestionWriter, WriterInput, WriterReport, WrittenQuestion } from './writer.js';
export { type ChatContentPart, type ChatMessage, LlmClient, LlmError, type LlmFailureKind, type LlmOptions, type LlmReply, type LlmRequest, LlmRequestError, type LlmStats } from './llm/client.js';
export { type LlmWriterOptions, llmWriter, writerMessages } from './llm/writer.js';
export { templateWriter } from './writer.js';
