/** words:start_verb — NLTK's perceptron tagger gives the first word_tokenize token a VB* tag. */
import { defineInstruction } from '../../instruction.js';
import { firstTag } from '../../text/pos-tagger.js';

export const instruction = defineInstruction({
  id: 'words:start_verb',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    const tag = firstTag(t.wordTokens());
    return tag !== undefined && tag.includes('VB');
  },
});
