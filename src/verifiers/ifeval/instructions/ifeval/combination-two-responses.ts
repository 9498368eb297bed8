/** combination:two_responses — exactly two different non-blank responses separated by `******`. */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'combination:two_responses',
  suite: 'ifeval',
  properties: {},
  required: [],
  build: () => (t) => {
    const parts = t.text.split('******');
    const valid: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (pyStrip(parts[i]!) === '') {
        if (i !== 0 && i !== parts.length - 1) return false;
      } else valid.push(parts[i]!);
    }
    return valid.length === 2 && pyStrip(valid[0]!) !== pyStrip(valid[1]!);
  },
});
