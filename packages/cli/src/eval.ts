import { resolve } from 'node:path';
import { type Registry, UsageError } from '@absynth/core';
import { LlmClient } from '@absynth/engine';
import { type EvalProgress, type EvalReport, evaluate, evaluateMmsi, paperSuffix, paperTemperature, reportFiles, type RunSummary } from '@absynth/eval';
import cliProgress from 'cli-progress';
import type { TextOutput } from './io.js';
import { parseModality, parseNonNegativeInteger } from './options.js';

/** The flags of `absynth eval`, as commander hands them over. */
export interface EvalFlags {
  data: string;
  out: string;
  format: string;
  baseUrl?: string;
  model?: string;
  concurrency: string;
  limit?: string;
  modality?: string;
  suffix?: string;
  temperature?: string;
  timeout: string;
  retries: string;
  maxRetryWait: string;
  retryFailed?: boolean;
  comparePaper?: boolean;
  cache: string;
}

function parseTemperature(text: string | undefined): number {
  if (text === undefined) return paperTemperature;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 2) throw new UsageError(`invalid --temperature "${text}": must be a number from 0 to 2`);
  return value;
}

const fmt = (fraction: number | null): string => (fraction === null ? '–' : `${(fraction * 100).toFixed(1)}%`);

/** A count of correct answers, which routes' partial credit can make fractional. */
const correct = (accuracy: number | null, answered: number): string => {
  const sum = (accuracy ?? 0) * answered;
  return Math.abs(sum - Math.round(sum)) < 1e-9 ? String(Math.round(sum)) : sum.toFixed(1);
};

/** What the figures are, then one line per scenario and the mean, for the terminal. */
function summaryLines(report: EvalReport): string {
  const lines = report.scenarios.map((s) => {
    const extra = [
      s.answered < s.questions ? `, ${s.questions - s.answered} of its ${s.questions} not answered yet` : '',
      s.failures > 0 ? `, ${s.failures} failed` : '',
      s.routes === null ? '' : `, route score ${fmt(s.routes.meanScore)}`,
      s.captions === null ? '' : `, caption ROUGE-L ${s.captions.rougeL?.toFixed(3) ?? '–'}`,
    ].join('');
    return `  ${s.scenario}: ${fmt(s.accuracy)} = ${correct(s.accuracy, s.answered)}/${s.answered}${extra}\n`;
  });
  return (
    'accuracy = correct/answered (a failed question counts as answered and wrong; a route earns partial credit; captions are ROUGE-L, apart)\n' +
    `${lines.join('')}  mean over scenarios (unweighted, as the paper): ${fmt(report.mean)}\n`
  );
}

