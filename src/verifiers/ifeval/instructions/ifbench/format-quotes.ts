/** format:quotes — quotes nested at least 3 levels, alternating " and ' (the reference's stack scan). */
import { defineInstruction } from '../../instruction.js';

export const instruction = defineInstruction({
  id: 'format:quotes',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const levels: string[] = [];
    let reached = 0;
    let depth = 0;
    for (const c of t.text) {
      if (levels.length !== 0 && c === levels[levels.length - 1]) {
        levels.pop();
        depth -= 1;
        if (reached - depth >= 3) return true;
      } else if (c === '"' || c === "'") {
        levels.push(c);
        depth += 1;
        if (depth > reached) reached = depth;
      }
    }
    return false;
  },
});
