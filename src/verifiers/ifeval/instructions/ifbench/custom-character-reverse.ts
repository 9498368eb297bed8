/** custom:character_reverse — contains "elgae dlab" (case-insensitive). */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'custom:character_reverse',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => t.text.toLowerCase().includes('elgae dlab'),
});
