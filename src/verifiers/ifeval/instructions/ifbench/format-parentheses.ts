/**
 * format:parentheses — a correctly closed group of (), [], {} nested at least 5 deep (the
 * reference's scan: a mismatched closer resets the depth count).
 */
import { defineInstruction } from '../../instruction.js';

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export const instruction = defineInstruction({
  id: 'format:parentheses',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    let levels: string[] = [];
    let maxDepth = 0;
    for (const c of t.text) {
      if (c === '(' || c === '[' || c === '{') {
        levels.push(c);
        if (levels.length > maxDepth) maxDepth = levels.length;
      } else if (c === ')' || c === ']' || c === '}') {
        if (levels.length > 0 && levels[levels.length - 1] === PAIRS[c]) {
          levels.pop();
          if (maxDepth >= 5 && levels.length < maxDepth) return true;
        } else {
          levels = [];
          maxDepth = 0;
        }
      }
    }
    return false;
  },
});
