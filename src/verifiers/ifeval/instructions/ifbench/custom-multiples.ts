/** custom:multiples — the digit runs (after ", " spacing) are exactly 14 21 28 35 42 49. */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyFindall } from '../../text/pyregex.js';

const DIGITS = lazy(() => pyCompile(String.raw`\d+`));
const EXPECTED = ['14', '21', '28', '35', '42', '49'];

export const instruction = defineInstruction({
  id: 'custom:multiples',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    const n = pyFindall(DIGITS(), t.text.replaceAll(',', ', '));
    return n.length === EXPECTED.length && n.every((x, i) => x === EXPECTED[i]);
  },
});
