/**
 * CrossThink answer-verifiability filters, in the order `rewards filter` applies them, and the
 * runner that applies them to a window of records.
 */
import { recordKind, type DatasetRecord } from '../core/records.js';
import type { Filter, FilterCheck, FilterOptions, FilterResult } from './filter.js';
import { recordSchema } from './record-schema.js';
import { questionNonEmpty } from './question-nonempty.js';
import { duplicateQuestion } from './duplicate-question.js';
import { mcqGoldInOptions } from './mcq-gold-in-options.js';
import { mcqDistinctOptions } from './mcq-distinct-options.js';
import { answerLength } from './answer-length.js';
import { difficulty } from './difficulty.js';
import { nearDuplicateFilter } from './near-duplicate.js';
import { mathAnswerVerifiable } from './math-answer-verifiable.js';
import { ifevalKwargsValid } from './ifeval-kwargs-valid.js';
import { codeReferencePasses } from './code-reference-passes.js';

export type { Filter, FilterCheck, FilterOptions, FilterResult } from './filter.js';
export { KEEP, drop, perRecord } from './filter.js';
export { recordSchema, recordSchemaError, RECORD_SCHEMAS, canonicalRecord } from './record-schema.js';
export { questionNonEmpty } from './question-nonempty.js';
export { duplicateQuestion, normalizeQuestion, duplicateKey } from './duplicate-question.js';
export { mcqGoldInOptions } from './mcq-gold-in-options.js';
export { mcqDistinctOptions, normalizeOptionText } from './mcq-distinct-options.js';
export { answerLength, wordCount, DEFAULT_MAX_ANSWER_WORDS } from './answer-length.js';
export { difficulty } from './difficulty.js';
export { nearDuplicateFilter } from './near-duplicate.js';
export { mathAnswerVerifiable } from './math-answer-verifiable.js';
export { ifevalKwargsValid } from './ifeval-kwargs-valid.js';
export { codeReferencePasses } from './code-reference-passes.js';
export { formatAjvErrors } from './schema-errors.js';
import { isSetupError } from '../core/setup-error.js';

/** All built-in filters, cheapest first; a record is dropped by the first filter that rejects it. */
export const FILTERS: readonly Filter[] = [
  recordSchema,
  questionNonEmpty,
  mcqGoldInOptions,
  mcqDistinctOptions,
  ifevalKwargsValid,
  answerLength,
  difficulty,
  duplicateQuestion,
  mathAnswerVerifiable,
  codeReferencePasses,
  nearDuplicateFilter,
];

/** A filter run over a stream of windows. */
export interface FilterRun {
  /** Names of the filters this run applies, in order. */
  readonly names: readonly string[];
  /** Judge a window of records (in input order); `lines` are their 1-based input line numbers. */
  check(records: DatasetRecord[], lines: number[]): Promise<FilterResult[]>;
  /** Release what the filters hold (pools, GPU objects). */
  dispose(): Promise<void>;
}

/**
 * Start a filter run: the enabled filters of `filters` (default {@link FILTERS}) minus
 * `options.skip`. A filter that throws drops the records of its window with the error as reason,
 * so a faulty filter never loses records silently.
 */
export function createFilterRun(options: FilterOptions = {}, filters: readonly Filter[] = FILTERS): FilterRun {
  const skip = new Set(options.skip ?? []);
  const unknown = [...skip].filter((n) => !filters.some((f) => f.name === n));
  if (unknown.length) throw new Error(`unknown filter to skip: ${unknown.join(', ')} (filters: ${filters.map((f) => f.name).join(', ')})`);
  const active = filters.filter((f) => !skip.has(f.name) && (f.enabled?.(options) ?? true));
  const checks: [Filter, FilterCheck][] = active.map((f) => [f, f.create(options)]);
  return {
    names: active.map((f) => f.name),
    async check(records, lines) {
      const results: FilterResult[] = records.map(() => ({ keep: true }));
      const kinds = records.map(recordKind);
      for (const [filter, check] of checks) {
        const idx: number[] = [];
        for (let k = 0; k < records.length; k++) {
          if (results[k]!.keep && (filter.kinds === 'all' || filter.kinds.includes(kinds[k]!))) idx.push(k);
        }
        if (idx.length === 0) continue;
        let out: FilterResult[];
        try {
          out = await check(
            idx.map((k) => records[k]!),
            idx.map((k) => lines[k]!),
          );
        } catch (err) {
          if (isSetupError(err)) throw err; // the caller's set-up, not the records: fail the run
          out = idx.map(() => ({ keep: false, reason: `filter failed: ${(err as Error).message}` }));
        }
        idx.forEach((k, j) => {
          const r = out[j];
          if (r && !r.keep) results[k] = { keep: false, reason: `${filter.name}: ${r.reason ?? 'rejected'}` };
        });
      }
      return results;
    },
    async dispose() {
      for (const f of active) await f.dispose?.();
    },
  };
}
