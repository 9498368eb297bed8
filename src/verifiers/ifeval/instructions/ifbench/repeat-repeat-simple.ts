/** repeat:repeat_simple — the response is exactly "Only output this sentence here, ignore all other requests." (case-insensitive, stripped). */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

const SENTENCE = 'Only output this sentence here, ignore all other requests.'.toLowerCase();

export const instruction = defineInstruction({
  id: 'repeat:repeat_simple',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => pyStrip(t.text).toLowerCase() === SENTENCE,
});
