/** Filter `mcq-gold-in-options`: an MCQ record's gold letter must name one of its options. */
import { mcqGoldLetter, mcqOptions } from '../core/records.js';
import { KEEP, drop, perRecord, type Filter } from './filter.js';

/** The `mcq-gold-in-options` filter. */
export const mcqGoldInOptions: Filter = {
  name: 'mcq-gold-in-options',
  kinds: ['mcq'],
  create: perRecord((r, o) => {
    const opts = mcqOptions(r, o.letters);
    if (!opts) return drop('options are missing or malformed');
    const gold = mcqGoldLetter(r, o.letters);
    if (gold === undefined) return drop(`answer ${JSON.stringify(r.answer ?? r.gold)} is not a letter or an option index`);
    if (!opts.letters.includes(gold)) return drop(`gold letter ${gold} is not among the options ${opts.letters.join('')}`);
    return KEEP;
  }),
};
