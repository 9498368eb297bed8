/**
 * format:line_indent — each line is indented by more spaces than the previous one. Blank lines are
 * removed the reference's way: `lines.remove(line)` while iterating the same list, which skips the
 * line after each removed one (and removes the first equal line). Emulated in one pass: a removal
 * always takes the earliest surviving equal line (at or before the current one), so the loop's next
 * line is two further on; lines after the current one are never removed before they are reached.
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
    const all = t.text.split('\n');
    const blank = all.map((l) => pyStrip(l) === '');
    const queues = new Map<string, { at: number[]; head: number }>();
    all.forEach((l, k) => {
      if (!blank[k]) return;
      const q = queues.get(l) ?? { at: [], head: 0 };
      q.at.push(k);
      queues.set(l, q);
    });
    const removed = new Uint8Array(all.length);
    for (let i = 0; i < all.length; ) {
      if (!blank[i]) {
        i += 1;
        continue;
      }
      const q = queues.get(all[i]!)!;
      removed[q.at[q.head++]!] = 1;
      i += 2;
    }
    const lines = all.filter((_, k) => removed[k] === 0);
    for (let i = 0; i + 1 < lines.length; i++) if (indent(lines[i + 1]!) <= indent(lines[i]!)) return false;
    return true;
  },
});
