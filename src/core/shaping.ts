/**
 * Reward shaping: from verdicts (`score` in [0, 1]) to the trainer's reward (`Verdict.reward`).
 * Pure functions over one verdict and its record's fields; the batch-level combinator (the
 * RM-gated reward) is in `src/presets/combine.ts`.
 *
 * - Overlong filtering (Nemotron-Cascade): a truncated rollout (`truncated: true` or
 *   `finish_reason: "length"`) is masked out of the update instead of being rewarded 0.
 * - DAPO soft overlong punishment: with `L_max` the maximum length and `L_cache` the buffer before it,
 *   `R_len(y) = 0` when `|y| <= L_max - L_cache`, `((L_max - L_cache) - |y|) / L_cache` when
 *   `L_max - L_cache < |y| <= L_max`, and `-1` beyond `L_max`; added to the reward.
 * - Per-reason rewards (SWE-RL gives -1 to an unparseable patch) and a weight on the score.
 */
import type { Verdict } from './verdict.js';

/** Whether a record says its response was cut off at the length limit. */
export function isTruncated(record: Record<string, unknown>): boolean {
  return record.truncated === true || record.finish_reason === 'length';
}

/**
 * The masked verdict of a truncated rollout: score 0, reason `truncated`, `mask: true`,
 * reward 0; what the verifier said is kept in `details.unmasked`.
 */
export function maskTruncated(v: Verdict): Verdict {
  const { score, pass, reason } = v;
  return { score: 0, pass: false, reason: 'truncated', mask: true, reward: 0, details: { unmasked: { score, pass, ...(reason !== undefined && { reason }) }, ...(v.details !== undefined && { verifier: v.details }) } };
}

/** DAPO's soft overlong punishment of a response of `length` (tokens) in [-1, 0]. */
export function softOverlongPenalty(length: number, maxLength: number, cacheLength: number): number {
  if (!(maxLength > 0) || !(cacheLength > 0) || cacheLength > maxLength) {
    throw new RangeError(`soft overlong needs 0 < cache_length <= max_length (max_length=${maxLength}, cache_length=${cacheLength})`);
  }
  const free = maxLength - cacheLength;
  if (length <= free) return 0;
  if (length <= maxLength) return (free - length) / cacheLength;
  return -1;
}

/** Overlong handling of a preset: mask truncated rollouts, or DAPO's soft punishment. */
export type OverlongSpec =
  | { mode: 'mask' }
  | { mode: 'soft'; max_length: number; cache_length: number; length_field?: string; mask_truncated?: boolean };

/** Shaping of a preset (`"shaping"` in `rewards/*.json`). */
export interface ShapingSpec {
  /** Reward for a verdict with this reason, instead of the weighted score (`{"format": -1}`). */
  reasons?: Record<string, number>;
  /** Weight on the score (default 1): reward = weight * score. */
  weight?: number;
  overlong?: OverlongSpec;
}

/**
 * Shape one verdict with its record: overlong masking, per-reason reward or weighted score, then
 * the soft overlong penalty. Returns a new verdict with `reward` set (the input is not changed).
 * A record without the soft overlong length field gets `invalid-input`.
 */
export function shapeVerdict(v: Verdict, record: Record<string, unknown>, spec: ShapingSpec = {}): Verdict {
  const overlong = spec.overlong;
  const maskIt = overlong?.mode === 'mask' || (overlong?.mode === 'soft' && overlong.mask_truncated === true);
  if (maskIt && isTruncated(record)) return maskTruncated(v);
  if (v.mask === true) return { ...v, reward: 0 };
  const byReason = v.reason !== undefined ? spec.reasons?.[v.reason] : undefined;
  let reward = byReason ?? (v.reward ?? v.score) * (spec.weight ?? 1);
  if (overlong?.mode === 'soft') {
    const field = overlong.length_field ?? 'response_length';
    const length = record[field];
    if (typeof length !== 'number' || !Number.isFinite(length) || length < 0) {
      // This sample's fault only; a batch where no record has the field is a set-up error (shapeBatch throws).
      return { score: 0, pass: false, reason: 'invalid-input', error: `soft overlong punishment needs a numeric "${field}" field (got ${JSON.stringify(length)})`, reward: 0 };
    }
    reward += softOverlongPenalty(length, overlong.max_length, overlong.cache_length);
  }
  return { ...v, reward };
}
