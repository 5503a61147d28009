import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
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
  if (fromProject.url !== undefined) return existingEntry(fromProject.url, spec, cwd);
  // Next to the CLI: its own dependencies, or a global install's siblings.
  const fromCli = resolveImport(spec, import.meta.url);
  if (fromCli.url !== undefined) return existingEntry(fromCli.url, spec, cwd);
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

/** The package name of a bare specifier: `@scope/name` or `name`, without a subpath. */
function packageName(spec: string): string {
  const parts = spec.split('/');
  return (spec.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
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
  const pkg = existsSync(manifest) ? readManifest(manifest, spec) : {};
  const entry =
    typeof pkg.name === 'string' && pkg.exports != null
      ? resolveImport(pkg.name, pathToFileURL(manifest).href).url
      : [typeof pkg.main === 'string' ? pkg.main : undefined, 'index.js', 'index.mjs']
          .filter((file): file is string => file !== undefined)
          .map((file) => resolve(path, file))
          .find((file) => existsSync(file) && statSync(file).isFile());
  const url = entry === undefined ? undefined : entry.startsWith('file:') ? entry : pathToFileURL(entry).href;
  if (url === undefined || !existsSync(fileURLToPath(url))) {
    throw new UsageError(
      missingEntryMessage(spec, path, pkg) ??
        `cannot load plugin "${spec}": the folder ${path} has no package.json entry point (exports or main) for import`,
    );
  }
  return url;
}

/**
 * The URL a package name resolved to, when its file is there; else a {@link UsageError} saying
 * that the package's entry is missing (it was not built).
 */
function existingEntry(url: string, spec: string, cwd: string): string {
  if (!url.startsWith('file:') || existsSync(fileURLToPath(url))) return url;
  const installed = installedPackage(packageName(spec), cwd);
  const message =
    installed === undefined || spec !== packageName(spec)
      ? undefined
      : missingEntryMessage(spec, installed, readManifest(join(installed, 'package.json'), spec));
  throw new UsageError(message ?? `cannot load plugin "${spec}": ${fileURLToPath(url)} does not exist; build the package first`);
}

/** The fields of a package.json that locate its entry. */
interface PackageManifest {
  name?: unknown;
  exports?: unknown;
  main?: unknown;
  scripts?: unknown;
}

function readManifest(manifest: string, spec: string): PackageManifest {
  try {
    return JSON.parse(readFileSync(manifest, 'utf8')) as PackageManifest;
  } catch (error) {
    throw new UsageError(`cannot load plugin "${spec}": ${manifest} is not valid JSON (${errorMessage(error)})`);
  }
}

/**
 * When a package names an entry file (through `exports` or `main`) that is not there, most often
 * because the package was not built, the message that says so; else undefined.
 */
function missingEntryMessage(spec: string, folder: string, pkg: PackageManifest): string | undefined {
  const declared = pkg.exports != null ? exportedEntry(pkg.exports) : typeof pkg.main === 'string' ? pkg.main : undefined;
  if (declared === undefined || existsSync(resolve(folder, declared))) return undefined;
  const scripts = typeof pkg.scripts === 'object' && pkg.scripts !== null ? (pkg.scripts as Record<string, unknown>) : {};
  const how = typeof scripts.build === 'string' ? ' (npm run build)' : '';
  return `plugin "${spec}": its entry ${declared} does not exist; build the package first${how}`;
}

/** The file the `.` entry of an `exports` field gives an `import` in Node, if it names one. */
function exportedEntry(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (Array.isArray(exports)) return exports.map(exportedEntry).find((target) => target !== undefined);
  if (typeof exports !== 'object' || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (keys.some((key) => key.startsWith('.'))) return '.' in map ? exportedEntry(map['.']) : undefined;
  // Conditions, in the package's order; the ones Node's `import` matches.
  const matched = keys.find((key) => key === 'import' || key === 'node' || key === 'default');
  return matched === undefined ? undefined : exportedEntry(map[matched]);
}

/** The folder of package `name` as Node would find it from `cwd`: in the nearest node_modules that has it. */
function installedPackage(name: string, cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const folder = join(dir, 'node_modules', name);
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(dir) === dir) return undefined;
  }
}
