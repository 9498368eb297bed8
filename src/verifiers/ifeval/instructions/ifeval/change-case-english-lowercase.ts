/**
 * change_case:english_lowercase — `str.islower()` and langdetect says "en" (a text langdetect
 * cannot read counts as followed, as in the reference).
 */
import { defineInstruction } from '../../instruction.js';
import { pyIsLower } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'change_case:english_lowercase',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => {
    if (!pyIsLower(t.text)) return false;
    const lang = t.language();
    return lang === null || lang === 'en';
  },
});
