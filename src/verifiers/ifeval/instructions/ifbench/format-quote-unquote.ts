/**
 * format:quote_unquote — with whitespace removed, no two `"` touch, and the text (digits and
 * other punctuation stripped from the ends) does not end with `"`. The reference first replaces
 * `"` by `"` (a no-op) and removes the sequence `'"'`.
 */
import { defineInstruction } from '../../instruction.js';
import { DIGITS, PUNCTUATION, pyStrip, splitWhitespace } from '../../text/pystr.js';

const STRIP = DIGITS + PUNCTUATION.replace('"', '');

export const instruction = defineInstruction({
  id: 'format:quote_unquote',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const v = splitWhitespace(t.text.replaceAll(`'"'`, '')).join('');
    if (v.includes('""')) return false;
    const s = pyStrip(v, STRIP);
    return !(s !== '' && s.endsWith('"'));
  },
});
