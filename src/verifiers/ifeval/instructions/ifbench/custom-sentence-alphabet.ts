/** custom:sentence_alphabet — 26 Punkt sentences whose first words start with a, b, ..., z. */
import { defineInstruction } from '../../instruction.js';
import { codePoints, pyLstrip, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'custom:sentence_alphabet',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    const s = t.sentences();
    if (s.length !== 26) return false;
    return s.every((sentence, i) => {
      const words = splitWhitespace(pyLstrip(sentence));
      return words.length > 0 && codePoints(words[0]!.toLowerCase())[0] === String.fromCharCode(97 + i);
    });
  },
});
