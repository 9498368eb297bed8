/** detectable_format:number_bullet_lists — exactly N lines starting with `* ` or `-` (MULTILINE). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyFindallCount } from '../../text/pyregex.js';

const RES = lazy(() => [
  pyCompile(String.raw`^\s*\*[^\*].*$`, { multiline: true }),
  pyCompile(String.raw`^\s*-.*$`, { multiline: true }),
]);

export const instruction = defineInstruction({
  id: 'detectable_format:number_bullet_lists',
  suite: 'ifeval',
  properties: { num_bullets: nonNegativeInt },
  required: ['num_bullets'],
  build: (kw) => (t) => {
    const [star, dash] = RES();
    return pyFindallCount(star!, t.text) + pyFindallCount(dash!, t.text) === kw.num_bullets;
  },
});
