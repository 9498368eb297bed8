/** detectable_format:constrained_response — contains "My answer is yes./no./maybe.". */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

const OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

export const instruction = defineInstruction({
  id: 'detectable_format:constrained_response',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => {
    const v = pyStrip(t.text);
    return OPTIONS.some((o) => v.includes(o));
  },
});
