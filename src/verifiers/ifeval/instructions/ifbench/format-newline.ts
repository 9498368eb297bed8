/** format:newline — (punctuation removed) as many non-empty lines as words: one word per line. */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION, pyStrip, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'format:newline',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const v = pyStrip(removeChars(t.text, PUNCTUATION));
    return v.split('\n').filter((l) => l !== '').length === splitWhitespace(v).length;
  },
});
