export {
  type ChatClient,
  type EvalItem,
  type EvalProgress,
  imageDataUrl,
  paperSuffix,
  paperTemperature,
  type RunOptions,
  type RunSettings,
  type RunSummary,
  runItems,
  UnreachableEndpointError,
  userMessage,
} from './engine.js';
export { evaluate, type EvaluateOptions, type EvaluateResult, lookupScenario, openDatasets, type ScenarioLookup } from './evaluate.js';
export { barChart, renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { checkOutputFolder } from './output.js';
export { type EvaluateMmsiOptions, evaluateMmsi, type MmsiInputRow, type MmsiScore, mmsiFiles, namedMarkers, referenceMarkers, routeMarkers, scoreMmsiRow } from './mmsi.js';
export { type MmsiAnswer, mmsiAnswer, type RatioAnswer, type RgbAnswer, scoreMmsiAnswer, statedReference } from './mmsi-answers.js';
export { type PaperColumn, type PaperRow, paperColumnOf, paperColumnOfFile, paperColumns, paperTableA1 } from './paper.js';
export { type Prediction, PredictionLog, predictionsFile, type PredictionsRead, readPredictions } from './predictions.js';
export {
  type BuildReportOptions,
  buildReport,
  type CaptionScore,
  type EvalReport,
  type PaperComparison,
  type QuestionRef,
  type RouteScore,
  type ScenarioReport,
  type Score,
} from './report.js';
export { reportFiles, writeReport } from './report-files.js';
