/** Properties of the ifeval verifier over generated records and responses (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyIfeval } from '../../src/index.js';
import { ifevalAnyResponseArb, ifevalForbiddenWordArb, ifevalSatisfiedCaseArb } from '../../src/testing/ifeval.js';

describe('ifeval properties', () => {
  it('a response built to follow a generated instruction passes it', () => {
    fc.assert(
      fc.property(ifevalSatisfiedCaseArb, ({ reference, response }) => {
        const v = verifyIfeval(response, reference, { mode: 'strict' });
        expect([reference.instruction_id_list[0], v.pass]).toEqual([reference.instruction_id_list[0], true]);
      }),
      { numRuns: 400 },
    );
  });

  it('adding a forbidden word makes keywords:forbidden_words fail', () => {
    fc.assert(
      fc.property(ifevalForbiddenWordArb, ({ reference, response, broken }) => {
        expect(verifyIfeval(response, reference, { mode: 'strict' }).pass).toBe(true);
        expect(verifyIfeval(broken, reference, { mode: 'strict' }).pass).toBe(false);
        expect(verifyIfeval(broken, reference, { mode: 'loose' }).pass).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('loose never scores below strict; scores lie in [0, 1]; results are deterministic', () => {
    fc.assert(
      fc.property(ifevalSatisfiedCaseArb, ifevalAnyResponseArb, fc.constantFrom('all', 'fraction') as fc.Arbitrary<'all' | 'fraction'>, ({ reference }, response, reward) => {
        const strict = verifyIfeval(response, reference, { mode: 'strict', reward });
        const loose = verifyIfeval(response, reference, { mode: 'loose', reward });
        expect(loose.score).toBeGreaterThanOrEqual(strict.score);
        for (const v of [strict, loose]) expect(v.score >= 0 && v.score <= 1).toBe(true);
        expect(verifyIfeval(response, reference, { mode: 'strict', reward })).toEqual(strict);
      }),
      { numRuns: 300 },
    );
  });

  it('trailing whitespace does not change punctuation, word-count or keyword results', () => {
    fc.assert(
      fc.property(ifevalSatisfiedCaseArb, fc.constantFrom(' ', '\n', '\t', '  \n'), ({ reference, response }, pad) => {
        const id = reference.instruction_id_list[0]!;
        fc.pre(['punctuation:no_comma', 'length_constraints:number_words', 'keywords:existence', 'keywords:forbidden_words', 'keywords:frequency'].includes(id));
        expect(verifyIfeval(response + pad, reference, { mode: 'strict' }).score).toBe(verifyIfeval(response, reference, { mode: 'strict' }).score);
      }),
      { numRuns: 200 },
    );
  });
});
