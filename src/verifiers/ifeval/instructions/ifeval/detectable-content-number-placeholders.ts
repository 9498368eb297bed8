/** detectable_content:number_placeholders — at least N `[...]` placeholders (`re.findall(r"\[.*?\]")`). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyFindallCount } from '../../text/pyregex.js';

const PLACEHOLDER = lazy(() => pyCompile(String.raw`\[.*?\]`));

export const instruction = defineInstruction({
  id: 'detectable_content:number_placeholders',
  suite: 'ifeval',
  properties: { num_placeholders: nonNegativeInt },
  required: ['num_placeholders'],
  build: (kw) => (t) => pyFindallCount(PLACEHOLDER(), t.text) >= (kw.num_placeholders as number),
});
