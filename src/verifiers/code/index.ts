/**
 * The code verifier: `extract` the program from the response, run it in a sandbox against the
 * reference's tests (JavaScript/TypeScript in an isolated-vm isolate, Python in a bubblewrap
 * sandbox), `compare` what it printed or returned, and fold the per-test statuses into a verdict.
 * Pool workers import this module by URL (it keeps no main-thread state).
 */
import { failVerdict, InputError, type Verdict } from '../../core/verdict.js';
import type { FormatSpec } from '../../core/format.js';
import type { Verifier } from '../../core/verifier.js';
import { extractCode } from './extract.js';
import { normalizeReference, isJsFamily } from './reference.js';
import { resolveOptions } from './options.js';
import { buildVerdict, makeJudge } from './score.js';
import { SandboxUnavailableError, type SandboxOutcome } from './run-types.js';
import type { CodeOptions, CodeReference } from './types.js';

export { extractCode, fencedBlocks, type Extraction, type FencedBlock } from './extract.js';
export { normalizeReference, canonicalLanguage } from './reference.js';
export { compareOutput, jsonEqual, decimalKey, pyStrip, pySplit, type CompareOptions } from './compare.js';
export { resolveOptions } from './options.js';
export type * from './types.js';

async function runSandbox(code: string, typescript: boolean, reference: ReturnType<typeof normalizeReference>, opts: ReturnType<typeof resolveOptions>, judge: ReturnType<typeof makeJudge>['judge']): Promise<SandboxOutcome> {
  if (isJsFamily(reference.language)) {
    const { runJavaScriptAnywhere } = await import('./js/remote.js');
    return runJavaScriptAnywhere(code, typescript, reference, opts, judge);
  }
  const { runPython } = await import('./python/sandbox.js');
  return runPython(code, reference, opts, judge);
}

/** Verify one response against a code reference (see the module comment). */
export async function verifyCode(response: string, reference: unknown, options?: CodeOptions & { format?: FormatSpec | string }): Promise<Verdict> {
  const ref = normalizeReference(reference);
  const opts = resolveOptions(options);
  const format = typeof options?.format === 'object' ? options.format : undefined;
  const ex = extractCode(response, ref.language, format);
  if (!ex.ok) return failVerdict(ex.reason, { details: { language: ref.language, format: ref.kind, error: ex.detail } });
  const { judge, results } = makeJudge(ref, opts);
  let outcome: SandboxOutcome;
  try {
    outcome = await runSandbox(ex.code, ex.typescript, ref, opts, judge);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof SandboxUnavailableError) return failVerdict('sandbox-error', { extracted: ex.code, error: err.message });
    throw err;
  }
  return buildVerdict(outcome, ref, opts, ex.code, ex.fenced, results);
}

/** The run summary for `rewards score` (running totals, no verdict kept). */
export { createSummary, summarize } from './summary.js';

/** The code verifier (registry name `code`). */
export const verifier: Verifier<CodeReference, CodeOptions> = {
  name: 'code',
  defaultTimeoutMs: 120_000,
  verify: (response, reference, opts) => verifyCode(response, reference, opts),
};
