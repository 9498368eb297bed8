/**
 * Properties of the math verifier (fast-check, fixed seeds so CI runs are reproducible).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOne } from '../../src/core/run-one.js';
import { verifier, verifyMath } from '../../src/verifiers/math/index.js';
import { differentMathPair, equivalentMathPair, equivalentPolynomialPair, presentations, rationalValue, renderings } from '../../src/testing/math.js';

const SEED = 20_240_601;

describe('math verifier properties', () => {
  it('a value rendered in any two equivalent forms always verifies equal', () => {
    fc.assert(
      fc.property(equivalentMathPair(), ([gold, response]) => {
        expect(verifyMath(response, gold).pass, `gold ${gold} response ${response}`).toBe(true);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('every rendering of every value round-trips (all forms x all presentations)', () => {
    fc.assert(
      fc.property(rationalValue(), fc.integer({ min: -9, max: 9 }), (value, split) => {
        const forms = renderings(value, split);
        for (const gold of forms) for (const answer of forms) for (const response of presentations(answer).slice(2, 4)) {
          expect(verifyMath(response, gold).pass, `gold ${gold} response ${response}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('a value changed by a non-trivial amount never verifies equal', () => {
    fc.assert(
      fc.property(differentMathPair(), ([gold, response]) => {
        expect(verifyMath(response, gold).pass, `gold ${gold} response ${response}`).toBe(false);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('factored and expanded polynomials verify equal', () => {
    fc.assert(
      fc.property(equivalentPolynomialPair(), ([gold, response]) => {
        expect(verifyMath(response, gold).pass, `gold ${gold} response ${response}`).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  const mathish = fc.stringMatching(/^[0-9a-z\\{}()[\]^_+\-*/=<>,.$% ]{0,40}$/);
  const anyText = fc.oneof(fc.string({ maxLength: 60 }), mathish, fc.constantFrom('\\boxed{', '$$', '\\frac{1}{0}', '0^{-1}', '\\sqrt{-1}', '10^{10^{10^{10}}}', '((((', '}}}'));

  it('always gives a score in [0, 1] and never throws, whatever the response and reference', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (response, reference) => {
        const v = await runOne(verifier as never, response, reference, {});
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.score).toBeLessThanOrEqual(1);
        expect(typeof v.pass).toBe('boolean');
      }),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('is deterministic: the same sample gives the same verdict, before and after other samples', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, anyText), { minLength: 2, maxLength: 6 }), (pairs) => {
        const once = pairs.map(([r, g]) => JSON.stringify(safe(r, g)));
        const again = [...pairs].reverse().map(([r, g]) => JSON.stringify(safe(r, g))).reverse();
        expect(again).toEqual(once);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('ignores formatting that does not matter ($, \\left/\\right, \\dfrac, spacing, a final full stop)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 4 }), (n, d, k) => {
        const gold = `\\frac{${n}}{${d}}`;
        const variants = [`$\\left(\\dfrac{${n}}{${d}}\\right)$`, `\\boxed{ \\frac { ${n} } { ${d} } }.`, `\\(\\tfrac{${n}}{${d}}\\)`, `$$\\frac{${n}}{${d}}$$`, `\\boxed{\\frac{${n}}{${d}}}\\,`];
        expect(verifyMath(variants[k]!, gold).pass).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

function safe(response: string, reference: string): unknown {
  try {
    return verifyMath(response, reference);
  } catch (err) {
    return { threw: (err as Error).name };
  }
}
