/**
 * The patch verifier's run summary for `rewards score`: running totals only (mean similarity,
 * exact matches, failure kinds), so a run of any length keeps no verdict.
 */
import type { Verdict } from '../../core/verdict.js';
import type { VerifierSummary } from '../../core/registry.js';

/** Start an empty patch summary: `add` each verdict, then `lines()`. */
export function createSummary(): VerifierSummary {
  let n = 0;
  let sum = 0;
  let identical = 0;
  const reasons = new Map<string, number>();
  return {
    add(v: Verdict) {
      n += 1;
      sum += v.score;
      if (v.pass) identical += 1;
      if (v.reason) reasons.set(v.reason, (reasons.get(v.reason) ?? 0) + 1);
    },
    lines() {
      if (!n) return [];
      const count = (r: string): number => reasons.get(r) ?? 0;
      return [
        `patch: mean similarity ${(sum / n).toFixed(4)}, identical to gold ${identical}/${n}, ` +
          `unparseable (format) ${count('format')}, no change ${count('no-change')}, partial ${count('not-equivalent')}`,
      ];
    },
  };
}

/** Lines `rewards score` prints for a patch run: mean similarity, exact matches, and the failure kinds. */
export function summarize(verdicts: readonly Verdict[]): string[] {
  const s = createSummary();
  for (const v of verdicts) s.add(v);
  return s.lines();
}
