/**
 * Filter `duplicate-question`: a record whose question repeats an earlier record's question
 * (after lowercasing and collapsing whitespace and trailing punctuation; for MCQ records, with
 * the same options) is dropped, naming the earlier line. Memory grows by about 12 bytes per distinct question.
 */
import { mcqOptions, questionOf, recordKind, type DatasetRecord } from '../core/records.js';
import { KEEP, drop, type Filter, type FilterResult } from './filter.js';
import { createHashLineSet } from './hash-set.js';
import { charClass, trimEndWhere } from '../core/trim-end.js';

const QUESTION_END = charClass(/[\s.?!]/);

/** Normalise a question for duplicate detection. */
export function normalizeQuestion(q: string): string {
  return trimEndWhere(q.toLowerCase().replace(/\s+/g, ' '), QUESTION_END).trim();
}

/**
 * The duplicate key of a record: its normalised question, plus its options for an MCQ record
 * (a generic stem such as "Which of the following is true?" with other options is another question).
 */
export function duplicateKey(r: DatasetRecord, question: string): string {
  const q = normalizeQuestion(question);
  if (recordKind(r) !== 'mcq') return q;
  const opts = mcqOptions(r);
  return opts ? `${q}\u0000${opts.texts.map(normalizeQuestion).join('\u0001')}` : q;
}

/** The `duplicate-question` filter. */
export const duplicateQuestion: Filter = {
  name: 'duplicate-question',
  kinds: 'all',
  create() {
    const seen = createHashLineSet();
    return (records, lines) =>
      records.map((r, k): FilterResult => {
        const q = questionOf(r);
        if (q === undefined) return KEEP;
        const earlier = seen.addOrGet(duplicateKey(r, q), lines[k] ?? 0);
        return earlier === undefined ? KEEP : drop(`same question as line ${earlier}`);
      });
  },
};
