#!/usr/bin/env node
import { runCli } from './cli.js';

// `absynth list | head -1` closes the pipe early; that ends the output, it is not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
