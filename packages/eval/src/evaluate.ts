import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type AnyScenario, scoreResponse, UsageError } from '@absynth/core';
import { type Dataset, DatasetError, datasetFiles, type Modality, modalities, promptFor, readDataset, type SampleRecord, VERSION } from '@absynth/engine';
import { type EvalItem, imageDataUrl, paperSuffix, type RunOptions, type RunSummary, runItems, runSettings, userMessage } from './engine.js';
import { buildReport, type EvalReport, questionKey } from './report.js';
import { writeReport } from './report-files.js';

/** Finds a scenario by id: a function, or a registry with `get`. */
export type ScenarioLookup = ((id: string) => AnyScenario | undefined) | { get(id: string): AnyScenario };

/** Options of {@link evaluate}. */
export interface EvaluateOptions extends RunOptions {
  /** A dataset folder, a folder of dataset folders, or several of either. */
  data: string | readonly string[];
  /** The scenarios of the datasets, to score with (routes are scored on their maps). */
  scenarios: ScenarioLookup;
  /**
   * What to show the model: `image` (the question and the image), `text` (the scene's text
   * rendering and the question) or `both`; default each dataset's own modality. A dataset must
   * hold what is asked for: an image dataset cannot be evaluated as text.
   */
  modality?: Modality;
  /** Put the paper's published rows (Table A1) beside the model's in the report. */
  comparePaper?: boolean;
}

/** What {@link evaluate} did, and the report it wrote. */
export interface EvaluateResult extends RunSummary {
  report: EvalReport;
  /** The report files written into `out`. */
  files: string[];
}

/** The scenario with this id, or a usage error naming it. */
export function lookupScenario(scenarios: ScenarioLookup, id: string): AnyScenario {
  let found: AnyScenario | undefined;
  try {
    found = typeof scenarios === 'function' ? scenarios(id) : scenarios.get(id);
  } catch {
    found = undefined;
  }
  if (found === undefined) throw new UsageError(`unknown scenario "${id}": it is needed to score the dataset; load its plugin`);
  return found;
}

/** Opens the datasets `data` names: folders with a manifest, or folders of such folders (sorted by name). */
export async function openDatasets(data: string | readonly string[]): Promise<Dataset[]> {
  const datasets: Dataset[] = [];
  for (const dir of typeof data === 'string' ? [data] : data) {
    const info = await stat(dir).catch(() => undefined);
    if (info === undefined) throw new UsageError(`no such dataset folder: ${dir}`);
    const hasManifest = await stat(join(dir, 'manifest.json')).then(() => true, () => false);
    if (hasManifest || !info.isDirectory()) {
      datasets.push(await readDataset(dir));
      continue;
    }
    const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const found: Dataset[] = [];
    for (const name of entries) {
      if (await stat(join(dir, name, 'manifest.json')).then(() => true, () => false)) found.push(await readDataset(join(dir, name)));
    }
    if (found.length === 0) throw new UsageError(`${dir} is not a dataset and holds none: give a folder absynth generate wrote, or a folder of them`);
    datasets.push(...found);
  }
  return datasets;
}

/** Whether a dataset of modality `has` can be shown as `wanted`. */
function canShow(has: Modality, wanted: Modality): boolean {
  return has === wanted || has === 'both';
}

