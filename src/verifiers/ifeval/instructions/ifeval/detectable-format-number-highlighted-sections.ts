/**
 * detectable_format:number_highlighted_sections — at least N non-blank `*...*` spans on one line;
 * `**...**` spans count again (as the reference counts both patterns).
 */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyFindall } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

const RES = lazy(() => [pyCompile(String.raw`\*[^\n\*]*\*`), pyCompile(String.raw`\*\*[^\n\*]*\*\*`)] as const);

export const instruction = defineInstruction({
  id: 'detectable_format:number_highlighted_sections',
  suite: 'ifeval',
  properties: { num_highlights: nonNegativeInt },
  required: ['num_highlights'],
  build: (kw) => (t) => {
    const [single, double] = RES();
    let n = 0;
    for (const h of pyFindall(single, t.text)) if (pyStrip(pyStrip(h, '*')) !== '') n++;
    for (const h of pyFindall(double, t.text)) if (pyStrip(h.slice(2, -2)) !== '') n++;
    return n >= (kw.num_highlights as number);
  },
});
