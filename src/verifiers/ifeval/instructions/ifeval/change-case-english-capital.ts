/**
 * change_case:english_capital — `str.isupper()` and langdetect says "en" (a text langdetect cannot
 * read counts as followed, as in the reference).
 */
import { defineInstruction } from '../../instruction.js';
import { pyIsUpper } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'change_case:english_capital',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => {
    if (!pyIsUpper(t.text)) return false;
    const lang = t.language();
    return lang === null || lang === 'en';
  },
});
