/** words:consonants — every whitespace-separated word has two ASCII consonants in a row. */
import { defineInstruction } from '../../instruction.js';
import { codePoints, pyStrip, splitWhitespace } from '../../text/pystr.js';

const CONSONANTS = new Set('bcdfghjklmnpqrstvwxyz');

export const instruction = defineInstruction({
  id: 'words:consonants',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) =>
    splitWhitespace(pyStrip(t.text.toLowerCase())).every((word) => {
      const c = codePoints(word);
      for (let i = 0; i + 1 < c.length; i++) if (CONSONANTS.has(c[i]!) && CONSONANTS.has(c[i + 1]!)) return true;
      return false;
    }),
});
