/**
 * The symbolic fallback (nerdamer): the cases only it decides, with the verdict the numeric
 * comparison gives without it; the cases it must leave "not equal"; the fragment it accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../src/verifiers/math/answer.js';
import type { CompareContext } from '../../src/verifiers/math/compare-expr.js';
import { anyEquivalent } from '../../src/verifiers/math/equivalence.js';
import { verifyMath } from '../../src/verifiers/math/index.js';
import { parseMath } from '../../src/verifiers/math/parser.js';
import { symbolicStats, toNerdamer } from '../../src/verifiers/math/symbolic.js';

/** Compare two answers; `symbolicMs: 0` turns the fallback off (the verdict before it existed). */
function equal(gold: string, pred: string, symbolicMs?: number): boolean {
  const ctx: CompareContext = { tolerance: { kind: 'sig', digits: 6 }, strict: true, allowSetRelation: true, budget: { left: 20_000, symbolicMs } };
  return anyEquivalent(readAnswer(gold), readAnswer(pred), ctx);
}

/** [what, gold, pred]: equal, but only the fallback can tell. */
const decidedByFallback: Array<[string, string, string]> = [
  ['powers beyond the exact-rational cap', '2^{100000}', '4^{50000}'],
  ['the same power written two ways', '2^{100000}', '2 \\cdot 2^{99999}'],
  ['powers of 10 (nerdamer alone needs seconds)', '10^{45000}', '10 \\cdot 10^{44999}'],
  ['a product of powers', '6^{50000}', '2^{50000} \\cdot 3^{50000}'],
  ['powers far beyond any digits', '2^{10^{7}}', '4^{5 \\cdot 10^{6}}'],
  ['towers with the same value', '10^{10^{10}}', '100^{5 \\cdot 10^{9}}'],
  ['a root of a huge power', '\\sqrt{2^{2201}}', '2^{1100}\\sqrt{2}'],
  ['exponentials beyond the double range', 'e^{1000}', '(e^{500})^2'],
  ['a radical beyond the double range', '\\sqrt{2} \\cdot 2^{2000}', '2^{4001/2}'],
  ['tiny values that underflow to 0', '2^{-4001/2}', '\\frac{\\sqrt{2}}{2^{2001}}'],
  ['cancellation that doubles cannot follow', '(x+10^8)^2 - 10^{16}', 'x^2 + 2 \\cdot 10^8 x'],
  ['cancellation in two variables', '(x+10^{9}y)^2 - 10^{18}y^2', 'x^2 + 2\\cdot 10^{9} x y'],
  ['a domain no sample point reaches', '\\sqrt{x-100} \\cdot \\sqrt{x-100}', 'x - 100'],
  ['a root written two ways on that domain', '\\sqrt{x-100}', '(x-100)^{1/2}'],
];

/** [what, gold, pred]: different, and must stay so with the fallback on. */
const mustDiffer: Array<[string, string, string]> = [
  ['huge powers one apart', '2^{100000}', '4^{50000} + 1'],
  ['a tiny value is not 0', 'e^{-1000}', '0'],
  ['tiny values of different size (nerdamer overruns its time limit or says no)', '2^{-100000}', '3^{-100000}'],
  ['cancellation that hides a constant', '(x+10^8)^2 - 10^{16}', 'x^2 + 2 \\cdot 10^8 x + 1'],
  ['different roots on an unsampled domain', '\\sqrt{x-100}', '(x-100)^{1/3}'],
  ['nerdamer calls sqrt(2^60+1) = 2^30: large radicands are refused', '2^{2000}\\sqrt{2^{60}+1}', '2^{2030}'],
  ['towers are refused before nerdamer', '10^{10^{10^{10}}}', '10^{10^{10^{10}}} + 1'],
  ['factorials are outside the fragment', '(100000)!', '(100000)! + 1'],
  ['a written infinity is not a large number', '\\infty', '2^{100000}'],
];

/** [what, gold, pred, equal]: tight agreements on very large or very small values, re-checked by nerdamer. */
const fragile: Array<[string, string, string, boolean]> = [
  ['1e-9 relative hides a difference of 1 (equal without the fallback)', 'x + 10^{20}', 'x + 10^{20} + 1', false],
  ['the same with a constant', '\\pi + 10^{20}', '\\pi + 10^{20} + 1', false],
  ['large equal values stay equal', 'x^{30}', '(x^{15})^2', true],
  ['a zero nerdamer knows', '\\cos\\frac{\\pi}{2}', '0', true],
  ['a zero nerdamer cannot prove keeps the numeric verdict', '\\cos\\frac{\\pi}{7}\\cos\\frac{2\\pi}{7}\\cos\\frac{4\\pi}{7}', '-\\frac18', true],
];

