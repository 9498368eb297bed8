/**
 * custom:mcq_count_length — the response starts with "Question", has 4 questions of 5 options
 * (A-E lines) each, and the question texts get longer.
 */
import { defineInstruction } from '../../instruction.js';
import { lazy } from '../../text/data.js';
import { pyCompile, pyMatch, pySplit } from '../../text/pyregex.js';
import { pyLen, pySlice, pyStrip } from '../../text/pystr.js';

const RES = lazy(() => ({
  split: pyCompile(String.raw`\n*(?:Question \d+[\.|\):;]?\s*)`),
  option: pyCompile(String.raw`^[A-Ea-e][\.|\)]\s*\w+`),
}));

export const instruction = defineInstruction({
  id: 'custom:mcq_count_length',
  suite: 'ifbench',
  properties: {},
  required: [],
  open: true,
  build: () => (t) => {
    const value = t.text;
    const at = value.indexOf('Question');
    // value[value.find('Question'):] reads the last character when there is none (find = -1).
    if ((at === -1 ? pySlice(value, -1) : value.slice(at)) !== value) return false;
    let questions = pySplit(RES().split, value) as string[];
    if (questions[0] === '') questions = questions.slice(1);
    questions = questions.map((q) => pyStrip(q)).filter((q) => q !== '');
    if (questions.length !== 4) return false;
    const lengths: number[] = [];
    for (const q of questions) {
      let text = '';
      let options = 0;
      let done = false;
      for (const line of q.split('\n')) {
        if (pyMatch(RES().option, pyStrip(line))) {
          options += 1;
          done = true;
        } else if (!done) text += ' ' + pyStrip(line);
      }
      if (options !== 5) return false;
      lengths.push(pyLen(pyStrip(text)));
    }
    return lengths.every((n, i) => i === 0 || lengths[i - 1]! < n);
  },
});
