export { builtinScenarios, createRegistry } from './builtins.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './cli.js';
export type { CliIO, TextOutput } from './io.js';
export type { PluginContents } from './plugins.js';
export { loadPlugins, resolvePlugin, scanPlugin } from './plugins.js';
