/** ratio:stop_words — NLTK English stop words are at most `percentage`% of the `\w+` words. */
import { defineInstruction, nonNegativeNumber } from '../../instruction.js';
import { englishStopwords } from '../../text/stopwords.js';

export const instruction = defineInstruction({
  id: 'ratio:stop_words',
  suite: 'ifbench',
  properties: { percentage: nonNegativeNumber },
  required: ['percentage'],
  build: (kw) => (t) => {
    const words = t.wordMatches();
    if (words.length === 0) return false;
    const stop = englishStopwords();
    let n = 0;
    for (const w of words) if (stop.has(w.toLowerCase())) n++;
    return (n / words.length) * 100 <= (kw.percentage as number);
  },
});