/** The questions of the datasets, in file order, as items to ask. */
async function* datasetItems(datasets: readonly Dataset[], lookup: (id: string) => AnyScenario, options: EvaluateOptions): AsyncGenerator<EvalItem> {
  const suffix = options.suffix ?? paperSuffix;
  for (const dataset of datasets) {
    const scenario = lookup(dataset.manifest.scenario.id);
    const shown = options.modality ?? dataset.manifest.modality;
    for await (const record of dataset.samples) {
      if (record.scenarioVersion !== dataset.manifest.scenario.version) {
        throw new DatasetError(
          join(dataset.dir, datasetFiles.samples),
          undefined,
          `record ${record.id} is of scenario version ${record.scenarioVersion}, but the manifest says ${dataset.manifest.scenario.version}`,
        );
      }
      const imagePath = shown === 'text' || record.image === null ? null : join(dataset.dir, record.image);
      let image: Promise<string> | undefined;
      const imageUrl = (): Promise<string | null> => {
        if (imagePath === null) return Promise.resolve(null);
        image ??= imageDataUrl(imagePath);
        return image;
      };
      const view: SampleRecord = { ...record, modality: shown };
      for (const qa of record.qa) {
        const key = questionKey(datasets, dataset, qa.id);
        yield {
          id: key,
          meta: {
            question_id: key,
            sample_id: record.id,
            scenario: record.scenario,
            task: qa.task,
            kind: qa.kind,
            level: record.level,
            answer_type: qa.answer.type,
            answer: qa.answerText,
          },
          messages: async () => userMessage(`${promptFor(view, qa)}${suffix}`, await imageUrl()),
          score: (response) => ({ score: scoreResponse(scenario, record.scene, qa.answer, response) }),
          ...(imagePath === null ? {} : { files: [imagePath] }),
        };
      }
    }
  }
}

/**
 * Refuses a dataset made by another version of its scenario (its scenes and answers may not be
 * what this version's scorers read: scoring them could be silently wrong), and warns of one that
 * another absynth wrote with the same scenario version (its records are checked line by line
 * against this version's schema, so it is evaluated).
 */
function checkVersions(dataset: Dataset, scenario: AnyScenario, warn: ((message: string) => void) | undefined): void {
  const { manifest } = dataset;
  if (manifest.scenario.version !== scenario.version) {
    throw new UsageError(
      `${dataset.dir} was made by version ${manifest.scenario.version} of scenario "${scenario.id}" (absynth ${manifest.tool.version}), ` +
        `but this absynth (${VERSION}) has version ${scenario.version}, whose scorers may read its scenes differently: ` +
        `regenerate the dataset, or evaluate it with absynth ${manifest.tool.version}`,
    );
  }
  if (manifest.tool.version !== VERSION) {
    warn?.(`${dataset.dir} was written by absynth ${manifest.tool.version}, this is ${VERSION}; its scenario "${scenario.id}" has the same version (${scenario.version}), so it is evaluated`);
  }
}

/**
 * Evaluates a model on absynth datasets: checks every record and image first (nothing is asked or
 * written when one is bad), then asks every question (with its image as a base64 data URL, and
 * the paper's answer-format suffix) through `client`, scores each reply with the scenario's
 * scorers, appends it to `predictions.jsonl` in `out` as it goes (rerunning resumes), then writes
 * `report.md`, `report.json` and `report.html` beside it.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluateResult> {
  if (options.modality !== undefined && !modalities.includes(options.modality)) {
    throw new UsageError(`invalid modality ${JSON.stringify(options.modality)}: use ${modalities.join(', ')}`);
  }
  const datasets = await openDatasets(options.data);
  const lookup = (id: string) => lookupScenario(options.scenarios, id);
  for (const dataset of datasets) {
    checkVersions(dataset, lookup(dataset.manifest.scenario.id), options.onWarning);
    const has = dataset.manifest.modality;
    if (options.modality !== undefined && !canShow(has, options.modality)) {
      throw new UsageError(`${dataset.dir} is a ${has} dataset, so it cannot be shown as ${options.modality}: generate it with --modality both`);
    }
  }
  const modalityLabel = options.modality ?? [...new Set(datasets.map((d) => d.manifest.modality))].join('+');
  const settings = runSettings(options, modalityLabel, 'absynth');
  const summary = await runItems(() => datasetItems(datasets, lookup, options), options, settings);
  const report = await buildReport({ datasets, predictions: summary.predictions, settings, comparePaper: options.comparePaper ?? false, limit: options.limit });
  const files = await writeReport(options.out, report);
  return { ...summary, report, files };
}
