/**
 * sentence:alliteration_increment — each sentence's alliteration score (consecutive words sharing
 * a first character; a run of k words scores k) is higher than the previous sentence's.
 */
import { defineInstruction } from '../../instruction.js';
import { PUNCTUATION_SPACE, codePoints, pyLstrip, splitWhitespace } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'sentence:alliteration_increment',
  suite: 'ifbench',
  properties: {},
  required: [],
  build: () => (t) => {
    let prev = -1;
    for (const sentence of t.sentences()) {
      const words = splitWhitespace(sentence.toLowerCase())
        .map((w) => pyLstrip(w, PUNCTUATION_SPACE))
        .filter((w) => w !== '');
      let score = 0;
      let inRun = false;
      for (let i = 0; i + 1 < words.length; i++) {
        if (codePoints(words[i]!)[0] === codePoints(words[i + 1]!)[0]) {
          score += inRun ? 1 : 2;
          inRun = true;
        } else inRun = false;
      }
      if (score <= prev) return false;
      prev = score;
    }
    return true;
  },
});
