/** repeat:repeat_span — the response is the request's characters n_start..n_end inclusive (Python slicing, case-insensitive, stripped). */
import { defineInstruction, nonEmptyString } from '../../instruction.js';
import { pySlice, pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'repeat:repeat_span',
  suite: 'ifbench',
  properties: { prompt_to_repeat: nonEmptyString, n_start: { type: 'integer' }, n_end: { type: 'integer' } },
  required: ['prompt_to_repeat', 'n_start', 'n_end'],
  build: (kw) => {
    const span = pyStrip(pySlice(kw.prompt_to_repeat as string, kw.n_start as number, (kw.n_end as number) + 1)).toLowerCase();
    return (t) => pyStrip(t.text).toLowerCase() === span;
  },
});
