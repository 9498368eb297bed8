/** count:unique_word_count — at least N distinct lowercased words (split on whitespace, punctuation stripped). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { PUNCTUATION_SPACE, pyStrip, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'count:unique_word_count',
  suite: 'ifbench',
  properties: { N: nonNegativeInt },
  required: ['N'],
  build: (kw) => (t) => {
    const unique = new Set(splitWhitespace(t.text.toLowerCase()).map((w) => pyStrip(w, PUNCTUATION_SPACE)));
    return unique.size >= (kw.N as number);
  },
});
