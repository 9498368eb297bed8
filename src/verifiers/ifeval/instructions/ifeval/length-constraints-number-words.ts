/** length_constraints:number_words — `\w+` run count less than / at least `num_words`. */
import { compare, defineInstruction, nonNegativeInt, relation } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'length_constraints:number_words',
  suite: 'ifeval',
  properties: { num_words: nonNegativeInt, relation },
  required: ['num_words', 'relation'],
  build: (kw) => (t) => compare(t.wordCount(), kw.relation, kw.num_words as number),
});
