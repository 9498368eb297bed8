/**
 * sentence:increment — each Punkt sentence has exactly `small_n` more words (punctuation removed)
 * than the previous one. A response without sentences makes the reference raise IndexError; it
 * does not follow the instruction here.
 */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { PUNCTUATION, pyStrip, removeChars, splitWhitespace } from '../../text/pystr.js';

const words = (s: string): number => splitWhitespace(pyStrip(removeChars(s, PUNCTUATION))).length;

export const instruction = defineInstruction({
  id: 'sentence:increment',
  suite: 'ifbench',
  properties: { small_n: nonNegativeInt },
  required: ['small_n'],
  build: (kw) => (t) => {
    const s = t.sentences();
    if (s.length === 0) return false;
    let prev = words(s[0]!);
    for (const sentence of s.slice(1)) {
      const n = words(sentence);
      if (n !== prev + (kw.small_n as number)) return false;
      prev = n;
    }
    return true;
  },
});
