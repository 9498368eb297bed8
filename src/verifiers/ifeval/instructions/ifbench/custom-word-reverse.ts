/** custom:word_reverse — the words, reversed, mention "bald eagle" and form a single Punkt sentence. */
import { defineInstruction } from '../../instruction.js';
import { sentTokenize } from '../../text/punkt.js';
import { PUNCTUATION, pyStrip, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'custom:word_reverse',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    const v = splitWhitespace(removeChars(pyStrip(t.text.toLowerCase()), PUNCTUATION)).reverse().join(' ');
    if (!v.includes('bald eagle')) return false;
    return sentTokenize(v).includes(v);
  },
});
