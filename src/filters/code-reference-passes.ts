/**
 * CrossThink-style verifiability for code: a record is kept only if its reference `solution`
 * passes its own `reference` tests in the code verifier's sandbox. Records run as one batch on the
 * worker pool.
 *
 * Options read: `timeoutMs` (per-record limit, default the code verifier's 120 s) and
 * `codeOptions` (code verifier options, e.g. `{ timeLimitMs: 5000, pythonPrelude: 'leetcode' }`).
 */
import { verifyBatch } from '../core/batch.js';
import type { DatasetRecord } from '../core/records.js';
import { drop, KEEP, type Filter, type FilterOptions, type FilterResult } from './filter.js';

function codeOptionsOf(options: FilterOptions): Record<string, unknown> {
  const o = options.codeOptions;
  return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : {};
}

/** Keeps code records whose reference solution passes their own tests. */
export const codeReferencePasses: Filter = {
  name: 'code-reference-passes',
  kinds: ['code'],
  create(options: FilterOptions) {
    const codeOptions = codeOptionsOf(options);
    return async (records: DatasetRecord[]): Promise<FilterResult[]> => {
      const results: (FilterResult | undefined)[] = records.map((r) => (typeof r.solution === 'string' && r.solution.trim() !== '' ? undefined : drop('no-solution')));
      const todo = records.map((r, i) => [r, i] as const).filter(([, i]) => results[i] === undefined);
      const verdicts = await verifyBatch(
        'code',
        todo.map(([r]) => ({ response: r.solution, reference: r.reference })),
        { ...codeOptions, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) },
      );
      todo.forEach(([, i], k) => {
        const v = verdicts[k]!;
        results[i] = v.pass ? KEEP : drop(`reference-fails: ${v.reason ?? 'failed'}${v.error ? ` (${v.error})` : ''}`);
      });
      return results as FilterResult[];
    };
  },
};
