export { DatasetError } from './errors.js';
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
export { describeCause, OutputError } from './folders.js';
export { LlmClient, LlmError, type LlmFailureKind, type LlmOptions, LlmRequestError, type LlmStats } from './llm/client.js';
export { type LlmWriterOptions, llmWriter, writerMessages } from './llm/writer.js';
export type { Modality } from './modality.js';
export { modalities, promptFor } from './modality.js';
export { resolveModule } from './parallel.js';
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
export type { Dataset } from './reader.js';
export { manifestSchema, readDataset, sampleRecordSchema } from './reader.js';
export type { DatasetWriterOptions, Manifest } from './sink.js';
export { checkOutputDir, DatasetWriter, datasetFiles } from './sink.js';
export { VERSION } from './version.js';
export type { QuestionWriter, WriterInput, WriterReport, WrittenQuestion } from './writer.js';
export { templateWriter } from './writer.js';
