/** Filter `empty-question`: a record whose question (or IFEval prompt) is empty or blank is dropped. */
import { questionOf } from '../core/records.js';
import { KEEP, drop, perRecord, type Filter } from './filter.js';

/** The `empty-question` filter. */
export const questionNonEmpty: Filter = {
  name: 'empty-question',
  kinds: 'all',
  create: perRecord((r) => (questionOf(r)?.trim() ? KEEP : drop('the question is empty'))),
};
