/** detectable_format:title — a non-blank `<<title>>` on one line. */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyFindall } from '../../text/pyregex.js';
import { pyLstrip, pyRstrip, pyStrip } from '../../text/pystr.js';

const TITLE = lazy(() => pyCompile('<<[^\\n]+>>'));

export const instruction = defineInstruction({
  id: 'detectable_format:title',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => pyFindall(TITLE(), t.text).some((x) => pyStrip(pyRstrip(pyLstrip(x, '<'), '>')) !== ''),
});
