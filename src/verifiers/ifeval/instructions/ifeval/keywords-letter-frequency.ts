/**
 * keywords:letter_frequency — the letter occurs (in the lowercased response) less than / at least
 * `let_frequency` times.
 *
 * Keys 1122 and 1129 of IFEval ask for '#' and '!': the reference replaces any "letter" outside a-z
 * by a *random* ASCII letter, so its result for them is random. We count the literal symbol instead
 * (deterministic, and what the prompt asks); this is the one documented departure from the reference.
 */
import { compare, defineInstruction, kwargError, nonNegativeInt } from '../../instruction.js';
import { codePoints, pyStrip } from '../../text/pystr.js';

export const instruction = defineInstruction({
  id: 'keywords:letter_frequency',
  suite: 'ifeval',
  properties: { letter: { type: 'string', minLength: 1 }, let_frequency: nonNegativeInt, let_relation: { enum: ['less than', 'at least'] } },
  required: ['letter', 'let_frequency', 'let_relation'],
  build: (kw) => {
    const raw = kw.letter as string;
    if (codePoints(raw).length !== 1) throw kwargError('letter', 'must be a single character');
    const lower = raw.toLowerCase();
    // a-z: the reference's own path (strip, lower). Anything else: the literal symbol.
    const letter = lower >= 'a' && lower <= 'z' && lower.length === 1 ? pyStrip(raw).toLowerCase() : lower;
    return (t) => {
      let n = 0;
      for (const c of t.text.toLowerCase()) if (c === letter) n++;
      return compare(n, kw.let_relation, kw.let_frequency as number);
    };
  },
});
