/**
 * The `patch` verifier (execution-free SWE reward, after Meta's SWE-RL, used by Nemotron-Cascade's
 * SWE stage): extract the edit a response proposes (`extract.ts`) -> parse it into hunks per file
 * (`parse.ts`, the `diff` package) -> compare with the gold patch per file by difflib's ratio
 * (`compare.ts`, `sequence-matcher.ts`) -> Verdict. Nothing is applied or executed.
 *
 * Score: 1 when every file's canonical change equals the gold one; 0 for an empty response or an
 * edit that changes nothing (`no-change`); 0 with reason `format` when no diff or edit block can
 * be read (the `cascade-swe` preset shapes that to -1); otherwise the mean per-file ratio.
 */
import { InputError, failVerdict, passVerdict, type Verdict } from '../../core/verdict.js';
import type { Verifier } from '../../core/verifier.js';
import { typeName } from '../../core/run-one.js';
import { extractPatch } from './extract.js';
import { PatchFormatError, parseSearchReplace, parseUnifiedDiff, type FileEdits } from './parse.js';
import { canonicalEdits, comparePatches, type CompareOptions } from './compare.js';

export { extractPatch, extractSearchReplace, solutionRegion, type PatchExtraction, type SearchReplaceBlock } from './extract.js';
export { parseUnifiedDiff, parseSearchReplace, repairHunkCounts, normalizePath, PatchFormatError, type FileEdits } from './parse.js';
export { comparePatches, canonicalEdits, canonicalChange, canonicalHunk, type CompareOptions, type FileSimilarity } from './compare.js';
export { sequenceRatio, sequenceRatioWithin, codePoints, type RatioOptions } from './sequence-matcher.js';

/** The `patch` reference: the gold unified diff, or `{ patch }` (a SWE-bench record's field name). */
export type PatchReference = string | { patch: string };

/** Options of the `patch` verifier. */
export interface PatchOptions extends CompareOptions {
  /** Longest response read, in UTF-16 units (default 1,000,000); longer ones get reason `too-large`. */
  maxResponseChars?: number;
}

/** The gold patch's canonical changes; throws {@link InputError} when it is not a readable, non-empty diff. */
export function parsePatchReference(reference: unknown, context = 3): Map<string, string> {
  const text = typeof reference === 'string' ? reference : (reference as { patch?: unknown } | null)?.patch;
  if (typeof text !== 'string') throw new InputError(`patch reference must be a diff string or {patch: string}, got ${typeName(reference)}`);
  let edits: FileEdits;
  try {
    edits = parseUnifiedDiff(text).edits;
  } catch (err) {
    throw new InputError(`patch reference: ${(err as Error).message}`);
  }
  if (edits.size === 0) throw new InputError('patch reference changes nothing');
  return canonicalEdits(edits, context);
}

/** Verify one response against a gold patch (pure; no I/O). */
export function verifyPatch(response: string, reference: unknown, opts: PatchOptions = {}): Verdict {
  const gold = parsePatchReference(reference, opts.context);
  const maxChars = opts.maxResponseChars ?? 1_000_000;
  if (response.length > maxChars) return failVerdict('too-large', { details: { chars: response.length, max: maxChars } });
  const found = extractPatch(response);
  if (found.kind === 'empty') return failVerdict('no-change', { details: { rule: 'empty' } });
  if (found.kind === 'none') return failVerdict('format', { details: { format: 'no unified diff or SEARCH/REPLACE block found' } });
  let edits: FileEdits;
  let repaired = false;
  try {
    if (found.kind === 'diff') ({ edits, repaired } = parseUnifiedDiff(found.text));
    else edits = parseSearchReplace(found.blocks);
  } catch (err) {
    if (err instanceof PatchFormatError) return failVerdict('format', { details: { format: err.message, rule: found.kind } });
    throw err;
  }
  const rule = found.kind === 'diff' ? found.rule : 'search-replace';
  if (edits.size === 0) return failVerdict('no-change', { details: { rule } });
  const predicted = canonicalEdits(edits, opts.context);
  const { score, files } = comparePatches(predicted, gold, opts);
  const extracted = [...predicted.keys()].join(', ');
  const details = { rule, files, ...(repaired && { repaired: true }) };
  if (score === 1) return passVerdict({ extracted, details });
  return { score, pass: false, reason: 'not-equivalent', extracted, details };
}

/** The run summary for `rewards score` (running totals, no verdict kept). */
export { createSummary, summarize } from './summary.js';

/** The `patch` verifier (registry name `patch`). */
export const verifier: Verifier<PatchReference, PatchOptions> = {
  name: 'patch',
  defaultTimeoutMs: 10_000,
  async verify(response, reference, opts) {
    return verifyPatch(response, reference, opts);
  },
};
