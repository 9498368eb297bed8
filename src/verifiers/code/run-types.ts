/** What a sandbox returns for one submission, before scoring (shared by the JS and Python runners). */
import type { TestStatus } from './types.js';

/** One test as a sandbox saw it. `ok` means the program finished normally; scoring decides the rest. */
export interface RawRun {
  /** `ok`, `wrong-answer` (a failed assertion), `timeout`, `memory-limit`, `runtime-error: ...`, `compile-error: ...`. */
  status: 'ok' | TestStatus;
  /** stdin/stdout tests: what the program printed. */
  stdout?: string;
  /** Call-based tests: the result as JSON text. */
  json?: string;
  /** A short explanation (the failed assertion, the exception). */
  message?: string;
  timeMs?: number;
}

/**
 * Called after each test with its raw run; returns whether the test passed, so that a runner can
 * stop at the first failure.
 */
export type Judge = (index: number, run: RawRun) => boolean;

/** Everything a runner reports for one submission. */
export interface SandboxOutcome {
  /** The solution did not compile (or the unfenced response is not code). */
  compileError?: string;
  /** One entry per test run, in order; fewer than the tests when the run stopped at a failure. */
  runs: RawRun[];
  /** CPU time the submission used in its sandbox (isolate CPU; zygote and children), ms. */
  cpuMs?: number;
}

/** Shorten a message for `details` (keeps verdicts small). */
export function shorten(s: string, max = 300): string {
  // Cut before collapsing blanks: a solution's error message can be 2^29 characters.
  const one = (s.length > 4 * max ? s.slice(0, 4 * max) : s).replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 3)}...`;
}

/** Thrown when a sandbox cannot run in this process (bubblewrap missing, no --no-node-snapshot); the verdict says why. */
export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}
