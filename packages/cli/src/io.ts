/** A stream the CLI writes text to; `process.stdout` and `process.stderr` are ones. */
export interface TextOutput {
  write(text: string): unknown;
  /** Set on terminals; the progress bar is drawn only then. */
  isTTY?: boolean;
}

/** Where one run of the CLI reads and writes: the streams and the folder paths are relative to. */
export interface CliIO {
  stdout: TextOutput;
  stderr: TextOutput;
  /** Relative `--out`, `--params` and `--plugin` paths start here; default `process.cwd()`. */
  cwd?: string;
}
