/**
 * The result of verifying one response against one reference.
 *
 * `score` is always a finite number in [0, 1]. `pass` is true when the verifier considers the
 * response correct (for all-or-nothing verifiers, exactly when `score === 1`).
 */
export interface Verdict {
  /** Reward in [0, 1]; partial credit where the verifier defines it. */
  score: number;
  /** Whether the response is counted as correct. */
  pass: boolean;
  /** What was read from the response; absent when nothing could be extracted. */
  extracted?: string;
  /**
   * Why the response did not pass, as a short machine-readable code: `no-answer`,
   * `not-equivalent`, `ambiguous`, `format`, `timeout`, `memory-limit`, `invalid-input`,
   * `verifier-error`, or a verifier-specific code.
   */
  reason?: string;
  /** Human-readable explanation when the sample itself was bad (wrong reference shape, ...). */
  error?: string;
  /** Verifier-specific details (per-instruction results, per-test results, ...). */
  details?: unknown;
  /**
   * Leave this sample out of the policy update and of group statistics (set by reward shaping,
   * e.g. a truncated rollout under overlong filtering). Absent means false.
   */
  mask?: boolean;
  /**
   * The trainer's shaped reward, set by a preset's shaping or combinator (`rewards/*.json`); any
   * finite number (e.g. -1 for an unparseable patch, up to 2 for the RM-gated IF reward). `score`
   * stays the verifier's judgement in [0, 1]; absent means the reward is the score.
   */
  reward?: number;
}

/** Reason codes shared by every verifier. */
export const Reasons = {
  noAnswer: 'no-answer',
  notEquivalent: 'not-equivalent',
  ambiguous: 'ambiguous',
  format: 'format',
  timeout: 'timeout',
  memoryLimit: 'memory-limit',
  /** The response (or its answer) is over a verifier's documented input cap: not read, a judged 0. */
  tooLong: 'too-long',
  invalidInput: 'invalid-input',
  verifierError: 'verifier-error',
} as const;

/** A verdict that scores 0 with the given reason and optional extra fields. */
export function failVerdict(reason: string, extra: Omit<Verdict, 'score' | 'pass' | 'reason'> = {}): Verdict {
  return { score: 0, pass: false, reason, ...extra };
}

/** A verdict that scores 1 (a pass), with optional extra fields. */
export function passVerdict(extra: Omit<Verdict, 'score' | 'pass'> = {}): Verdict {
  return { score: 1, pass: true, ...extra };
}

/**
 * Thrown by a verifier (or its reference check) when a sample's input has the wrong shape.
 * The batch runner turns it into `{ score: 0, reason: 'invalid-input', error: message }`.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Clamp whatever a verifier returned into a well-formed verdict: a score outside [0, 1] or not a
 * finite number is clamped (NaN becomes 0), and `pass` is forced to a boolean.
 */
export function normalizeVerdict(v: unknown): Verdict {
  if (v === null || typeof v !== 'object') {
    return failVerdict(Reasons.verifierError, { error: 'verifier returned no verdict' });
  }
  const raw = v as Partial<Verdict>;
  let score = typeof raw.score === 'number' && Number.isFinite(raw.score) ? raw.score : 0;
  score = Math.min(1, Math.max(0, score));
  const out: Verdict = { ...raw, score, pass: raw.pass === true };
  // A shaped reward may be any finite number; anything else is dropped (the reward is then the score).
  if ('reward' in out && (typeof out.reward !== 'number' || !Number.isFinite(out.reward))) delete out.reward;
  if ('mask' in out && typeof out.mask !== 'boolean') delete out.mask;
  return out;
}

/**
 * Reasons that mean the verifier could not judge the sample at all (the reference or the set-up is
 * at fault, or the verifier failed), as opposed to a judged wrong answer. A trainer should drop such
 * a sample rather than train on its 0. `timeout` and `memory-limit` are the response's own fault
 * (a hanging program, a pathological answer) and count as judged.
 */
export const ERROR_REASONS: ReadonlySet<string> = new Set([
  Reasons.invalidInput,
  Reasons.verifierError,
  'sandbox-error',
  // similarity set-up mistakes (no response embedding, a malformed one, dimensions that differ):
  // the sample was not judged, so a trainer must be able to drop it rather than train on its 0
  'missing-embedding',
  'invalid-embedding',
  'dimension-mismatch',
]);

/** How a verdict ended: `pass`, `fail` (judged wrong), or `error` (not judged; see {@link ERROR_REASONS}). */
export type VerdictOutcome = 'pass' | 'fail' | 'error';

/** Classify a verdict as `pass`, `fail` (a judged wrong answer) or `error` (the sample could not be judged). */
export function verdictOutcome(v: Verdict): VerdictOutcome {
  if (v.pass) return 'pass';
  return v.reason !== undefined && ERROR_REASONS.has(v.reason) ? 'error' : 'fail';
}
