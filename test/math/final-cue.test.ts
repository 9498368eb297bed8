/** The literal final-answer cue search finds exactly the matches of the expression it replaces. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finalAnswerEnds } from '../../src/verifiers/math/final-cue.js';

/** The ends of every match of the expression the literal search replaces. */
function byRegex(text: string): number[] {
  const re = /final\s+answer/gi;
  const ends: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  return ends;
}

const pieces = ['final', 'Final', 'FINAL', 'fInAl', 'answer', 'Answer', 'ANSWER', 'aNsWeR', 'answ', 'er', 'w', 'W', ' ', '\n', '\t', '\u00a0', '\u3000', 'x', 'ſ', 'é', '.'];

describe('finalAnswerEnds', () => {
  it('finds exactly the ends of /final\\s+answer/gi on generated text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(finalAnswerEnds(text)).toEqual(byRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads cues in any case, across any whitespace, in order', () => {
    const text = 'The FINAL\u00a0ANSWER is 2. final\n\nanswer: 3. Final answer 4 finalanswer';
    expect(finalAnswerEnds(text)).toEqual(byRegex(text));
    expect(finalAnswerEnds(text)).toHaveLength(3);
  });
});
