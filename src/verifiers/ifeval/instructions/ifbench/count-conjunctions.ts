/**
 * count:conjunctions — at least `small_n` different coordinating conjunctions. As in the
 * reference, distinctness is over the words as written ("and" and "And," are two).
 */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { PUNCTUATION_SPACE, pyStrip, splitWhitespace } from '../../text/pystr.js';

const CONJUNCTIONS = new Set(['and', 'but', 'for', 'nor', 'or', 'so', 'yet']);

export const instruction = defineInstruction({
  id: 'count:conjunctions',
  suite: 'ifbench',
  properties: { small_n: nonNegativeInt },
  required: ['small_n'],
  build: (kw) => (t) => {
    const found = new Set(splitWhitespace(t.text).filter((w) => CONJUNCTIONS.has(pyStrip(w, PUNCTUATION_SPACE).toLowerCase())));
    return found.size >= (kw.small_n as number);
  },
});
