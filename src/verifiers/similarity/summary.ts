/**
 * The similarity verifier's run summary for `rewards score`: running totals only (pass rate,
 * mean score and cosine, failure reasons), so a run of any length keeps no verdict.
 */
import type { Verdict } from '../../core/verdict.js';
import type { VerifierSummary } from '../../core/registry.js';

/** Start an empty similarity summary: `add` each verdict, then `lines()`. */
export function createSummary(): VerifierSummary {
  let n = 0;
  let passed = 0;
  let scoreSum = 0;
  let cosines = 0;
  let cosineSum = 0;
  const reasons = new Map<string, number>();
  return {
    add(v: Verdict) {
      n += 1;
      if (v.pass) passed += 1;
      scoreSum += v.score;
      const c = (v.details as { cosine?: unknown } | undefined)?.cosine;
      if (typeof c === 'number') {
        cosines += 1;
        cosineSum += c;
      }
      if (v.reason) reasons.set(v.reason, (reasons.get(v.reason) ?? 0) + 1);
    },
    lines() {
      if (n === 0) return ['similarity: no samples'];
      const lines = [
        `similarity: ${n} samples, ${passed} passed (${((100 * passed) / n).toFixed(1)}%), mean score ${(scoreSum / n).toFixed(4)}` +
          (cosines ? `, mean cosine ${(cosineSum / cosines).toFixed(4)} over ${cosines} scored` : ''),
      ];
      if (reasons.size) lines.push(`similarity reasons: ${[...reasons].map(([r, c]) => `${r} ${c}`).join(', ')}`);
      return lines;
    },
  };
}

/** Summary lines for `rewards score` (stderr): pass rate, mean score and cosine, failure reasons. */
export function summarize(verdicts: readonly Verdict[]): string[] {
  const s = createSummary();
  for (const v of verdicts) s.add(v);
  return s.lines();
}
