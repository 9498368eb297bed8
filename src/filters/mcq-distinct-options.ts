/**
 * Filter `mcq-distinct-options`: an MCQ record's options must be non-empty and distinct after
 * normalising case, whitespace and trailing punctuation (two identical options make the gold
 * letter unverifiable).
 */
import { mcqOptions } from '../core/records.js';
import { KEEP, drop, perRecord, type Filter } from './filter.js';
import { charClass, trimEndWhere } from '../core/trim-end.js';

const OPTION_END = charClass(/[\s.;,]/);

/** Normalise an option text for comparison. */
export function normalizeOptionText(s: string): string {
  return trimEndWhere(s.toLowerCase().replace(/\s+/g, ' '), OPTION_END).trim();
}

/** The `mcq-distinct-options` filter. */
export const mcqDistinctOptions: Filter = {
  name: 'mcq-distinct-options',
  kinds: ['mcq'],
  create: perRecord((r, o) => {
    const opts = mcqOptions(r, o.letters);
    if (!opts) return drop('options are missing or malformed');
    const seen = new Map<string, string>();
    for (const [k, text] of opts.texts.entries()) {
      const key = normalizeOptionText(text);
      const letter = opts.letters[k]!;
      if (!key) return drop(`option ${letter} is empty`);
      const twin = seen.get(key);
      if (twin) return drop(`options ${twin} and ${letter} are the same`);
      seen.set(key, letter);
    }
    return KEEP;
  }),
};
