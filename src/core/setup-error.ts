/**
 * A set-up mistake (a verifier module that cannot be loaded, a model directory that does not
 * exist, a backend that is not available) is not a sample's fault: it must fail the call loudly,
 * never become zero rewards. Code that turns errors into per-sample verdicts rethrows these.
 */

/** An error in the caller's set-up, with a message naming what to fix. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Whether `err` is a {@link SetupError} (also across module copies, by name). */
export function isSetupError(err: unknown): err is SetupError {
  return err instanceof SetupError || (err as Error | null)?.name === 'SetupError';
}
