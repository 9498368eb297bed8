/**
 * GRPO group statistics: a group is the rollouts of one prompt, keyed by a record field (`group`,
 * `uid`, `prompt_id`, ...). Per group: n, mean, std, unbiased pass@k for k = 1..n (Chen et al.
 * 2021), and whether the group is all correct or all wrong (DAPO / Cascade drop such groups: they
 * carry no advantage signal). Masked verdicts (`mask: true`, e.g. truncated rollouts) are left out.
 */
import type { Verdict } from './verdict.js';

/** Statistics of one group. */
export interface GroupStats {
  /** The group key, as a string (`String(value)`; a missing key is `"undefined"`). */
  key: string;
  /** Unmasked samples. */
  n: number;
  /** Samples left out because their verdict has `mask: true`. */
  masked: number;
  /** Passing samples among the n. */
  correct: number;
  /** Mean of the value (score, or reward when asked) over the n; NaN when n = 0. */
  mean: number;
  /** Sample standard deviation (n - 1 denominator, like torch.std in GRPO); 0 when n < 2. */
  std: number;
  /** `passAtK[k - 1]` = unbiased pass@k for k = 1..n. */
  passAtK: number[];
  allCorrect: boolean;
  allWrong: boolean;
}

/** Which number of a verdict the statistics use. */
export type GroupValue = 'score' | 'reward';

/**
 * Unbiased pass@k (Chen et al. 2021): `1 - C(n - c, k) / C(n, k)`, for n samples of which c are
 * correct, computed as `1 - prod_{i = n-c+1..n} (1 - k / i)` (no overflow for large n).
 * Throws on k outside 1..n or c outside 0..n.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || k < 1 || k > n || c < 0 || c > n) {
    throw new RangeError(`pass@k needs integers 1 <= k <= n and 0 <= c <= n (n=${n}, c=${c}, k=${k})`);
  }
  if (n - c < k) return 1;
  let prod = 1;
  for (let i = n - c + 1; i <= n; i++) prod *= 1 - k / i;
  return 1 - prod;
}

/** Mean and sample standard deviation (n - 1) of a list; std is 0 below two values. */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const n = xs.length;
  if (n === 0) return { mean: NaN, std: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, std: 0 };
  const ss = xs.reduce((s, x) => s + (x - mean) * (x - mean), 0);
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}

/** Indices of each group, in first-seen order of the keys. */
export function groupIndices(groups: readonly unknown[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const key = String(g);
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  });
  return out;
}

/**
 * Per-group statistics of `verdicts`, grouped by the parallel array `groups` (same length).
 * `value` picks the number averaged: `score` (default) or `reward` (falling back to score).
 */
export function groupStats(verdicts: readonly Verdict[], groups: readonly unknown[], value: GroupValue = 'score'): GroupStats[] {
  if (verdicts.length !== groups.length) throw new Error(`groupStats: ${verdicts.length} verdicts but ${groups.length} group keys`);
  const out: GroupStats[] = [];
  for (const [key, idx] of groupIndices(groups)) {
    const kept = idx.map((i) => verdicts[i]!).filter((v) => v.mask !== true);
    const n = kept.length;
    const correct = kept.filter((v) => v.pass).length;
    const { mean, std } = meanStd(kept.map((v) => (value === 'reward' ? (v.reward ?? v.score) : v.score)));
    const passK: number[] = [];
    for (let k = 1; k <= n; k++) passK.push(passAtK(n, correct, k));
    out.push({ key, n, masked: idx.length - n, correct, mean, std, passAtK: passK, allCorrect: n > 0 && correct === n, allWrong: n > 0 && correct === 0 });
  }
  return out;
}

/**
 * z-scores of `values` within each group: `(x - mean) / (std + eps)` over the group's entries
 * that are finite and not excluded; excluded or non-finite entries get NaN. A group whose values
 * are all equal gets 0 for each.
 */
export function groupZScores(values: readonly number[], groups: readonly unknown[], exclude: readonly boolean[] = [], eps = 1e-6): number[] {
  if (values.length !== groups.length) throw new Error(`groupZScores: ${values.length} values but ${groups.length} group keys`);
  const z = values.map(() => NaN);
  for (const idx of groupIndices(groups).values()) {
    const used = idx.filter((i) => !exclude[i] && Number.isFinite(values[i]));
    const { mean, std } = meanStd(used.map((i) => values[i]!));
    for (const i of used) z[i] = (values[i]! - mean) / (std + eps);
  }
  return z;
}
