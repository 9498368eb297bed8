/**
 * words:keywords_specific_position — in the n-th Punkt sentence, the m-th word_tokenize token that
 * has an alphanumeric character is the keyword (case-insensitive).
 */
import { defineInstruction, nonEmptyString, positiveInt } from '../../instruction.js';
import { wordTokenize } from '../../text/word-tokenize.js';
import { pyStrip } from '../../text/pystr.js';
import { isAlnumCp } from '../../text/pyunicode.js';

const hasAlnum = (s: string): boolean => {
  for (const c of s) if (isAlnumCp(c.codePointAt(0)!)) return true;
  return false;
};

export const instruction = defineInstruction({
  id: 'words:keywords_specific_position',
  suite: 'ifbench',
  properties: { keyword: nonEmptyString, n: positiveInt, m: positiveInt },
  required: ['keyword', 'n', 'm'],
  build: (kw) => {
    const keyword = pyStrip(kw.keyword as string).toLowerCase();
    const n = kw.n as number;
    const m = kw.m as number;
    return (t) => {
      const s = t.sentences();
      if (s.length < n) return false;
      const words = wordTokenize(s[n - 1]!).filter(hasAlnum);
      return words.length >= m && words[m - 1]!.toLowerCase() === keyword;
    };
  },
});
