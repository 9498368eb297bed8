/**
 * `math-answer-verifiable` (CrossThink answer verifiability for open-ended records): a record is
 * kept only when its gold answer (`record.answer`) can be read and, written as a model would
 * write it (`\boxed{<the gold's answer>}`), verifies against itself with the `math` verifier.
 * Short text answers ("Paris", "the mitochondria") are kept: they verify by normalized text.
 *
 * The self-checks of a window run on the worker pool (`verifyBatch('math', ...)`), each under the
 * run's `timeoutMs` (default: the math verifier's 5 s), so a pathological gold cannot stall the
 * filter: it is dropped with reason `timeout`.
 *
 * Reject reasons: `no-answer` (missing or empty `answer`), `unreadable-answer: <why>` (the gold
 * yields no answer), `not-self-equivalent` (it does not verify against itself), `timeout`,
 * `verifier-error: <message>`.
 */
import { verifyBatch, type Sample } from '../core/batch.js';
import type { DatasetRecord } from '../core/records.js';
import { DEFAULT_EXTRACTION, extractAnswer } from '../verifiers/math/extract.js';
import { SAME_TEXT } from '../verifiers/math/index.js';
import { KEEP, drop, type Filter, type FilterOptions, type FilterResult } from './filter.js';

/** Golds longer than this are not answers but solutions; they are dropped without a self-check. */
const MAX_GOLD_CHARS = 5_000;

function goldOf(record: DatasetRecord): string | undefined {
  const a = record.answer;
  if (typeof a === 'number' && Number.isFinite(a)) return String(a);
  return typeof a === 'string' && a.trim() !== '' ? a : undefined;
}

/** Judge a window of open-ended records. */
async function check(records: DatasetRecord[], options: FilterOptions): Promise<FilterResult[]> {
  const results: FilterResult[] = new Array(records.length);
  const samples: Sample[] = [];
  const at: number[] = [];
  records.forEach((r, i) => {
    const gold = goldOf(r);
    if (gold === undefined) {
      results[i] = drop('no-answer');
      return;
    }
    if (gold.length > MAX_GOLD_CHARS) {
      results[i] = drop('unreadable-answer: gold answer too long');
      return;
    }
    const ext = extractAnswer(gold, DEFAULT_EXTRACTION, { gold: true });
    const answer = ext ? ext.text : gold.trim();
    samples.push({ response: `\\boxed{${answer}}`, reference: gold });
    at.push(i);
  });
  if (samples.length > 0) {
    const verdicts = await verifyBatch('math', samples, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
    verdicts.forEach((v, k) => {
      const i = at[k]!;
      // A gold that only its own text matches (its value is out of the comparison's reach) is not verifiable.
      if (v.pass && (v.details as { rule?: string } | undefined)?.rule !== SAME_TEXT) results[i] = KEEP;
      else if (v.pass) results[i] = drop('not-self-equivalent');
      else if (v.reason === 'invalid-input') results[i] = drop(`unreadable-answer: ${v.error ?? 'no answer'}`);
      else if (v.reason === 'not-equivalent' || v.reason === 'no-answer') results[i] = drop('not-self-equivalent');
      else if (v.reason === 'timeout') results[i] = drop('timeout');
      else results[i] = drop(`verifier-error: ${v.error ?? v.reason ?? 'unknown'}`);
    });
  }
  return results;
}

/** The filter: open-ended records whose gold answer does not verify against itself are dropped. */
export const mathAnswerVerifiable: Filter = {
  name: 'math-answer-verifiable',
  kinds: ['open-ended'],
  create: (options) => (records) => check(records, options),
};
