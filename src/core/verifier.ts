import type { Verdict } from './verdict.js';
import type { FormatSpec } from './format.js';

/**
 * Options every verifier understands, on top of its own.
 * They travel to worker threads, so they must be plain data (structured-cloneable).
 */
export interface CommonVerifyOptions {
  /**
   * Format gate (CrossThink's `R = R_acc & R_format`): when set, a response that does not follow
   * the declared answer format scores 0 with reason `format`. A template name (`"mcq"`,
   * `"open-ended"`, ...) or an explicit {@link FormatSpec}.
   */
  format?: FormatSpec | string;
}

/**
 * A verifier: one pipeline `extract -> parse -> compare -> Verdict`.
 *
 * `verify` must never throw for a bad response; it may throw {@link InputError} for a reference
 * or option of the wrong shape, which the batch runner reports per sample.
 */
export interface Verifier<Ref = unknown, Opts = Record<string, unknown>> {
  /** Registry name: `math`, `mcq`, `code`, `ifeval`, `similarity`, ... */
  name: string;
  /** Verify one response against its reference. */
  verify(response: string, reference: Ref, opts?: Opts & CommonVerifyOptions): Promise<Verdict>;
  /** Default per-sample time limit in milliseconds for this verifier (the runner's default otherwise). */
  defaultTimeoutMs?: number;
}
