/** format:sub-bullets — every piece after a `*` contains a `-`. */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'format:sub-bullets',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => t.text.split('*').slice(1).every((b) => b.includes('-')),
});
