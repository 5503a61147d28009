import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyScenario, Registry } from '@absynth/core';
import { isScenario, scenarioProblems, UsageError } from '@absynth/core';
import { errorMessage } from './options.js';

/** The export conditions a plugin is resolved with: those of an ESM `import` in Node. */
const importConditions = ['import', 'node', 'default'];

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
 * folder through its package.json; a package name is looked up in the `node_modules` folders
 * above `cwd` first, so a plugin installed in the user's project is found, and next to the CLI
 * last.
 */
export function resolvePlugin(spec: string, cwd: string): string {
  if (spec.startsWith('file:')) return resolvePath(fileURLToPath(spec), spec);
  if (looksLikePath(spec)) return resolvePath(resolve(cwd, spec), spec);

  const found =
    resolveInNodeModules(spec, cwd) ??
    // Covers lookups the walk above does not model, such as NODE_PATH.
    orUndefined(() => createRequire(join(cwd, 'noop.js')).resolve(spec)) ??
    // Next to the CLI: its own dependencies, or a global install's siblings.
    orUndefined(() => fileURLToPath(import.meta.resolve(spec)));
  if (found !== undefined) return pathToFileURL(found).href;
  // A bare file name such as `dots.mjs` is meant as a path when no package has that name.
  if (existsSync(resolve(cwd, spec))) return resolvePath(resolve(cwd, spec), spec);
  throw new UsageError(
    `cannot find plugin "${spec}": no such package in the node_modules folders above ${cwd}; ` +
      `give a path such as ./${spec} for a file`,
  );
}

function orUndefined<T>(attempt: () => T): T | undefined {
  try {
    return attempt();
  } catch {
    return undefined;
  }
}

function looksLikePath(spec: string): boolean {
  return spec === '.' || spec === '..' || /^\.\.?[\\/]/.test(spec) || isAbsolute(spec);
}

function resolvePath(path: string, spec: string): string {
  if (!existsSync(path)) throw new UsageError(`cannot find plugin "${spec}": ${path} does not exist`);
  if (!statSync(path).isDirectory()) return pathToFileURL(path).href;
  const entry = packageEntry(path, '.');
  if (entry === undefined) {
    throw new UsageError(
      `cannot load plugin "${spec}": the folder ${path} has no package.json entry point (exports or main)`,
    );
  }
  return pathToFileURL(entry).href;
}

/**
 * Finds `name[/subpath]` in the `node_modules` folders from `cwd` up to the root; `undefined`
 * when no such package is installed there.
 */
function resolveInNodeModules(spec: string, cwd: string): string | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const packageDir = join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(join(packageDir, 'package.json'))) {
      const entry = packageEntry(packageDir, subpath);
      if (entry === undefined) {
        throw new UsageError(
          `cannot load plugin "${spec}": the package in ${packageDir} exports no "${subpath}" for import`,
        );
      }
      return entry;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

interface PackageJson {
  exports?: unknown;
  main?: unknown;
}

const fileSuffixes = ['', '.js', '.mjs', '/index.js'];

/** The file a package folder's `subpath` (`.` or `./x`) points at, read from its package.json. */
function packageEntry(packageDir: string, subpath: string): string | undefined {
  let pkg: PackageJson = {};
  try {
    pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    // No or unreadable package.json: a plain folder, found by its index file below.
  }
  if (pkg.exports !== undefined && pkg.exports !== null) {
    const target = exportTarget(pkg.exports, subpath);
    return target === undefined ? undefined : inside(packageDir, target);
  }
  if (subpath !== '.') return firstExisting(inside(packageDir, subpath), fileSuffixes);
  if (typeof pkg.main === 'string') {
    const main = firstExisting(inside(packageDir, pkg.main), fileSuffixes);
    if (main !== undefined) return main;
  }
  return firstExisting(join(packageDir, 'index'), ['.js', '.mjs']);
}

/** Node's `exports` lookup for the conditions of `import`: subpath keys, `*` patterns, conditions. */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  const isSubpathMap =
    typeof exports === 'object' &&
    exports !== null &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? conditionalTarget(exports, '') : undefined;
  const map = exports as Record<string, unknown>;
  if (subpath in map) return conditionalTarget(map[subpath], '');
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const before = key.slice(0, star);
    const after = key.slice(star + 1);
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= before.length + after.length) {
      return conditionalTarget(value, subpath.slice(before.length, subpath.length - after.length));
    }
  }
  return undefined;
}

function conditionalTarget(target: unknown, match: string): string | undefined {
  if (typeof target === 'string') return target.replaceAll('*', match);
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = conditionalTarget(item, match);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    for (const [condition, value] of Object.entries(target)) {
      if (!importConditions.includes(condition)) continue;
      const found = conditionalTarget(value, match);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** `relative` inside the package folder, or `undefined` when it escapes it (Node refuses those too). */
function inside(packageDir: string, relative: string): string | undefined {
  const path = resolve(packageDir, relative);
  return path === packageDir || path.startsWith(packageDir + sep) ? path : undefined;
}

function firstExisting(base: string | undefined, suffixes: readonly string[]): string | undefined {
  if (base === undefined) return undefined;
  for (const suffix of suffixes) {
    const candidate = base + suffix;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
