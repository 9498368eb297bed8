/**
 * Scoring: judge each raw run against its test (output comparison, JSON deep equality, or the
 * harness's own pass for test_code), then fold the per-test statuses into a verdict: `all` gives
 * 1 only when every test passes, `fraction` the share passed.
 */
import { failVerdict, type Verdict } from '../../core/verdict.js';
import { compareOutput, jsonEqual, jsonRoundTrip } from './compare.js';
import { shorten, type Judge, type RawRun, type SandboxOutcome } from './run-types.js';
import type { CodeDetails, NormalizedReference, ResolvedCodeOptions, TestResult } from './types.js';

/**
 * A flat copy of a short string cut from a long one: `slice()` and concatenation may keep a view
 * that holds the whole parent alive (a verdict's 200-character `got` held a 16 MB output).
 */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Whether one raw run passes its test (`ok` runs are compared; any other status fails). */
export function passes(ref: NormalizedReference, index: number, run: RawRun, opts: ResolvedCodeOptions): boolean {
  if (run.status !== 'ok') return false;
  switch (ref.kind) {
    case 'stdio':
      return compareOutput(run.stdout ?? '', ref.tests[index]!.output, opts);
    case 'call': {
      const got = parseJson(run.json ?? 'null');
      return got.ok && jsonEqual(got.value, jsonRoundTrip(ref.tests[index]!.expected), opts.floatTolerance);
    }
    case 'test_code':
      return true;
  }
}

/** A {@link Judge} for a reference, remembering each verdict for {@link buildVerdict}. */
export function makeJudge(ref: NormalizedReference, opts: ResolvedCodeOptions): { judge: Judge; results: Map<number, boolean> } {
  const results = new Map<number, boolean>();
  return {
    results,
    judge: (i, run) => {
      const ok = passes(ref, i, run, opts);
      results.set(i, ok);
      return ok;
    },
  };
}

function testCount(ref: NormalizedReference): number {
  return ref.kind === 'test_code' ? 1 : ref.tests.length;
}

/** The short reason code of a failing status (`runtime-error: x` -> `runtime-error`). */
export function reasonOf(status: string): string {
  const i = status.indexOf(':');
  return i < 0 ? status : status.slice(0, i);
}

/**
 * Fold a sandbox outcome into a verdict. `fenced` says whether the code came from a fenced block:
 * an unfenced response that does not compile is `no-code`, not a compile error.
 */
export function buildVerdict(
  outcome: SandboxOutcome,
  ref: NormalizedReference,
  opts: ResolvedCodeOptions,
  code: string,
  fenced: boolean,
  results: Map<number, boolean>,
): Verdict {
  const total = testCount(ref);
  const base = { language: ref.language, format: ref.kind, total };
  if (outcome.compileError !== undefined) {
    if (!fenced) return failVerdict('no-code', { details: { ...base, passed: 0, tests: [], error: outcome.compileError } });
    const status = `compile-error: ${shorten(outcome.compileError)}`;
    const details: CodeDetails = { ...base, passed: 0, tests: Array.from({ length: total }, () => ({ status })) };
    return failVerdict('compile-error', { extracted: code, details });
  }
  const tests: TestResult[] = [];
  let passed = 0;
  for (let i = 0; i < total; i++) {
    const run = outcome.runs[i];
    if (!run) {
      tests.push({ status: 'skipped' });
      continue;
    }
    const ok = results.get(i) ?? passes(ref, i, run, opts);
    const r: TestResult = { status: ok ? 'passed' : run.status === 'ok' ? 'wrong-answer' : run.status };
    if (run.timeMs !== undefined) r.timeMs = Math.round(run.timeMs * 100) / 100;
    if (!ok && run.status === 'ok') r.got = flatCopy(shorten(ref.kind === 'stdio' ? (run.stdout ?? '') : (run.json ?? ''), 200));
    if (!ok && run.message) r.message = flatCopy(run.message);
    if (ok) passed += 1;
    tests.push(r);
  }
  const details: CodeDetails = { ...base, passed, tests };
  if (outcome.cpuMs !== undefined) details.cpuMs = Math.round(outcome.cpuMs * 100) / 100;
  const all = passed === total;
  const score = all ? 1 : opts.reward === 'fraction' ? passed / total : 0;
  const verdict: Verdict = { score, pass: all, extracted: code, details };
  if (!all) verdict.reason = reasonOf(tests.find((t) => t.status !== 'passed' && t.status !== 'skipped')?.status ?? 'wrong-answer');
  return verdict;
}
