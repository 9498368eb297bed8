/**
 * format:no_bullets_bullets — lines before the first `*` line hold at least two Punkt sentences,
 * then only `*` lines, at least two of them.
 */
import { defineInstruction } from '../../instruction.js';
import { sentTokenize } from '../../text/punkt.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'format:no_bullets_bullets',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    let inSentences = true;
    let sentences = 0;
    let bullets = 0;
    for (const line of t.text.split('\n')) {
      if (pyStrip(line).startsWith('*')) {
        inSentences = false;
        if (sentences < 2) return false;
        bullets += 1;
      } else if (inSentences) {
        // The reference rebinds its flag to the (truthy or empty) sentence list here.
        const s = sentTokenize(pyStrip(line));
        inSentences = s.length > 0;
        sentences += s.length;
      } else {
        return false;
      }
    }
    return bullets >= 2;
  },
});