/** `45 s`, `3 min 20 s`, `2 h 5 min`. */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 === 0 ? '' : ` ${s % 60} s`}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) === 0 ? '' : ` ${Math.floor((s % 3600) / 60)} min`}`;
}

/**
 * Shows a run's progress on `stream`: on a terminal, a bar with the total and the time left, as
 * `generate` draws; elsewhere (a log, a pipe), one plain line at each tenth of the way, so a long
 * run in CI still says how far it is, and nothing that looks like an error.
 */
function progressDisplay(stream: TextOutput): { update: (p: EvalProgress) => void; stop: () => void } {
  const started = performance.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format: 'eval {bar} {value}/{total} questions | {failed} failed | {duration_formatted} elapsed, {eta_formatted} left',
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update: (p) => {
        if (!begun) {
          bar.start(p.total ?? 0, 0, { failed: 0 });
          begun = true;
        }
        bar.update(p.done + p.skipped, { failed: p.failed });
      },
      stop: () => bar.stop(),
    };
  }
  let shownTenths = 0;
  return {
    update: (p) => {
      if (p.total === null || p.total === 0) return;
      const handled = p.done + p.skipped;
      const tenths = Math.floor((handled / p.total) * 10);
      if (tenths <= shownTenths) return;
      shownTenths = tenths;
      const seconds = (performance.now() - started) / 1000;
      const left = handled < p.total && p.done > 0 ? `, about ${duration((seconds / p.done) * (p.total - handled))} left` : '';
      stream.write(`eval: ${handled}/${p.total} questions (${Math.round((handled / p.total) * 100)}%), ${p.failed} failed${left}\n`);
    },
    stop: () => {},
  };
}

/** The first line of the summary: what this run did, and what it left. */
function runLine(result: RunSummary & { report: EvalReport }, asking: boolean, limit: number | undefined): string {
  const rate = result.seconds > 0 ? result.asked / result.seconds : 0;
  const parts = [
    `${result.asked} questions ${asking ? 'asked' : 're-scored'} (${result.failed} failed)`,
    `${result.skipped} already answered`,
    ...(result.notAsked !== null && result.notAsked > 0 ? [`${result.notAsked} not asked (--limit ${limit})`] : []),
  ];
  return `eval: ${parts.join(', ')}, in ${result.seconds.toFixed(1)} s (${rate.toFixed(1)} questions/s)\n`;
}

/**
 * Runs `absynth eval`: asks a model every question of a dataset (or of the paper's benchmark rows
 * with --format mmsi) through an OpenAI-compatible endpoint, appending predictions to
 * `<out>/predictions.jsonl` as it goes (rerunning resumes), then writes the report beside it.
 */
export async function runEval(flags: EvalFlags, registry: Registry, io: { stdout: TextOutput; stderr: TextOutput; cwd: string }): Promise<void> {
  const format = flags.format.trim();
  if (format !== 'absynth' && format !== 'mmsi') throw new UsageError(`invalid --format "${flags.format}": use absynth (a dataset folder) or mmsi (the paper's benchmark rows)`);
  const concurrency = parseNonNegativeInteger('--concurrency', flags.concurrency);
  if (concurrency < 1) throw new UsageError('invalid --concurrency 0: must be 1 or more');
  const limit = flags.limit === undefined ? undefined : parseNonNegativeInteger('--limit', flags.limit);
  const temperature = parseTemperature(flags.temperature);
  const timeoutMs = parseNonNegativeInteger('--timeout', flags.timeout) * 1000;
  const maxRetries = parseNonNegativeInteger('--retries', flags.retries);
  const maxRetryWaitMs = parseNonNegativeInteger('--max-retry-wait', flags.maxRetryWait) * 1000;
  if (format === 'absynth' && flags.model === undefined) throw new UsageError('absynth eval needs --model, the model to evaluate');
  if (flags.baseUrl !== undefined && flags.model === undefined) throw new UsageError('--base-url needs --model');
  const client =
    flags.model === undefined
      ? null
      : new LlmClient({
          baseURL: flags.baseUrl ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
          model: flags.model,
          concurrency,
          timeoutMs: timeoutMs === 0 ? 60_000 : timeoutMs,
          maxRetries,
          maxRetryWaitMs,
          temperature,
          cacheDir: flags.cache === 'none' ? null : resolve(io.cwd, flags.cache),
        });
  const out = resolve(io.cwd, flags.out);
  const progress = progressDisplay(io.stderr);
  const common = {
    out,
    client,
    concurrency,
    ...(limit === undefined ? {} : { limit }),
    suffix: flags.suffix ?? paperSuffix,
    temperature,
    retryFailed: flags.retryFailed ?? false,
    comparePaper: flags.comparePaper ?? false,
    onProgress: progress.update,
    onWarning: (message: string) => io.stderr.write(`absynth: warning: ${message}\n`),
  };
  let result: RunSummary & { report: EvalReport };
  try {
    result =
      format === 'mmsi'
        ? await evaluateMmsi({ ...common, data: resolve(io.cwd, flags.data) })
        : await evaluate({
            ...common,
            data: resolve(io.cwd, flags.data),
            scenarios: registry,
            ...(flags.modality === undefined ? {} : { modality: parseModality(flags.modality) }),
          });
  } finally {
    progress.stop();
  }
  io.stdout.write(
    runLine(result, client !== null, limit) +
      summaryLines(result.report) +
      `-> ${flags.out.replace(/[\\/]+$/, '')}/${reportFiles.markdown}, ${reportFiles.json}, ${reportFiles.html}\n`,
  );
}
