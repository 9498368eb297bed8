/**
 * `rewards score`, the summary: running aggregates only (no verdict is kept), so memory stays flat
 * on any input size. Verifiers that print their own lines (IFEval accuracies) provide
 * `createSummary`, an accumulator fed one verdict at a time.
 */
import { getVerifierEntry, importVerifierModule, type VerifierSummary } from '../core/registry.js';
import { verdictOutcome, type Verdict } from '../core/verdict.js';

/** Totals of one route (preset) or group. */
export interface ScoreTotals {
  n: number;
  scoreSum: number;
  passed: number;
}

/** What a score run did. */
export interface ScoreSummary {
  /** Lines written in this run (resumed runs: after the resume point). */
  lines: number;
  /** Lines that could not be judged: input errors, and verdicts whose outcome is `error` (see `verdictOutcome`). */
  errors: number;
  /** Input lines that were not valid records (part of `errors`). */
  inputErrors: number;
  /** Judged lines (pass or fail): the mean score is over these. */
  judged: number;
  scoreSum: number;
  passed: number;
  byReason: Record<string, number>;
  byRoute: Record<string, ScoreTotals>;
  /** Per-verifier accumulators of the verifier's own summary lines. */
  verifierSummaries: Record<string, VerifierSummary>;
  /** Lines already in the output before this run (`--resume`), else 0. */
  resumedAfter: number;
  seconds: number;
  /** Peak resident set size in bytes seen during the run. */
  peakRssBytes: number;
}

/** An empty summary. */
export function emptyScoreSummary(resumedAfter = 0): ScoreSummary {
  return { lines: 0, errors: 0, inputErrors: 0, judged: 0, scoreSum: 0, passed: 0, byReason: {}, byRoute: {}, verifierSummaries: {}, resumedAfter, seconds: 0, peakRssBytes: 0 };
}

/** Count an input line that was not a valid record. */
export function addInputError(s: ScoreSummary): void {
  s.lines += 1;
  s.errors += 1;
  s.inputErrors += 1;
  s.byReason['input-error'] = (s.byReason['input-error'] ?? 0) + 1;
}

/** Count one verdict (its weighted `score`) of `verifier` under `route`. */
export function addVerdict(s: ScoreSummary, verifier: string, route: string, v: Verdict, score: number): void {
  s.lines += 1;
  if (v.reason) s.byReason[v.reason] = (s.byReason[v.reason] ?? 0) + 1;
  s.verifierSummaries[verifier]?.add(v);
  if (verdictOutcome(v) === 'error') {
    s.errors += 1;
    return;
  }
  s.judged += 1;
  s.scoreSum += score;
  if (v.pass) s.passed += 1;
  const r = (s.byRoute[route] ??= { n: 0, scoreSum: 0, passed: 0 });
  r.n += 1;
  r.scoreSum += score;
  if (v.pass) r.passed += 1;
}

/** A summary for a custom module with only `summarize(verdicts)`: it keeps the verdicts (not flat; every built-in verifier has `createSummary`). */
function keepingSummary(summarize: (vs: Verdict[]) => string[]): VerifierSummary {
  const kept: Verdict[] = [];
  return { add: (v) => void kept.push(v), lines: () => summarize(kept) };
}

/** Make sure `verifier`'s own summary accumulator exists (imports its module once, in this thread). */
export async function prepareVerifierSummary(s: ScoreSummary, verifier: string, mode?: string): Promise<void> {
  if (verifier in s.verifierSummaries) return;
  const entry = getVerifierEntry(verifier);
  const mod = entry ? await importVerifierModule(entry.module).catch(() => undefined) : undefined;
  const summarize = mod?.summarize;
  s.verifierSummaries[verifier] =
    mod?.createSummary?.(mode) ?? (summarize ? keepingSummary((vs) => summarize(vs, mode)) : { add() {}, lines: () => [] });
}

/** The summary `rewards score` prints to stderr, with each verifier's own summary lines. */
export function formatScoreSummary(s: ScoreSummary): string {
  const mean = s.judged ? (s.scoreSum / s.judged).toFixed(4) : '-';
  const errors = s.errors
    ? ` (${s.errors} lines with errors left out of the mean: ${s.inputErrors} input errors, ${s.errors - s.inputErrors} not judged by the verifier)`
    : '';
  const lines = [
    `rewards score: ${s.lines} lines in ${s.seconds.toFixed(1)} s, peak RSS ${(s.peakRssBytes / 2 ** 20).toFixed(0)} MB${s.resumedAfter ? ` (resumed after line ${s.resumedAfter})` : ''}; ` +
      `mean score ${mean} over ${s.judged} judged lines${errors}, passed ${s.passed}/${s.judged}`,
  ];
  const routes = Object.entries(s.byRoute);
  if (routes.length > 1) {
    for (const [name, r] of routes) lines.push(`  route ${name}: ${r.n} judged lines, mean ${(r.scoreSum / r.n).toFixed(4)}, passed ${r.passed}`);
  }
  const reasons = Object.entries(s.byReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) lines.push(`  reasons: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  for (const acc of Object.values(s.verifierSummaries)) for (const line of acc.lines()) lines.push(`  ${line}`);
  return lines.join('\n');
}
