/**
 * length_constraints:number_paragraphs — exactly `num_paragraphs` paragraphs separated by `***`
 * (`re.split(r"\s?\*\*\*\s?", value)`; an empty piece is allowed only first or last).
 */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pySplit } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

const DIVIDER = lazy(() => pyCompile(String.raw`\s?\*\*\*\s?`));

export const instruction = defineInstruction({
  id: 'length_constraints:number_paragraphs',
  suite: 'ifeval',
  properties: { num_paragraphs: nonNegativeInt },
  required: ['num_paragraphs'],
  build: (kw) => (t) => {
    const parts = pySplit(DIVIDER(), t.text) as string[];
    let n = parts.length;
    for (let i = 0; i < parts.length; i++) {
      if (pyStrip(parts[i]!) !== '') continue;
      if (i === 0 || i === parts.length - 1) n -= 1;
      else return false;
    }
    return n === kw.num_paragraphs;
  },
});
