/** ratio:sentence_type — twice as many sentences ending in "." as ending in "?". */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'ratio:sentence_type',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const s = t.sentences();
    const decl = s.filter((x) => x.endsWith('.')).length;
    const inter = s.filter((x) => x.endsWith('?')).length;
    return decl === 2 * inter;
  },
});
