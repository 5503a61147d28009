/**
 * A run stopped by a signal (Ctrl-C is SIGINT): the CLI exits with 128 + the signal's number,
 * as shells report a process a signal ended, after removing what the run had staged.
 */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(
    readonly signal: NodeJS.Signals,
    message = `interrupted by ${signal}`,
  ) {
    super(message);
  }

  /** 130 for SIGINT, 143 for SIGTERM. */
  get exitCode(): number {
    return 128 + (this.signal === 'SIGTERM' ? 15 : 2);
  }
}
