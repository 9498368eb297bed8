/**
 * The batch runner sends the `mcq` verifier only the last MCQ_TAIL_CHARS characters of a response
 * (VerifierEntry.tailChars): the verdict must be exactly what the verifier gives on the whole
 * response in this thread, whatever the long part before the tail says, and wherever the cut falls
 * (inside a surrogate pair, inside an answer statement).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closePool, mcqVerdicts } from '../../src/index.js';
import { verifyMcq } from '../../src/verifiers/mcq/index.js';
import { MCQ_TAIL_CHARS } from '../../src/verifiers/mcq/window.js';

afterAll(() => closePool());

const piece = fc.constantFrom('The answer is (B). ', 'Answer: C\n', '\\boxed{D} ', 'so A. ', '😀', 'é', ' reasoning ', '\n\n', '</think>', 'option (C) is correct. ', 'x');

describe('mcq tail window', () => {
  it('scores long responses in the pool exactly as the verifier does on the whole text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(piece, { maxLength: 6 }), fc.integer({ min: -40, max: 40 }), fc.array(piece, { maxLength: 6 })), { minLength: 1, maxLength: 6 }),
        async (cases) => {
          const responses = cases.map(([mid, shift, end]) => {
            // [long filler][mid][filler][end], laid out so that the cut at MCQ_TAIL_CHARS from the
            // end falls within `shift` characters of the start of `mid`.
            const e = end.join('');
            const gap = Math.max(0, MCQ_TAIL_CHARS - mid.join('').length - e.length + shift);
            return 'x '.repeat(3000) + mid.join('') + ' '.repeat(gap) + e;
          });
          const reference = { answer: 'B', letters: 'ABCD' };
          const pooled = await mcqVerdicts(responses, responses.map(() => reference));
          pooled.forEach((v, i) => expect(v).toEqual(verifyMcq(responses[i]!, reference)));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a 10 MB response with its answer at the end passes, and one whose answer is only at the start does not', async () => {
    const filler = 'We think carefully. '.repeat(500_000);
    const reference = { answer: 'B', letters: 'ABCD' };
    const [end, start] = await mcqVerdicts([filler + 'The answer is (B).', 'The answer is (B). ' + filler], [reference, reference]);
    expect(end!.pass).toBe(true);
    expect(start!.pass).toBe(false);
    expect(start).toEqual(verifyMcq('The answer is (B). ' + filler, { answer: 'B', letters: 'ABCD' }));
  });
});
