import { readFileSync } from 'node:fs';
import { UsageError } from '@absynth/core';
import { DEFAULT_SEED, exporters, modalities } from '@absynth/engine';
import { themeNames } from '@absynth/render';
import type { Registry } from '@absynth/core';
import { Command, CommanderError } from 'commander';
import { builtinModules, createRegistry } from './builtins.js';
import { describeScenario, formatDescription } from './describe.js';
import { InterruptedError } from './errors.js';
import type { ExportFlags } from './export.js';
import { exportToFormat } from './export.js';
import { type EvalFlags, runEval } from './eval.js';
import type { GenerateFlags } from './generate.js';
import { generateDataset } from './generate.js';
import { type GrowFlags, growTopicLibrary, type ProposeFlags, proposeContent } from './topics.js';
import type { CliIO, TextOutput } from './io.js';
import { listScenarios } from './list.js';
import { errorMessage } from './options.js';
import { loadPlugins } from './plugins.js';

/** Exit code for success, including `--help` and `--version`. */
export const EXIT_OK = 0;
/** Exit code for a failure while generating: a scenario bug or a file system error. */
export const EXIT_FAILURE = 1;
/** Exit code for bad input (flags, params, files, output folder); nothing was written. */
export const EXIT_USAGE = 2;

const cliVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Runs the `absynth` command line on `argv` (the arguments after the program name) and
 * returns the exit code; it never calls `process.exit`, so tests can run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const program = buildProgram({ stdout: io.stdout, stderr: io.stderr, cwd });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    // commander has already printed its own messages (usage errors, help, version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    io.stderr.write(`absynth: ${errorMessage(error)}\n`);
    if (error instanceof InterruptedError) return error.exitCode;
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  }
}

/** Where a command tree built by {@link buildProgram} writes, and the folder it resolves paths from. */
export interface ProgramContext {
  stdout: TextOutput;
  stderr: TextOutput;
  cwd: string;
}

/**
 * The Examples section that ends a command's help: commands that run as written from the
 * repository root (the docs tests run them), one per line.
 */
function examples(...commands: string[]): string {
  return `\nExamples:\n${commands.map((command) => `  ${command}`).join('\n')}`;
}

/** The endpoint the examples that need a model talk to: a local OpenAI-compatible server. */
const exampleEndpoint = '--base-url http://127.0.0.1:8000/v1';

/** Gathers a repeatable flag's values; without a default, help shows no "(default: [])". */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The `absynth` command tree: every command with its options, help texts and actions, as
 * `runCli` parses it. Exported so tests can read commander's own option definitions.
 */
