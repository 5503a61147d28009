/**
 * An error in what the user asked for (params, flags, files). The CLI prints its message and
 * exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Params that fail the scenario's schema; `issues` name each field. */
export class ParamsError extends UsageError {
  override name = 'ParamsError';
  constructor(
    readonly scenario: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `invalid params for scenario "${scenario}":\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`,
    );
  }
}

/**
 * A scenario that produced something wrong (an invalid scene, an answer its own scorer
 * rejects, a region it did not draw). It is a bug in the scenario, reported with the item that
 * shows it.
 */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly scenario: string,
    readonly seed: number,
    readonly index: number,
    problem: string,
  ) {
    super(`scenario "${scenario}" failed at seed ${seed}, index ${index}: ${problem}`);
  }
}
