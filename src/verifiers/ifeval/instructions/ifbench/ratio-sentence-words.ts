/** ratio:sentence_words — exactly three Punkt sentences of the same stripped length (word distinctness is not checked, as in the reference). */
import { defineInstruction } from '../../instruction.js';
import { pyLen, pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'ratio:sentence_words',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const s = t.sentences();
    if (s.length !== 3) return false;
    const n = pyLen(pyStrip(s[0]!));
    return s.every((x) => pyLen(pyStrip(x)) === n);
  },
});
