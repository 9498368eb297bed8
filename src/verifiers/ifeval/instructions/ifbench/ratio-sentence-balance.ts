/** ratio:sentence_balance — as many sentences ending in "." as in "?" as in "!". */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'ratio:sentence_balance',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const s = t.sentences();
    const count = (end: string): number => s.filter((x) => x.endsWith(end)).length;
    const decl = count('.');
    return decl === count('?') && decl === count('!');
  },
});
