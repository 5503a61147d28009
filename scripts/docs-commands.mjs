// Every `absynth` command the README, the package READMEs, the examples' READMEs and docs/*.md
// show, run verbatim in a fresh install: scripts/pack-smoke.mjs calls runDocsCommands in a
// project that installed the packed tarballs. Commands are taken from ```sh (or bash, shell,
// console) blocks; a line is a command when, after any `NAME=value` prefixes and `npx`, it
// starts with `absynth`. The commands of one file run in order in a folder of their own (so a
// later command finds what an earlier one wrote), with ./examples/custom-scenario beside them.
// Commands that need a model reach a loopback model (@absynth/testkit/loopback) at
// http://127.0.0.1:8000/v1, which the docs name as a local endpoint, and through
// $OPENAI_BASE_URL for the ones that name none.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The markdown files whose commands must run, relative to `root`. */
export function docsFiles(root) {
  const readmes = (dir) =>
    readdirSync(join(root, dir))
      .map((name) => `${dir}/${name}/README.md`)
      .filter((path) => existsSync(join(root, path)));
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', ...readmes('packages'), ...readmes('examples'), ...docs];
}

const shellFences = new Set(['sh', 'bash', 'shell', 'console']);

/** The absynth commands of one markdown text, with their line numbers. */
export function commandsIn(markdown) {
  const commands = [];
  let fence = null;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const opening = /^\s*```+\s*([\w-]*)/.exec(line);
    if (opening !== null) {
      fence = fence === null ? opening[1].toLowerCase() : null;
      continue;
    }
    if (fence === null || !shellFences.has(fence)) continue;
    let command = line.replace(/^\s*\$\s+/, '').trim();
    const at = i + 1;
    while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1).trim()} ${lines[++i].trim()}`;
    if (/^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:npx\s+)?absynth(?:\s|$)/.test(command)) commands.push({ line: at, command });
  }
  return commands;
}

/** Runs one command in `cwd` with `sh -c`; resolves with its exit code and output. */
function run(command, cwd, env) {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // A guard against a hang, not a speed check.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20 * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code: code ?? (signal ? `killed by ${signal}` : 1), output });
    });
  });
}

/**
 * Runs every docs command of the repository at `root` in `project` (a folder where the packed
 * packages are installed); each command's output is kept to report it when it fails, and after
 * the last command it throws naming the file, line and command of every one that failed. Returns
 * how many commands ran.
 */
export async function runDocsCommands({ root, project, log = (line) => process.stdout.write(`${line}\n`) }) {
  const { absynthReply, startLoopbackModel } = await import('@absynth/testkit/loopback');
  let model;
  try {
    model = await startLoopbackModel(absynthReply, { port: 8000 });
  } catch (error) {
    throw new Error(`docs commands: cannot start the loopback model on 127.0.0.1:8000, which the docs name (${error.message}); stop what holds the port`);
  }
  let ran = 0;
  const failures = [];
  try {
    const env = {
      ...process.env,
      PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH}`,
      OPENAI_BASE_URL: model.baseURL,
      // npx must use the installed bin, never fetch a package of that name.
      npm_config_offline: 'true',
      NO_COLOR: '1',
    };
    delete env.OPENAI_API_KEY;
    // ABSYNTH_DOCS_FILES=a.md,b.md runs only those files' commands, when working on them.
    const only = process.env.ABSYNTH_DOCS_FILES?.split(',');
    for (const file of docsFiles(root).filter((f) => only === undefined || only.includes(f))) {
      const commands = commandsIn(readFileSync(join(root, file), 'utf8'));
      if (commands.length === 0) continue;
      const cwd = join(project, 'docs-runs', file.replace(/[/.]/g, '-'));
      mkdirSync(join(cwd, 'examples'), { recursive: true });
      cpSync(join(root, 'examples', 'custom-scenario', 'package.json'), join(cwd, 'examples', 'custom-scenario', 'package.json'));
      cpSync(join(root, 'examples', 'custom-scenario', 'dist'), join(cwd, 'examples', 'custom-scenario', 'dist'), { recursive: true });
      for (const { line, command } of commands) {
        const started = performance.now();
        const result = await run(command, cwd, env);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (result.code !== 0) {
          failures.push(`${file}:${line}: \`${command}\` exited ${result.code} in ${relative(project, cwd)}:\n${result.output.trim()}`);
          log(`docs commands: ${file}:${line} FAILED (${seconds} s): ${command}`);
          continue;
        }
        ran++;
        log(`docs commands: ${file}:${line} ok (${seconds} s): ${command}`);
      }
    }
  } finally {
    await model.close();
  }
  if (failures.length > 0) throw new Error(`${failures.length} commands of the docs failed:\n\n${failures.join('\n\n')}`);
  return ran;
}
