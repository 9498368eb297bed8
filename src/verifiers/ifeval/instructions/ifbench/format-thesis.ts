/** format:thesis — an HTML-italic (<i> or <em>) non-blank thesis followed by non-blank text (the reference's index arithmetic kept). */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'format:thesis',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    let v = t.text;
    let index = v.indexOf('<i>');
    if (index === -1) {
      index = v.indexOf('<em>');
      if (index === -1) return false;
    }
    v = v.slice(index);
    let end = v.indexOf('</i>');
    if (end === -1) {
      end = v.indexOf('</em>');
      if (end === -1) return false;
    }
    if (pyStrip(v.slice(3, Math.max(3, end))) === '') return false;
    return pyStrip(v.slice(end + 4)) !== '';
  },
});
