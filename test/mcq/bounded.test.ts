/**
 * MCQ extraction is bounded by design: only the last 32k characters are read, and every step is a
 * linear scan (no search that walks the rest of the text once per cue). These tests pin the
 * verdicts of adversarial inputs; their speed is measured in bench/core.bench.ts, not here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMcqLetter, verifyMcq } from '../../src/index.js';
import { TURN_BREAK_RE } from '../../src/verifiers/mcq/cues.js';
import { findTurnBreak } from '../../src/verifiers/mcq/turn-break.js';

const MB = 1_000_000;

describe('mcq: adversarial inputs end with a verdict', () => {
  it.each([
    ['an answer then 30,000 newlines', 'The answer is (B).' + '\n'.repeat(30_000), { letter: 'B' }],
    ['an answer then 10 MB of newlines (beyond the 32k tail)', 'The answer is (B).' + '\n'.repeat(10 * MB), { reason: 'no-answer' }],
    ['"answer is" repeated with no letter', 'The answer is (B). ' + 'answer is '.repeat(MB), { reason: 'no-answer' }],
    ['"option" repeated', 'option '.repeat(MB), { reason: 'no-answer' }],
    ['conditional answers repeated', 'if x then the answer is (B) '.repeat(300_000), { reason: 'no-answer' }],
    ['10 MB of digits', '1'.repeat(10 * MB), { reason: 'no-answer' }],
    ['blank lines and rules repeated', ('\n\n\n' + '='.repeat(100)).repeat(100_000), { reason: 'no-answer' }],
  ])('%s', (_, text, want) => {
    expect(extractMcqLetter(text, { letters: 'ABCD' })).toMatchObject(want);
  });

  it('a 10 MB response is judged, not an error', () => {
    const v = verifyMcq('x'.repeat(10 * MB) + '\nThe answer is (C).', { answer: 'C', letters: 'ABCD' });
    expect(v.pass).toBe(true);
  });
});

describe('findTurnBreak', () => {
  const piece = fc.constantFrom('\n', ' ', '\t', '\r', 'Answer:', 'answer :', 'Question:', '## Response', '==', '=== x', 'q:', 'Human:', '<|im_end|>', '</s>', '<', 'text', '.', 'The answer is (C).');
  it('finds where TURN_BREAK_RE matches, on generated text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const m = TURN_BREAK_RE.exec(text);
        return findTurnBreak(text) === (m ? m.index : -1);
      }),
      { numRuns: 3000 },
    );
  });
});
