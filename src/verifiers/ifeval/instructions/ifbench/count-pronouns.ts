/** count:pronouns — at least N pronoun tokens (`nltk.word_tokenize` of the lowercased text, "/" as a space). */
import { defineInstruction, nonNegativeInt } from '../../instruction.js';
import { wordTokenize } from '../../text/word-tokenize.js';

const PRONOUNS = new Set([
  'i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them',
  'my', 'mine', 'our', 'ours', 'your', 'yours', 'his', 'hers', 'its', 'their', 'theirs',
  'myself', 'ourselves', 'yourself', 'yourselves', 'himself', 'herself', 'itself', 'themselves',
  'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'what',
  'whoever', 'whomever', 'whatever', 'whichever',
  'anybody', 'anyone', 'anything', 'everybody', 'everyone', 'everything',
  'nobody', 'nothing', 'somebody', 'someone', 'something',
  'each', 'either', 'neither', 'both', 'all', 'some', 'any', 'none',
]);

export const instruction = defineInstruction({
  id: 'count:pronouns',
  suite: 'ifbench',
  properties: { N: nonNegativeInt },
  required: ['N'],
  build: (kw) => (t) => {
    let n = 0;
    for (const w of wordTokenize(t.text.replaceAll('/', ' ').toLowerCase())) if (PRONOUNS.has(w)) n++;
    return n >= (kw.N as number);
  },
});
