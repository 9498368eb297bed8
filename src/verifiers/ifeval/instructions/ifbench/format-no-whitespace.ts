/** format:no_whitespace — no character for which Python's `str.isspace()` holds. */
import { defineInstruction } from '../../instruction.js';
import { isSpaceCp } from '../../text/pyunicode.js';

export const instruction = defineInstruction({
  id: 'format:no_whitespace',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    for (const c of t.text) if (isSpaceCp(c.codePointAt(0)!)) return false;
    return true;
  },
});
