/**
 * words:words_position — the second token and the second-to-last token (third-to-last when the
 * last is a substring of string.punctuation) of `nltk.word_tokenize` are the keyword.
 */
import { defineInstruction, string } from '../../instruction.js';
import { PUNCTUATION, pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'words:words_position',
  suite: 'ifbench',
  properties: { keyword: string },
  required: ['keyword'],
  build: (kw) => {
    const keyword = pyStrip(kw.keyword as string).toLowerCase();
    return (t) => {
      const w = t.wordTokens();
      if (w.length < 2) return false;
      if (PUNCTUATION.includes(w[w.length - 1]!)) {
        if (w.length < 3) return false;
        return w[1]!.toLowerCase() === keyword && w[w.length - 3]!.toLowerCase() === keyword;
      }
      return w[1]!.toLowerCase() === keyword && w[w.length - 2]!.toLowerCase() === keyword;
    };
  },
});
