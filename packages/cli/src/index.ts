export { builtinCatalog, builtinScenarios, createRegistry } from './builtins.js';
export type { CatalogEntry } from './catalog.js';
export { scenarioCatalog } from './catalog.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './cli.js';
export type { CliIO, TextOutput } from './io.js';
export type { PluginContents } from './plugins.js';
export { loadPlugins, resolvePlugin, scanPlugin } from './plugins.js';