describe('symbolic fallback (nerdamer expands a - b)', () => {
  it.each(fragile)('re-checks a fragile agreement, %s: %s vs %s -> %s', (_what, gold, pred, same) => {
    expect(equal(gold, pred, 0)).toBe(true);
    expect(equal(gold, pred)).toBe(same);
    expect(equal(pred, gold)).toBe(same);
  });

  it.each(decidedByFallback)('decides %s: %s = %s (not equal without it)', (_what, gold, pred) => {
    expect(equal(gold, pred, 0)).toBe(false);
    expect(equal(gold, pred)).toBe(true);
    expect(equal(pred, gold)).toBe(true);
  });

  it.each(mustDiffer)('keeps %s apart: %s vs %s', (_what, gold, pred) => {
    expect(equal(gold, pred)).toBe(false);
    expect(equal(pred, gold)).toBe(false);
  });

  it('works through verifyMath on a boxed response, and counts what it was asked', () => {
    const before = symbolicStats();
    expect(verifyMath('So the answer is $\\boxed{4^{50000}}$.', '2^{100000}').pass).toBe(true);
    expect(verifyMath('So the answer is $\\boxed{4^{50000}-1}$.', '2^{100000}').pass).toBe(false);
    const after = symbolicStats();
    expect(after.asked['too-large'] - before.asked['too-large']).toBe(2);
    expect(after.equal - before.equal).toBe(1);
  });

  it('is never asked when the numbers decide (plain, exact, sampled)', () => {
    const before = symbolicStats();
    for (const [g, p] of [['\\frac12', '0.5'], ['2^{100}', '1267650600228229401496703205376'], ['(x+1)^2', 'x^2+2x+1'], ['\\sqrt{2}', '1.41421'], ['x+1', 'x+2'], ['7', '8']]) equal(g!, p!);
    const after = symbolicStats();
    expect(Object.values(after.asked).reduce((s, x) => s + x, 0)).toBe(Object.values(before.asked).reduce((s, x) => s + x, 0));
  });

  it('never calls a cancellation equal when a non-zero constant is added (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 14 }), fc.integer({ min: -5, max: 5 }), (k, c) => {
        const gold = `(x+10^{${k}})^2 - 10^{${2 * k}}`;
        const pred = `x^2 + 2 \\cdot 10^{${k}} x${c === 0 ? '' : ` + ${c}`}`;
        return equal(gold, pred) === (c === 0);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the fragment handed to nerdamer', () => {
  const tr = (s: string): string | undefined => toNerdamer(parseMath(s));

  it('translates arithmetic, powers, roots, functions and constants, renaming variables', () => {
    expect(tr('\\frac{x}{2} + y^{3}')).toBe('((v0/(2))+(v1^(3)))');
    expect(tr('\\sin x + \\ln 2 + \\pi e')).toBe('(sin(v0)+log((2))+(pi*e))');
    expect(tr('2^{4001/2}')).toBe('(((2)^(2000))*((2)^(1/2)))'); // the integer part split off
    expect(tr('\\sqrt[3]{x+1}')).toBe('((v0+(1))^(1/3))');
    expect(tr('\\log_2 8')).toBe('(log((8))/log((2)))');
  });

  it('refuses what nerdamer gets wrong or cannot bound', () => {
    expect(tr('\\sqrt{2^{60}+1}')).toBeUndefined(); // radicand beyond 2^40
    expect(tr('\\sqrt{-4}')).toBeUndefined(); // negative radicand
    expect(tr('x^{100}')).toBeUndefined(); // power of a variable expression above 64
    expect(tr('(a+b+c+d)^{20}')).toBeUndefined(); // expansion above 2000 terms
    expect(tr('x^{y}')).toBeUndefined(); // symbolic power of a variable
    expect(tr('2^{10^{7}}')).toBeUndefined(); // constants above 300 000 bits
    expect(tr('90^\\circ')).toBeUndefined();
    expect(tr('\\begin{pmatrix}1\\\\2\\end{pmatrix}')).toBeUndefined();
    expect(tr('\\infty')).toBeUndefined();
    expect(tr('f(x)')).toBeUndefined();
    expect(tr('\\sum_{k=1}^{n} k')).toBeUndefined();
  });
});
