/** count:word_count_range — between `min_words` and `max_words` `\w+` runs (inclusive). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'count:word_count_range',
  suite: 'ifbench',
  properties: { min_words: nonNegativeInt, max_words: nonNegativeInt },
  required: ['min_words', 'max_words'],
  build: (kw) => (t) => {
    const n = t.wordCount();
    return (kw.min_words as number) <= n && n <= (kw.max_words as number);
  },
});
