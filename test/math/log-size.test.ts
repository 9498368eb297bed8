/**
 * Constants told apart by size before exact evaluation (src/verifiers/math/log-size.ts): the
 * bounds hold the true size on any constant built from the kinds it handles, and an answer over
 * 400 orders of magnitude from the gold is decided without spending the work budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apartBySize, logSize } from '../../src/verifiers/math/log-size.js';
import { numValue } from '../../src/verifiers/math/evaluate.js';
import { parseMath, verifyMath } from '../../src/verifiers/math/index.js';
import { lastWork } from '../../src/verifiers/math/rational.js';

const int = fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0);
const leaf = int.map((n) => (n < 0 ? `(${n})` : String(n)));
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a})\\cdot(${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `\\frac{${a}}{${b}}`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a})+(${b})`),
    fc.tuple(tie('e'), fc.integer({ min: -6, max: 6 })).map(([a, k]) => `(${a})^{${k}}`),
  ),
})).e;

describe('math: sizes of constants', () => {
  it('the bounds hold the value whenever they are given', () => {
    fc.assert(
      fc.property(expr, (src) => {
        const tree = parseMath(src);
        const s = logSize(tree);
        if (!s) return;
        const v = numValue(tree, { vars: new Map(), complex: false });
        if (Array.isArray(v) || v.im !== 0 || !Number.isFinite(v.re) || v.re === 0) return;
        const l = Math.log10(Math.abs(v.re));
        expect(l, src).toBeGreaterThanOrEqual(s.lo - 1e-9);
        expect(l, src).toBeLessThanOrEqual(s.hi + 1e-9);
        expect(Math.sign(v.re), src).toBe(s.sign);
      }),
      { numRuns: 3000 },
    );
  });

  it('an answer 400 orders of magnitude from the gold is decided without the exact budget', () => {
    const v = verifyMath('\\boxed{\\frac{3^{62000}}{5^{42000}}+\\frac{7^{35000}}{11^{28000}}}', '42');
    expect(v).toMatchObject({ pass: false });
    expect(lastWork().used).toBeLessThan(100_000);
    expect(verifyMath('\\boxed{\\frac{3^{62000}}{3^{61998}}}', '9').pass).toBe(true);
  });

  it('sizes decide nothing under a loose relative tolerance, near 1, or when close', () => {
    const big = { lo: 10, hi: 10, sign: 1 as const };
    expect(apartBySize(big, { lo: 1, hi: 1, sign: 1 }, undefined)).toBe(true);
    expect(apartBySize(big, { lo: 1, hi: 1, sign: 1 }, 0.9)).toBe(false);
    expect(apartBySize({ lo: 0.5, hi: 0.5, sign: 1 }, { lo: -8, hi: -8, sign: 1 }, undefined)).toBe(false);
    expect(apartBySize(big, { lo: 5, hi: 5, sign: 1 }, undefined)).toBe(false);
  });
});
