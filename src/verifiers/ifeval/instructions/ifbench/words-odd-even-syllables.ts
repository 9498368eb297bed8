/** words:odd_even_syllables — consecutive words alternate odd and even syllable counts (syllapy). */
import { defineInstruction } from '../../instruction.js';
import { countSyllables } from '../../text/syllables.js';
import { PUNCTUATION, pyStrip, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:odd_even_syllables',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const parity = splitWhitespace(removeChars(t.text, PUNCTUATION).toLowerCase())
      .filter((w) => pyStrip(w) !== '')
      .map((w) => countSyllables(w) % 2);
    for (let i = 0; i + 1 < parity.length; i++) if (parity[i] === parity[i + 1]) return false;
    return true;
  },
});
