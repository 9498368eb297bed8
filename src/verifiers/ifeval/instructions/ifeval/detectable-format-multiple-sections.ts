/**
 * detectable_format:multiple_sections — at least N sections: the number of pieces of
 * `re.split(r"\s?" + spliter + r"\s?\d+\s?", value)` minus one (the splitter is raw regex text).
 */
import { defineInstruction, nonNegativeInt, userRegex } from '../../instruction.js';
import { pySplit } from '../../text/pyregex.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'detectable_format:multiple_sections',
  suite: 'ifeval',
  properties: { section_spliter: { type: 'string' }, num_sections: nonNegativeInt },
  required: ['section_spliter', 'num_sections'],
  build: (kw) => {
    const re = userRegex('section_spliter', String.raw`\s?` + pyStrip(kw.section_spliter as string) + String.raw`\s?\d+\s?`);
    return (t) => pySplit(re, t.text).length - 1 >= (kw.num_sections as number);
  },
});
