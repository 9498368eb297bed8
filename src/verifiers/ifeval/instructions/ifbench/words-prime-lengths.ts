/** words:prime_lengths — every word (punctuation removed) has a prime number of characters (below 100). */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION, pyLen, removeChars, splitWhitespace } from '../../text/pystr.js';

const PRIMES = new Set([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]);

export const instruction = defineInstruction({
  id: 'words:prime_lengths',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => splitWhitespace(removeChars(t.text, PUNCTUATION)).every((w) => PRIMES.has(pyLen(w))),
});
