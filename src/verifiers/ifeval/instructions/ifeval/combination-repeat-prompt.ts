/** combination:repeat_prompt — the response starts with the request (both stripped, lowercased). */
import { defineInstruction, nonEmptyString } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'combination:repeat_prompt',
  suite: 'ifeval',
  properties: { prompt_to_repeat: nonEmptyString },
  required: ['prompt_to_repeat'],
  build: (kw) => {
    const prompt = pyStrip(kw.prompt_to_repeat as string).toLowerCase();
    return (t) => pyStrip(t.text).toLowerCase().startsWith(prompt);
  },
});
