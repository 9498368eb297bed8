/**
 * format:title_case — no word_tokenize token that starts with a letter is lowercase-initial or a
 * single lowercase letter (the reference's `isupper`/`islower` tests on code points).
 */
import { defineInstruction } from '../../instruction.js';
import { codePoints, pyIsAlpha, pyIsLower, pyIsUpper } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'format:title_case',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    for (const word of t.wordTokens()) {
      const c = codePoints(word);
      if (c.length === 0 || !pyIsAlpha(c[0]!)) continue;
      if (c.length === 1) {
        if (pyIsLower(c[0]!)) return false;
        continue;
      }
      const rest = c.slice(1).join('');
      if (pyIsUpper(c[0]!) && pyIsLower(rest)) continue;
      if (pyIsLower(c[0]!) && (pyIsUpper(rest) || pyIsLower(rest))) return false;
    }
    return true;
  },
});
