/**
 * length_constraints:nth_paragraph_first_word — exactly `num_paragraphs` non-empty paragraphs
 * (split on "\n\n") and paragraph `nth_paragraph` starts with `first_word` (lowercased, leading
 * quotes dropped, cut at the first . , ? ! ' ").
 */
import { defineInstruction, kwargError, nonNegativeInt, positiveInt } from '../../instruction.js';
import { pyStrip, splitWhitespace } from '../../text/pystr.js';

const STOP = new Set(['.', ',', '?', '!', "'", '"']);

export const instruction = defineInstruction({
  id: 'length_constraints:nth_paragraph_first_word',
  suite: 'ifeval',
  properties: { num_paragraphs: nonNegativeInt, nth_paragraph: positiveInt, first_word: { type: 'string' } },
  required: ['num_paragraphs', 'nth_paragraph', 'first_word'],
  build: (kw) => {
    const total = kw.num_paragraphs as number;
    const nth = kw.nth_paragraph as number;
    // The reference draws a random nth_paragraph when it exceeds num_paragraphs.
    if (nth > total) throw kwargError('nth_paragraph', `must be at most num_paragraphs (${total})`);
    const firstWord = (kw.first_word as string).toLowerCase();
    return (t) => {
      const paragraphs = t.text.split('\n\n');
      let n = paragraphs.length;
      for (const p of paragraphs) if (pyStrip(p) === '') n -= 1;
      if (nth > n) return false;
      const paragraph = pyStrip(paragraphs[nth - 1]!);
      if (paragraph === '') return false;
      let word = pyStrip(splitWhitespace(paragraph)[0]!);
      word = word.replace(/^'+/, '').replace(/^"+/, '');
      let first = '';
      for (const c of word) {
        if (STOP.has(c)) break;
        first += c.toLowerCase();
      }
      return n === total && first === firstWord;
    };
  },
});
