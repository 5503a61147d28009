import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyScenario, Registry } from '@absynth/core';
import { isScenario, scenarioProblems, UsageError } from '@absynth/core';
import { resolve as resolveModuleUrl } from 'import-meta-resolve';
import { errorMessage } from './options.js';

/** What loading a plugin found: its scenarios, and the exports that tried to be one and failed. */
export interface PluginContents {
  scenarios: AnyScenario[];
  rejected: { exportName: string; problems: string[] }[];
}

/**
 * Loads each plugin and registers every scenario it exports. Throws a {@link UsageError}
 * naming the plugin when it cannot be found or imported, or exports no valid scenario.
 * Returns the plugins' module URLs (for worker threads to import) and warnings about exports
 * that look like scenarios but break the contract.
 */
export async function loadPlugins(
  specs: readonly string[],
  registry: Registry,
  cwd: string,
): Promise<{ modules: string[]; warnings: string[] }> {
  const warnings: string[] = [];
  const modules: string[] = [];
  for (const spec of specs) {
    const url = resolvePlugin(spec, cwd);
    modules.push(url);
    let module: Record<string, unknown>;
    try {
      module = (await import(url)) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`cannot load plugin "${spec}": ${errorMessage(error)}`);
    }
    const { scenarios, rejected } = scanPlugin(module);
    if (scenarios.length === 0) throw new UsageError(noScenarioMessage(spec, module, rejected));
    for (const { exportName, problems } of rejected) {
      warnings.push(
        `plugin "${spec}": export "${exportName}" is not a valid scenario and was skipped: ${problems.join('; ')}`,
      );
    }
    try {
      registry.use(...scenarios);
    } catch (error) {
      throw new UsageError(`plugin "${spec}": ${errorMessage(error)}`);
    }
  }
  return { modules, warnings };
}

/**
 * Sorts a plugin module's exports into scenarios and failed attempts. A default export may be
 * a scenario or an array of them.
 */
export function scanPlugin(module: Record<string, unknown>): PluginContents {
  const scenarios: AnyScenario[] = [];
  const rejected: PluginContents['rejected'] = [];
  const consider = (exportName: string, value: unknown) => {
    if (isScenario(value)) {
      if (!scenarios.includes(value)) scenarios.push(value);
    } else if (looksLikeScenario(value)) {
      rejected.push({ exportName, problems: scenarioProblems(value) });
    }
  };
  for (const [exportName, value] of Object.entries(module)) {
    if (exportName === 'default' && Array.isArray(value)) {
      for (const [i, item] of value.entries()) consider(`default[${i}]`, item);
    } else {
      consider(exportName, value);
    }
  }
  return { scenarios, rejected };
}

/** An object with any of the fields every scenario has: a scenario written wrongly, not a helper. */
function looksLikeScenario(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return 'id' in value || 'sample' in value || 'tasks' in value;
}

function noScenarioMessage(
  spec: string,
  module: Record<string, unknown>,
  rejected: PluginContents['rejected'],
): string {
  if (rejected.length === 0) {
    const names = Object.keys(module).sort();
    return `plugin "${spec}" exports no scenario; export one made by defineScenario from @absynth/core (its exports: ${
      names.length > 0 ? names.join(', ') : 'none'
    })`;
  }
  const details = rejected.map(
    ({ exportName, problems }) => `  export "${exportName}":\n${problems.map((p) => `    - ${p}`).join('\n')}`,
  );
  return `plugin "${spec}" exports no valid scenario:\n${details.join('\n')}`;
}

/**
 * The file URL of a plugin. A path (`./x.mjs`, `../pkg`, `/abs`) is resolved against `cwd`, a
 * folder through its package.json; a package name is resolved as an `import` from `cwd` would
 * resolve it (Node's algorithm, by `import-meta-resolve`), so a plugin installed in the user's
 * project is found, and next to the CLI last.
 */
export function resolvePlugin(spec: string, cwd: string): string {
  if (spec.startsWith('file:')) return resolvePath(fileURLToPath(spec), spec);
  if (looksLikePath(spec)) return resolvePath(resolve(cwd, spec), spec);
  const fromProject = resolveImport(spec, pathToFileURL(join(cwd, 'noop.js')).href);
  if (fromProject.url !== undefined) return fromProject.url;
  // Next to the CLI: its own dependencies, or a global install's siblings.
  const fromCli = resolveImport(spec, import.meta.url);
  if (fromCli.url !== undefined) return fromCli.url;
  // A bare file name such as `dots.mjs` is meant as a path when no package has that name.
  if (existsSync(resolve(cwd, spec))) return resolvePath(resolve(cwd, spec), spec);
  // A package that is there but does not export what was asked for says so.
  const reason = fromProject.notFound ? `no such package in the node_modules folders above ${cwd}` : fromProject.error;
  throw new UsageError(`cannot find plugin "${spec}": ${reason}; give a path such as ./${spec} for a file`);
}

/** Resolves an import specifier from `parent`: the URL, or why not, and whether the package is missing. */
function resolveImport(spec: string, parent: string): { url?: string; error: string; notFound: boolean } {
  try {
    return { url: resolveModuleUrl(spec, parent), error: '', notFound: false };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { error: errorMessage(error), notFound: code === 'ERR_MODULE_NOT_FOUND' };
  }
}

function looksLikePath(spec: string): boolean {
  return spec === '.' || spec === '..' || /^\.\.?[\\/]/.test(spec) || isAbsolute(spec);
}

/**
 * The module a path names: a file as it is; a folder through its package.json, resolved the
 * way the package resolves its own name (its `exports`), else its `main`, else `index.js`.
 */
function resolvePath(path: string, spec: string): string {
  if (!existsSync(path)) throw new UsageError(`cannot find plugin "${spec}": ${path} does not exist`);
  if (!statSync(path).isDirectory()) return pathToFileURL(path).href;
  const manifest = join(path, 'package.json');
  let pkg: { name?: unknown; exports?: unknown; main?: unknown } = {};
  if (existsSync(manifest)) {
    try {
      pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot load plugin "${spec}": ${manifest} is not valid JSON (${errorMessage(error)})`);
    }
  }
  const entry =
    typeof pkg.name === 'string' && pkg.exports != null
      ? resolveImport(pkg.name, pathToFileURL(manifest).href).url
      : [typeof pkg.main === 'string' ? pkg.main : undefined, 'index.js', 'index.mjs']
          .filter((file): file is string => file !== undefined)
          .map((file) => resolve(path, file))
          .find((file) => existsSync(file) && statSync(file).isFile());
  if (entry === undefined) {
    throw new UsageError(
      `cannot load plugin "${spec}": the folder ${path} has no package.json entry point (exports or main) for import`,
    );
  }
  return entry.startsWith('file:') ? entry : pathToFileURL(entry).href;
}
