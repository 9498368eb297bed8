/** count:numbers — exactly N digit runs (Unicode `\d+`) once ASCII punctuation is removed. */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyFindallCount } from '../../text/pyregex.js';
import { PUNCTUATION, removeChars } from '../../text/pystr.js';

const DIGITS = lazy(() => pyCompile(String.raw`\d+`));

export const instruction = defineInstruction({
  id: 'count:numbers',
  suite: 'ifbench',
  properties: { N: nonNegativeInt },
  required: ['N'],
  build: (kw) => (t) => pyFindallCount(DIGITS(), removeChars(t.text, PUNCTUATION)) === kw.N,
});
