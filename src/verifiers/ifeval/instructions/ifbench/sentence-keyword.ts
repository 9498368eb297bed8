/**
 * sentence:keyword — the N-th Punkt sentence contains the keyword as a whole word (escaped,
 * IGNORECASE). N = 0 reads the last sentence, as Python's index -1 does.
 */
import { defineInstruction, nonEmptyString, nonNegativeInt } from '../../instruction.js';
import { pyCompile, pyEscape, pySearch } from '../../text/pyregex.js';

export const instruction = defineInstruction({
  id: 'sentence:keyword',
  suite: 'ifbench',
  properties: { word: nonEmptyString, N: nonNegativeInt },
  required: ['word', 'N'],
  build: (kw) => {
    const n = kw.N as number;
    const re = pyCompile(String.raw`\b` + pyEscape(kw.word as string) + String.raw`\b`, { ignoreCase: true });
    return (t) => {
      const s = t.sentences();
      if (s.length < n) return false;
      const sentence = n === 0 ? s[s.length - 1] : s[n - 1];
      return sentence !== undefined && pySearch(re, sentence) !== null;
    };
  },
});
