/** words:vowel — a single line (after stripping) using at most three distinct vowels a e i o u. */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:vowel',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const lines = pyStrip(t.text).split('\n');
    if (lines.length !== 1) return false;
    const seen = new Set<string>();
    for (const c of lines[0]!.toLowerCase()) if ('aeiou'.includes(c) && c.length === 1) seen.add(c);
    return seen.size <= 3;
  },
});
