/**
 * The cap on answer statements read per response (MAX_CUES, the last ones): text made of
 * back-to-back cues costs a bounded number of statement reads, and the statements that decide an
 * answer (the last ones) are always inside the cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMcqLetter } from '../../src/index.js';
import { MAX_CUES } from '../../src/verifiers/mcq/extract.js';
import { mcqLetter, mcqResponse } from '../../src/testing/index.js';

const letterOf = (text: string): string | undefined => extractMcqLetter(text).letter;

describe('answer statements read per response', () => {
  it('reads the final answer after thousands of cues with no value', () => {
    const filler = 'the answer is '.repeat(5 * MAX_CUES);
    expect(letterOf(`${filler}\n\nThe answer is (B).`)).toBe('B');
    expect(letterOf(`Answer: A or B\n`.repeat(3 * MAX_CUES) + 'Therefore, the answer is (D).')).toBe('D');
  });

  it('a response that commits to a letter after any number of value-less cues reads that letter', () => {
    fc.assert(
      fc.property(mcqLetter('ABCD'), fc.integer({ min: 0, max: 3 * MAX_CUES }), (letter, cues) =>
        fc.assert(
          fc.property(mcqResponse(letter), (response) => {
            expect(letterOf('I think the answer is unclear.\n'.repeat(cues) + '\n\n' + response)).toBe(letter);
          }),
          { numRuns: 3 },
        ),
      ),
      { numRuns: 100 },
    );
  });
});
