/** format:list — the separator `sep` occurs at least twice (an empty `sep` always does). */
import { defineInstruction } from '../../instruction.js';
import { pyCount } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'format:list',
  suite: 'ifbench',
  properties: { sep: { type: 'string' } },
  required: ['sep'],
  // len(re.findall(re.escape(sep), value)) == non-overlapping occurrences of the literal.
  build: (kw) => (t) => pyCount(t.text, kw.sep as string) >= 2,
});
