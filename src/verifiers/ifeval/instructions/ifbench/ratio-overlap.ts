/**
 * ratio:overlap — the share of the response's distinct character trigrams (`nltk.ngrams(value, 3)`
 * over code points) also found in the reference text is within ±2 points of `percentage`.
 */
import { defineInstruction, nonNegativeNumber } from '../../instruction.js';
import { codePoints } from '../../text/pystr.js';

function trigrams(s: string): Set<string> {
  const cps = codePoints(s);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= cps.length; i++) out.add(cps[i]! + cps[i + 1]! + cps[i + 2]!);
  return out;
}

export const instruction = defineInstruction({
  id: 'ratio:overlap',
  suite: 'ifbench',
  properties: { reference_text: { type: 'string' }, percentage: nonNegativeNumber },
  required: ['reference_text', 'percentage'],
  build: (kw) => {
    const ref = trigrams(kw.reference_text as string);
    const pct = kw.percentage as number;
    return (t) => {
      const mine = trigrams(t.text);
      if (mine.size === 0) return false;
      let shared = 0;
      for (const g of mine) if (ref.has(g)) shared++;
      const overlap = (shared / mine.size) * 100;
      return pct - 2 <= overlap && overlap <= pct + 2;
    };
  },
});
