/** startend:end_checker — the response (stripped, outer `"` removed, lowercased) ends with the phrase. */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'startend:end_checker',
  suite: 'ifeval',
  properties: { end_phrase: { type: 'string' } },
  required: ['end_phrase'],
  build: (kw) => {
    const phrase = pyStrip(pyStrip(kw.end_phrase as string)).toLowerCase();
    return (t) => pyStrip(pyStrip(t.text), '"').toLowerCase().endsWith(phrase);
  },
});
