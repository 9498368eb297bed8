import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMcqLetter, verifyMcq } from '../../src/index.js';
import { mcqLetter, mcqReasoningText, mcqResponse } from '../../src/testing/index.js';

describe('mcq properties', () => {
  it('any phrasing mcqResponse(letter) produces extracts to that letter', () => {
    fc.assert(
      fc.property(
        mcqLetter().chain((l) => fc.tuple(fc.constant(l), mcqResponse(l))),
        ([l, response]) => extractMcqLetter(response).letter === l,
      ),
      { numRuns: 2000 },
    );
  });

  it('wrapping reasoning around a response never flips its letter', () => {
    fc.assert(
      fc.property(
        mcqLetter().chain((l) => fc.tuple(fc.constant(l), mcqResponse(l), mcqReasoningText(), mcqReasoningText())),
        ([l, response, before, after]) => {
          const wrapped = `${before}\n${response}\n${after}`;
          return extractMcqLetter(wrapped).letter === l;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the score is 1 for the gold letter, 0 for any other, and always in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.tuple(mcqLetter(), mcqLetter()).chain(([said, gold]) => fc.tuple(fc.constant(said), fc.constant(gold), mcqResponse(said))),
        ([said, gold, response]) => {
          const v = verifyMcq(response, gold);
          return v.score === (said === gold ? 1 : 0) && v.pass === (said === gold);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is deterministic and total on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), mcqLetter(), (s, gold) => {
        const a = verifyMcq(s, gold);
        const b = verifyMcq(s, gold);
        expect(a).toEqual(b);
        return a.score >= 0 && a.score <= 1;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mcq properties: option references and echoes', () => {
  const value = fc.constantFrom('False for statement 1 and True for statement 2', '42 N', '3.5 m/s', 'True, True', 'the second law');
  const link = fc.constantFrom(', i.e. option', ', that is, option', ', which is option', ', i.e.', ', which is choice');
  it('a statement whose value is not a letter, followed by an option reference, yields that option', () => {
    fc.assert(
      fc.property(value, link, fc.constantFrom('A', 'B', 'C', 'D'), fc.boolean(), (v, l, x, paren) =>
        extractMcqLetter(`So the answer is ${v}${l} ${paren ? `(${x})` : x}.`, { letters: 'ABCD' }).letter === x),
      { numRuns: 300 },
    );
  });
  it('answer statements naming a letter outside the options after a different valid answer never give a letter', () => {
    const valid = fc.constantFrom('A', 'B', 'C', 'D');
    fc.assert(
      fc.property(valid, fc.constantFrom('E', 'F', 'G', 'H', 'J'), valid, (first, echo, last) => {
        fc.pre(first !== last);
        const r = extractMcqLetter(`The answer is (${first}). The answer is (${echo}). The answer is (${last}).`, { letters: 'ABCD' });
        return r.letter === undefined;
      }),
    );
  });
});
