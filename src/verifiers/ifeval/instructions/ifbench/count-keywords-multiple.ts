/** count:keywords_multiple — keyword1..5 occur exactly 1, 2, 3, 5, 7 times (case-insensitive substring counts). */
import { defineInstruction, string } from '../../instruction.js';
import { pyCount, pyStrip } from '../../text/pystr.js';

const TIMES = [1, 2, 3, 5, 7];
const KEYS = ['keyword1', 'keyword2', 'keyword3', 'keyword4', 'keyword5'];

export const instruction = defineInstruction({
  id: 'count:keywords_multiple',
  suite: 'ifbench',
  properties: Object.fromEntries(KEYS.map((k) => [k, string])),
  required: KEYS,
  build: (kw) => {
    const words = KEYS.map((k) => pyStrip(kw[k] as string).toLowerCase());
    return (t) => {
      const v = t.text.toLowerCase();
      return words.every((w, i) => pyCount(v, w) === TIMES[i]);
    };
  },
});
