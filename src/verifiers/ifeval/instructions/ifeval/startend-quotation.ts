/** startend:quotation — the stripped response is longer than one character and wrapped in `"`. */
import { defineInstruction } from '../../instruction.js';
import { pyLen, pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'startend:quotation',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => {
    const v = pyStrip(t.text);
    return pyLen(v) > 1 && v.startsWith('"') && v.endsWith('"');
  },
});
