/**
 * keywords:existence — every keyword occurs. The reference runs each keyword as a raw Python regex
 * with IGNORECASE (`re.search(keyword, value, re.IGNORECASE)`), so "war" is found in "software".
 */
import { defineInstruction, userRegex } from '../../instruction.js';
import { pySearch } from '../../text/pyregex.js';

export const instruction = defineInstruction({
  id: 'keywords:existence',
  suite: 'ifeval',
  properties: { keywords: { type: 'array', items: { type: 'string', maxLength: 200 }, minItems: 1, maxItems: 50 } },
  required: ['keywords'],
  build: (kw) => {
    const res = (kw.keywords as string[]).map((k, i) => userRegex(`keywords[${i}]`, k, { ignoreCase: true }));
    return (t) => res.every((re) => pySearch(re, t.text) !== null);
  },
});
