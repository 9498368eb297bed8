/** words:repeats — no word (lowercased, punctuation removed) occurs more than `small_n` times. */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { PUNCTUATION, removeChars, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:repeats',
  suite: 'ifbench',
  properties: { small_n: nonNegativeInt },
  required: ['small_n'],
  build: (kw) => (t) => {
    const counts = new Map<string, number>();
    for (const w of splitWhitespace(removeChars(t.text.toLowerCase(), PUNCTUATION))) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const c of counts.values()) if (c > (kw.small_n as number)) return false;
    return true;
  },
});
