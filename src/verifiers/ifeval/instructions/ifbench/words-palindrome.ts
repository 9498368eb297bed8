/** words:palindrome — at least 10 words (punctuation removed, lowercased) of 5+ characters that read the same reversed. */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION, codePoints, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:palindrome',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) =>
    splitWhitespace(removeChars(t.text, PUNCTUATION).toLowerCase()).filter((w) => {
      const c = codePoints(w);
      return c.length >= 5 && c.join('') === c.reverse().join('');
    }).length >= 10,
});
