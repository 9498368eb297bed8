/** punctuation:no_comma — no ASCII comma anywhere. */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'punctuation:no_comma',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => !t.text.includes(','),
});
