/** words:last_first — each sentence's last word (case-insensitive) is the next sentence's first word. */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION_SPACE, pyLstrip, pyRstrip, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:last_first',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const s = t.sentences();
    for (let i = 0; i + 1 < s.length; i++) {
      const last = splitWhitespace(pyRstrip(s[i]!, PUNCTUATION_SPACE));
      const first = splitWhitespace(pyLstrip(s[i + 1]!, PUNCTUATION_SPACE));
      if (last.length === 0 || first.length === 0) return false;
      if (last[last.length - 1]!.toLowerCase() !== first[0]!.toLowerCase()) return false;
    }
    return true;
  },
});
