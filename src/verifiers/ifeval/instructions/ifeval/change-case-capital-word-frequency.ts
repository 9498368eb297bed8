/**
 * change_case:capital_word_frequency — the number of `nltk.word_tokenize` tokens for which
 * `str.isupper()` holds is less than / at least `capital_frequency`.
 */
import { compare, defineInstruction, relation } from '../../instruction.js';
import { pyIsUpper } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'change_case:capital_word_frequency',
  suite: 'ifeval',
  properties: { capital_frequency: { type: 'integer' }, capital_relation: relation },
  required: ['capital_frequency', 'capital_relation'],
  build: (kw) => (t) => {
    let n = 0;
    for (const w of t.wordTokens()) if (pyIsUpper(w)) n++;
    return compare(n, kw.capital_relation, kw.capital_frequency as number);
  },
});
