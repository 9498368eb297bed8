/** words:no_consecutive — no two consecutive words (lowercased, punctuation removed) share a first character. */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION, codePoints, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:no_consecutive',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const w = splitWhitespace(removeChars(t.text.toLowerCase(), PUNCTUATION)).map((x) => codePoints(x)[0]);
    for (let i = 0; i + 1 < w.length; i++) if (w[i] === w[i + 1]) return false;
    return true;
  },
});
