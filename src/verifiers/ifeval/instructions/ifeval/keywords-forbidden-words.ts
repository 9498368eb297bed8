/**
 * keywords:forbidden_words — none of the words occurs as `\b<word>\b` (IGNORECASE). The words are
 * raw Python regex text and `\b` is Python's Unicode word boundary.
 */
import { defineInstruction, userRegex } from '../../instruction.js';
import { pySearch } from '../../text/pyregex.js';

export const instruction = defineInstruction({
  id: 'keywords:forbidden_words',
  suite: 'ifeval',
  properties: { forbidden_words: { type: 'array', items: { type: 'string', maxLength: 200 }, minItems: 1, maxItems: 50 } },
  required: ['forbidden_words'],
  build: (kw) => {
    const words = kw.forbidden_words as string[];
    const res = words.map((w, i) => userRegex(`forbidden_words[${i}]`, String.raw`\b` + w + String.raw`\b`, { ignoreCase: true }));
    return (t) => res.every((re) => pySearch(re, t.text) === null);
  },
});
