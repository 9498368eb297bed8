/**
 * Filter `answer-too-long`: an open-ended record's answer must be short enough to verify by rule
 * (CrossThink keeps answers of at most 10 words). Words are whitespace-separated tokens; a LaTeX
 * answer counts its tokens the same way.
 */
import { KEEP, drop, perRecord, type Filter } from './filter.js';

/** Default longest answer kept, in words. */
export const DEFAULT_MAX_ANSWER_WORDS = 10;

/** Number of whitespace-separated words in `s`. */
export function wordCount(s: string): number {
  const t = s.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** The `answer-too-long` filter. */
export const answerLength: Filter = {
  name: 'answer-too-long',
  kinds: ['open-ended'],
  create: perRecord((r, o) => {
    const max = o.maxAnswerWords ?? DEFAULT_MAX_ANSWER_WORDS;
    const a = r.answer ?? r.gold;
    if (typeof a === 'number') return KEEP;
    if (typeof a !== 'string' || !a.trim()) return drop('the answer is empty');
    const n = wordCount(a);
    return n > max ? drop(`the answer has ${n} words (limit ${max})`) : KEEP;
  }),
};
