/** words:paragraph_last_first — every non-empty line starts and ends with the same word (lowercased). */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION_SPACE, pyStrip, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:paragraph_last_first',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    for (const line of t.text.split('\n')) {
      const p = pyStrip(line).toLowerCase();
      if (p === '') continue;
      const words = splitWhitespace(pyStrip(p, PUNCTUATION_SPACE));
      if (words.length === 0) continue;
      if (words[0] !== words[words.length - 1]) return false;
    }
    return true;
  },
});
