/**
 * The code verifier's run summary for `rewards score`: running totals only (pass rate per
 * language, how the tests ended), so a run of any length keeps no verdict.
 */
import type { Verdict } from '../../core/verdict.js';
import type { VerifierSummary } from '../../core/registry.js';
import { reasonOf } from './score.js';
import type { CodeDetails } from './types.js';

/** Start an empty code summary: `add` each verdict, then `lines()`. */
export function createSummary(): VerifierSummary {
  const byLang = new Map<string, { n: number; passed: number }>();
  const statuses = new Map<string, number>();
  let tests = 0;
  return {
    add(v: Verdict) {
      const d = v.details as CodeDetails | undefined;
      if (!d?.language || !Array.isArray(d.tests)) return;
      const l = byLang.get(d.language) ?? { n: 0, passed: 0 };
      l.n += 1;
      if (v.pass) l.passed += 1;
      byLang.set(d.language, l);
      for (const t of d.tests) {
        const kind = reasonOf(t.status);
        statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
        tests += 1;
      }
    },
    lines() {
      if (byLang.size === 0) return [];
      const langs = [...byLang].map(([k, l]) => `${k} ${l.passed}/${l.n}`).join(', ');
      const ends = [...statuses].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
      return [`code: passed by language: ${langs}`, `code: ${tests} tests: ${ends}`];
    },
  };
}

/**
 * Lines `rewards score` prints after a run: pass rate per language, and how the tests ended
 * (statuses with their kind only: `runtime-error: ...` counts as `runtime-error`).
 */
export function summarize(verdicts: readonly Verdict[]): string[] {
  const s = createSummary();
  for (const v of verdicts) s.add(v);
  return s.lines();
}
