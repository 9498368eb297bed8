/**
 * count:words_japanese — every N-th whitespace word (punctuation stripped; empty words and
 * `str.isdigit()` words exempt) contains hiragana, katakana or a CJK ideograph.
 */
import { defineInstruction, positiveInt } from '../../instruction.js';
import { PUNCTUATION_SPACE, pyIsDigit, pyStrip, splitWhitespace } from '../../text/pystr.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

export const instruction = defineInstruction({
  id: 'count:words_japanese',
  suite: 'ifbench',
  properties: { N: positiveInt },
  required: ['N'],
  build: (kw) => {
    const n = kw.N as number;
    return (t) =>
      splitWhitespace(t.text).every((raw, i) => {
        const word = pyStrip(raw, PUNCTUATION_SPACE);
        return (i + 1) % n !== 0 || word === '' || pyIsDigit(word) || JAPANESE.test(word);
      });
  },
});
