import { resolve } from 'node:path';
import { LlmClient, type Registry, UsageError } from '@absynth/core';
import { evaluate, evaluateMmsi, type EvalReport, paperSuffix, paperTemperature, reportFiles } from '@absynth/eval';
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

/** One line per scenario and the mean, for the terminal. */
function summaryLines(report: EvalReport): string {
  const lines = report.scenarios.map((s) => {
    const extra = [s.routes === null ? '' : `, route score ${fmt(s.routes.meanScore)}`, s.captions === null ? '' : `, caption ROUGE-L ${s.captions.rougeL?.toFixed(3) ?? '–'}`].join('');
    return `  ${s.scenario}: ${fmt(s.accuracy)} (${s.answered}/${s.questions}${s.failures > 0 ? `, ${s.failures} failures` : ''}${extra})\n`;
  });
  return `${lines.join('')}  mean over scenarios: ${fmt(report.mean)}\n`;
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
          temperature,
          cacheDir: flags.cache === 'none' ? null : resolve(io.cwd, flags.cache),
        });
  const out = resolve(io.cwd, flags.out);
  let lastShown = 0;
  const common = {
    out,
    client,
    concurrency,
    ...(limit === undefined ? {} : { limit }),
    suffix: flags.suffix ?? paperSuffix,
    temperature,
    retryFailed: flags.retryFailed ?? false,
    comparePaper: flags.comparePaper ?? false,
    onProgress: (p: { done: number; failed: number }) => {
      const now = performance.now();
      if (now - lastShown > 2000) {
        lastShown = now;
        io.stderr.write(`absynth: ${p.done} answered${p.failed > 0 ? ` (${p.failed} failures)` : ''}\n`);
      }
    },
  };
  const result =
    format === 'mmsi'
      ? await evaluateMmsi({ ...common, data: resolve(io.cwd, flags.data) })
      : await evaluate({
          ...common,
          data: resolve(io.cwd, flags.data),
          scenarios: registry,
          ...(flags.modality === undefined ? {} : { modality: parseModality(flags.modality) }),
        });
  const rate = result.seconds > 0 ? result.asked / result.seconds : 0;
  io.stdout.write(
    `eval: ${result.asked} asked (${result.failed} failures), ${result.skipped} already answered, in ${result.seconds.toFixed(1)} s (${rate.toFixed(1)} questions/s)\n` +
      summaryLines(result.report) +
      `-> ${flags.out.replace(/[\\/]+$/, '')}/${reportFiles.markdown}, ${reportFiles.json}, ${reportFiles.html}\n`,
  );
}
