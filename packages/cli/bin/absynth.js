#!/usr/bin/env node
// The `absynth` command. It is committed (not built) so that `npm ci` links it into
// node_modules/.bin in a clone; it runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('absynth: the CLI is not built yet: run `npm run build` at the root of the repository first\n');
  process.exit(1);
}
await import(built.href);
