/**
 * format:line_indent — each line is indented by more spaces than the previous one. Blank lines are
 * removed the reference's way: `lines.remove(line)` while iterating the same list, which skips the
 * line after each removed one (and removes the first equal line).
 */
import { defineInstruction } from '../../instruction.js';
import { pyStrip } from '../../text/pystr.js';

const indent = (s: string): number => s.length - s.replace(/^ +/, '').length;

export const instruction = defineInstruction({
  id: 'format:line_indent',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const lines = t.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (pyStrip(line) === '') lines.splice(lines.indexOf(line), 1);
    }
    for (let i = 0; i + 1 < lines.length; i++) if (indent(lines[i + 1]!) <= indent(lines[i]!)) return false;
    return true;
  },
});
