/** format:output_template — contains "My Answer:", "My Conclusion:" and "Future Outlook:". */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'format:output_template',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => ['My Answer:', 'My Conclusion:', 'Future Outlook:'].every((s) => t.text.includes(s)),
});