export function buildProgram(context: ProgramContext): Command {
  const program = new Command('absynth')
    .description('Generate synthetic abstract images with verified questions and answers.')
    .version(cliVersion)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      examples('absynth list', 'absynth describe roadmap', 'absynth generate maze --count 10 --out data/maze'),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      // commander's messages start with "error: "; every absynth error starts with "absynth: ".
      outputError: (text, write) => write(`absynth: ${text.replace(/^error: /, '')}`),
    });

  const withPlugins = (command: Command) =>
    command.option(
      '--plugin <module>',
      'load scenarios from a package name or a path to a module or package folder (repeatable)',
      collect,
    );

  const loadScenarios = async (plugins: readonly string[] = []) => {
    const registry = createRegistry();
    const { modules, warnings } = await loadPlugins(plugins, registry, context.cwd);
    for (const warning of warnings) context.stderr.write(`absynth: warning: ${warning}\n`);
    return { registry, modules: [...builtinModules, ...modules] };
  };
  const registryWith = async (plugins: readonly string[] = []): Promise<Registry> =>
    (await loadScenarios(plugins)).registry;

  withPlugins(
    program
      .command('generate')
      .description('generate a dataset: images, questions with verified answers, and a manifest')
      .addHelpText(
        'after',
        examples(
          'absynth generate maze --count 100 --seed 7 --out data/maze',
          'absynth generate roadmap --level 5 --count 20 --param markerShare=0.2 --out data/roadmap',
          'absynth generate dots --plugin ./examples/custom-scenario --count 10 --out data/dots',
        ),
      )
      .argument('<scenario>', 'scenario id (see `absynth list`)')
      .option('-n, --count <n>', 'number of images', '10')
      .option('-s, --seed <n>', "the run's seed", String(DEFAULT_SEED))
      .option('-l, --level <1-5>', 'difficulty level', '3')
      .option('-o, --out <dir>', 'output folder (default: out/<scenario>)')
      .option(
        '-p, --param <key=value>',
        'set one param; the value is read as JSON when it parses (repeatable)',
        collect,
      )
      .option('--params <file.json>', 'params from a JSON object file; --param values override them')
      .option('--size <WxH>', 'image size in pixels, such as 640x480, or one number for a square')
      .option('--theme <name>', `colour theme: auto (one per image) or ${themeNames.join(', ')}`, 'auto')
      .option('--style <style>', 'line style: crisp or sketch', 'crisp')
      .option(
        '--modality <m>',
        `what each sample shows a model: ${modalities.join(', ')} (text and both need a scenario with a text rendering)`,
        'image',
      )
      .option('--tasks <ids>', 'only these tasks, comma-separated (default: all)')
      .option('--start <k>', 'index of the first item, to generate a later range', '0')
      .option(
        '--workers <n>',
        'worker threads that draw images in parallel, or auto (one per core, up to 8, for 64 images or more); the output is the same for any number',
        'auto',
      )
      .option('--writer <name>', 'question writer: template (offline) or llm (a model rewords questions and rationales; answers stay verified)', 'template')
      .option('--base-url <url>', 'OpenAI-compatible endpoint for --writer llm (default: $OPENAI_BASE_URL, else https://api.openai.com/v1); the key is read from $OPENAI_API_KEY')
      .option('--model <name>', 'model for --writer llm')
      .option('--concurrency <n>', 'model requests in flight at once, for --writer llm', '8')
      .option('--cache <dir>', 'folder of cached model replies for --writer llm, or none; a rerun with the cache makes no call', '.absynth-cache')
      .option('--conversation', "with --writer llm: word each image's questions as the turns of one dialogue")
      .option('--max-retry-wait <seconds>', 'with --writer llm: the longest wait a server may ask for (Retry-After) before a retry; a request asked to wait longer counts as failed (default: 60)')
      .option('--topics <file.json>', 'a grown topic library (absynth topics grow) added to the embedded one, for charts and tables')
      .option('--ideas <file.json>', 'model-proposed content (absynth propose) that charts and tables draw instead of sampled topics')
      .option('-f, --force', 'replace the dataset in a non-empty output folder'),
  ).action(async (scenarioId: string, flags: GenerateFlags & { plugin?: string[] }) => {
    const { registry, modules } = await loadScenarios(flags.plugin);
    await generateDataset(scenarioId, flags, registry, modules, context);
  });

  withPlugins(
    program
      .command('list')
      .description('list the scenarios and their tasks')
      .addHelpText(
        'after',
        examples('absynth list', 'absynth list --json', 'absynth list --plugin ./examples/custom-scenario'),
      )
      .option('--json', 'print a JSON array for scripts'),
  ).action(async (flags: { json?: boolean; plugin?: string[] }) => {
    context.stdout.write(listScenarios(await registryWith(flags.plugin), flags.json ?? false));
  });

  withPlugins(
    program
      .command('describe')
      .description('show a scenario: params, levels, tasks, and one generated question with its answer')
      .addHelpText(
        'after',
        examples(
          'absynth describe roadmap',
          'absynth describe charts --json',
          'absynth describe dots --plugin ./examples/custom-scenario',
        ),
      )
      .argument('<scenario>', 'scenario id (see `absynth list`)')
      .option('--json', 'print JSON for scripts'),
  ).action(async (scenarioId: string, flags: { json?: boolean; plugin?: string[] }) => {
    const registry = await registryWith(flags.plugin);
    const description = await describeScenario(registry.get(scenarioId));
    context.stdout.write(flags.json ? `${JSON.stringify(description, null, 2)}\n` : formatDescription(description));
  });

  const growExamples = examples(
    `absynth topics grow --count 20 --out topics.json ${exampleEndpoint} --model my-llm`,
    `absynth topics grow --count 20 --from topics.json --out topics-more.json ${exampleEndpoint} --model my-llm`,
    'absynth generate charts --topics topics-more.json --count 10 --out data/charts',
  );
  const topics = program
    .command('topics')
    .description('the topic library that charts and tables draw from')
    .addHelpText('after', growExamples);
  topics
    .command('grow')
    .description('grow the topic library with a model: new topics, validated and without near-duplicates, saved as a versioned file for generate --topics')
    .addHelpText('after', growExamples)
    .requiredOption('-n, --count <n>', 'how many new topics to keep')
    .requiredOption('-o, --out <file.json>', 'the library file to write')
    .requiredOption('--model <name>', 'the model to ask')
    .option('--base-url <url>', 'OpenAI-compatible endpoint (default: $OPENAI_BASE_URL, else https://api.openai.com/v1); the key is read from $OPENAI_API_KEY')
    .option('--from <file.json>', 'a library grown before, to grow further (its topics count as known)')
    .option('-s, --seed <n>', 'seed of the choice of example topics', '1')
    .option('--cache <dir>', 'folder of cached model replies, or none', '.absynth-cache')
    .option('--max-retry-wait <seconds>', 'the longest wait a server may ask for (Retry-After) before a retry; a request asked to wait longer counts as failed', '60')
    .option('-f, --force', 'replace an existing file')
    .action(async (flags: GrowFlags) => {
      await growTopicLibrary(flags, context);
    });

  program
    .command('propose')
    .description('ask a model for chart and table ideas with their data, validated and distinct, saved as a file for generate charts|tables --ideas')
    .addHelpText(
      'after',
      examples(
        `absynth propose --count 10 --out ideas.json ${exampleEndpoint} --model my-llm`,
        'absynth generate tables --ideas ideas.json --count 10 --out data/tables',
        'absynth generate charts --ideas ideas.json --count 10 --out data/charts',
      ),
    )
    .requiredOption('-n, --count <n>', 'how many ideas to keep')
    .requiredOption('-o, --out <file.json>', 'the file to write')
    .requiredOption('--model <name>', 'the model to ask')
    .option('--base-url <url>', 'OpenAI-compatible endpoint (default: $OPENAI_BASE_URL, else https://api.openai.com/v1); the key is read from $OPENAI_API_KEY')
    .option('--cache <dir>', 'folder of cached model replies, or none', '.absynth-cache')
    .option('--max-retry-wait <seconds>', 'the longest wait a server may ask for (Retry-After) before a retry; a request asked to wait longer counts as failed', '60')
    .option('-f, --force', 'replace an existing file')
    .action(async (flags: ProposeFlags) => {
      await proposeContent(flags, context);
    });

  program
    .command('export')
    .description("convert a dataset into another format, such as the paper's benchmark rows or training data")
    .requiredOption('--format <name>', `output format: ${Object.keys(exporters).join(', ')}`)
    .requiredOption('--data <dir>', 'the dataset folder absynth generate wrote')
    .requiredOption('--out <dir>', 'output folder: absent or empty, unless --force')
    .option('-f, --force', 'write into a non-empty output folder, replacing files of the same names')
    .option('--turns <mode>', 'llava: single (one conversation per question) or multi (one per image, its questions as turns) (default: single)')
    .option('--rationale', "llava: append each question's rationale to its answer, as the paper trained")
    .option('--shard-size <n>', 'webdataset: the most samples per tar shard (default: 1000)')
    .addHelpText('after', `\nFormats:\n${Object.values(exporters).map((e) => `  ${e.format}  ${e.summary}`).join('\n')}`)
    .addHelpText(
      'after',
      examples(
        'absynth generate maze --count 20 --out data/maze',
        'absynth export --format mmsi --data data/maze --out bench',
        'absynth export --format llava --turns multi --rationale --data data/maze --out train',
      ),
    )
    .action(async (flags: ExportFlags) => {
      await exportToFormat(flags, context);
    });


  withPlugins(
    program
      .command('eval')
      .description("evaluate a vision-language model on a dataset (or on the paper's benchmark rows with --format mmsi); resumable; writes predictions.jsonl and report.md/.json/.html")
      .addHelpText(
        'after',
        examples(
          'absynth generate tables --count 8 --out data/tables',
          `absynth eval --data data/tables --out eval ${exampleEndpoint} --model my-vlm --limit 10`,
          `absynth eval --data data/tables --out eval ${exampleEndpoint} --model my-vlm --compare-paper`,
        ),
      )
      .requiredOption('--data <dir>', 'a dataset folder, a folder of dataset folders, or (--format mmsi) a rows .jsonl file or a folder of them')
      .requiredOption('--out <dir>', 'output folder: predictions.jsonl and the report; rerunning into it resumes')
      .option('--format <name>', "absynth (datasets) or mmsi (the paper's rows: question_id, text, image, answer, type, markers)", 'absynth')
      .option('--base-url <url>', 'OpenAI-compatible endpoint (default: $OPENAI_BASE_URL, else https://api.openai.com/v1); the key is read from $OPENAI_API_KEY')
      .option('--model <name>', 'the model to evaluate (with --format mmsi and no model, the rows\' own response fields are re-scored)')
      .option('--concurrency <n>', 'questions in flight at once', '8')
      .option('--limit <n>', 'evaluate only the first n questions')
      .option('--modality <m>', "what to show: image, text or both (default: the dataset's own)")
      .option('--suffix <text>', "text appended to every question (default: the paper's answer-format suffix)")
      .option('--temperature <t>', 'sampling temperature (default: 0.2, as the paper)')
      .option('--timeout <seconds>', 'seconds one request may take, the whole reply included, before it is abandoned and retried', '60')
      .option('--retries <n>', 'retries after a timeout, a lost connection, 429 or 5xx before the question is recorded as a failure', '4')
      .option('--max-retry-wait <seconds>', 'the longest wait a server may ask for (Retry-After) before a retry; a request asked to wait longer is recorded as a failure', '60')
      .option('--retry-failed', 'ask again the questions an earlier run recorded as failures')
      .option('--compare-paper', "put the paper's published results (Table A1) beside the model's in the report")
      .option('--cache <dir>', 'folder of cached model replies, or none', 'none'),
  ).action(async (flags: EvalFlags & { plugin?: string[] }) => {
    await runEval(flags, await registryWith(flags.plugin), context);
  });

  return program;
}
