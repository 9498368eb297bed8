/** length_constraints:number_sentences — Punkt sentence count less than / at least `num_sentences`. */
import { compare, defineInstruction, nonNegativeInt, relation } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'length_constraints:number_sentences',
  suite: 'ifeval',
  properties: { num_sentences: nonNegativeInt, relation },
  required: ['num_sentences', 'relation'],
  build: (kw) => (t) => compare(t.sentences().length, kw.relation, kw.num_sentences as number),
});
