/** repeat:repeat_change — the request with only its first word changed (whitespace-normalised), and not verbatim. */
import { defineInstruction, nonEmptyString } from '../../instruction.js';
import { splitWhitespace } from '../../text/pystr.js';

const tail = (s: string): string => splitWhitespace(s).slice(1).join(' ');

export const instruction = defineInstruction({
  id: 'repeat:repeat_change',
  suite: 'ifbench',
  properties: { prompt_to_repeat: nonEmptyString },
  required: ['prompt_to_repeat'],
  build: (kw) => {
    const prompt = kw.prompt_to_repeat as string;
    return (t) => prompt !== t.text && tail(prompt) === tail(t.text);
  },
});
