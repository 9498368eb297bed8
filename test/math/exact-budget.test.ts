/**
 * Exact evaluation is bounded by a work budget per verification (rational.ts WORK_BUDGET): answers
 * that are tiny to write but huge to evaluate exactly (big fractions, long or nested sums) end
 * with a verdict after bounded work, and honest answers stay exact. The bound is asserted on the
 * deterministic work counter (lastWork), not on wall time; the vitest timeout catches a regression
 * to seconds.
 */
import { describe, expect, it } from 'vitest';
import { loadVerifier } from '../../src/index.js';
import { WORK_BUDGET, gcd, gcdWithin, isTerminating, lastWork, withWork } from '../../src/verifiers/math/rational.js';
import { exactValue } from '../../src/verifiers/math/evaluate.js';
import { parseMath } from '../../src/verifiers/math/index.js';

const v = await loadVerifier('math');

/** An n x n pmatrix with every cell `cell`. */
function matrix(n: number, cell: string): string {
  return '\\begin{pmatrix}' + Array.from({ length: n }, () => Array(n).fill(cell).join('&')).join('\\\\') + '\\end{pmatrix}';
}

describe('math: exact evaluation has a work budget', () => {
  it.each([
    ['M1 two huge fractions', '\\frac{3^{62000}}{5^{42000}}+\\frac{7^{35000}}{11^{28000}}'],
    ['M1 one huge fraction', '\\frac{3^{62000}}{5^{42000}}'],
    ['M2 harmonic sum to 10 000', '\\sum_{k=1}^{10000} \\frac{1}{k}'],
    ['M2 harmonic sum to 3000', '\\sum_{k=1}^{3000} \\frac{1}{k}'],
    ['M3 10 000 factorials', '\\sum_{k=1}^{10000} 5000!'],
    ['M3 10 000 huge powers', '\\sum_{k=1}^{10000} 3^{60000}'],
    ['M4 nested sums 1000 x 1000', '\\sum_{k=1}^{1000}\\sum_{m=1}^{1000} k m'],
    ['M4 nested sums 10 000 x 10 000', '\\sum_{k=1}^{10000}\\sum_{m=1}^{10000} k m'],
    ['M5 1/2^99990', '\\frac{1}{2^{99990}}'],
    ['M5 10^-30000', '10^{-30000}'],
    ['M5 1/5^43000', '\\frac{1}{5^{43000}}'],
    ['a huge logarithm', '\\log_2 2^{99990}'],
    ['a huge square root', '\\sqrt{3^{62000}}'],
    ['a tower of 12x12 matrix powers', '{'.repeat(31) + matrix(12, 'x') + '}^{64}'.repeat(31)],
    ['a sum of 10 000 towers of matrix powers', '\\sum_{k=1}^{10000} ' + '{'.repeat(30) + matrix(8, 'k') + '}^{64}'.repeat(30)],
  ])('%s: judged, within the budget', async (_, expr) => {
    const r = await v.verify(`\\boxed{${expr}}`, '42');
    expect(r.score).toBe(0);
    const w = lastWork();
    expect(w.budget).toBe(WORK_BUDGET);
    expect(w.used).toBeLessThanOrEqual(WORK_BUDGET);
  }, 20_000);

  it('the budget is the documented one', () => {
    expect(WORK_BUDGET).toBe(15_000_000);
  });

  it('nested sums share one budget and give up (undefined) when it is spent', () => {
    const tree = parseMath('\\sum_{k=1}^{10000}\\sum_{m=1}^{10000} k m');
    expect(exactValue(tree)).toBeUndefined();
    expect(lastWork().exhausted).toBe(true);
  });

  it('work that cannot finish is refused once projected, not after spending the whole budget', () => {
    // A gcd of two ~200,000-bit numbers (the Lehmer rounds' cost is projected every 16 rounds) and
    // 1/k summed to 10,000 (the terms left are projected from the average every 64 terms) used
    // the whole budget before; now a small part of it.
    // A 10,000 x 10,000 double sum is refused before its first term (it spent 10M on one inner sum).
    for (const expr of ['\\frac{3^{62000}}{5^{42000}}+\\frac{7^{35000}}{11^{28000}}', '\\sum_{k=1}^{10000} \\frac{1}{k}', '\\sum_{k=1}^{10000}\\sum_{m=1}^{10000} k m']) {
      expect(exactValue(parseMath(expr)), expr).toBeUndefined();
      const w = lastWork();
      expect(w.exhausted, expr).toBe(true);
      expect(w.used, expr).toBeLessThan(WORK_BUDGET / 3);
    }
    // A gcd that ends in one division step is not projected at all.
    expect(withWork(() => gcdWithin(3n ** 60000n, 3n ** 59998n))).toBe(3n ** 59998n);
  });

  it('a small budget refuses what a full one allows', () => {
    const tree = parseMath('\\sum_{k=1}^{100} k');
    expect(withWork(() => exactValue(tree), 1_000)).toBeUndefined();
    expect(withWork(() => exactValue(tree))).toEqual({ n: 5050n, d: 1n });
  });
});

describe('math: honest answers stay exact', () => {
  it.each([
    ['\\frac{1}{2^{10}}', '\\frac{1}{1024}'],
    ['\\sum_{k=1}^{100} k', '5050'],
    ['\\sum_{k=1}^{10000} k^2', '333383335000'],
    ['20!', '2432902008176640000'],
    ['\\frac{3^{40}}{3^{38}}', '9'],
    ['\\frac{3^{60000}}{3^{59998}}', '9'],
    ['0.125', '\\frac{1}{8}'],
    ['2^{100}', '1267650600228229401496703205376'],
    ['2^{100}+1', '1267650600228229401496703205377'],
    ['\\frac{1}{2004!}\\cdot 2004!', '1'],
    ['\\sum_{k=1}^{20} \\frac{1}{k(k+1)}', '\\frac{20}{21}'],
    ['\\prod_{k=1}^{30} k', '30!'],
    ['\\binom{100}{50}', '100891344545564193334812497256'],
  ])('%s = %s', async (response, gold) => {
    const r = await v.verify(`\\boxed{${response}}`, gold);
    expect(r.score).toBe(1);
    expect(lastWork().exhausted).toBe(false);
  });

  it('exact near-misses are still told apart', async () => {
    expect((await v.verify('\\boxed{2^{100}}', '1267650600228229401496703205377')).score).toBe(0);
    expect((await v.verify('\\boxed{\\sum_{k=1}^{100} k}', '5051')).score).toBe(0);
  });

  it('fast gcd and isTerminating agree with the plain algorithms', () => {
    const euclid = (a: bigint, b: bigint): bigint => {
      while (b !== 0n) [a, b] = [b, a % b];
      return a;
    };
    const x = 3n ** 700n * 7n ** 300n * 2n ** 90n;
    const y = 3n ** 500n * 11n ** 200n * 2n ** 400n;
    expect(gcd(x, y)).toBe(euclid(x, y));
    expect(gcd(-x, y)).toBe(euclid(x, y));
    expect(gcd(5n ** 4200n, 11n ** 2800n)).toBe(1n);
    expect(isTerminating({ n: 1n, d: 2n ** 9999n * 5n ** 4321n })).toBe(true);
    expect(isTerminating({ n: 1n, d: 2n ** 10n * 5n ** 4321n * 3n })).toBe(false);
    expect(isTerminating({ n: 7n, d: 1n })).toBe(true);
    expect(isTerminating({ n: 1n, d: 5n ** 43000n })).toBe(true);
  });
});
