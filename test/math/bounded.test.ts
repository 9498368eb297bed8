/**
 * The math verifier is bounded by design (src/verifiers/math/limits.ts): responses over
 * MAX_RESPONSE_CHARS and answers over MAX_ANSWER_CHARS end as `too-long`; every scan is linear and
 * determinants take O(n^3). These tests pin the verdicts of adversarial inputs (not their time:
 * speed is measured in bench/math.bench.ts).
 */
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, MAX_RESPONSE_CHARS, TOO_LONG, mathEqual, verifyMath } from '../../src/verifiers/math/index.js';
import { verdictOutcome } from '../../src/core/verdict.js';

const M = 1_000_000;
const matrix = (env: string, n: number): string => {
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => String.fromCharCode(97 + ((i * n + j) % 26))).join(' & '));
  return `\\begin{${env}} ${rows.join(' \\\\ ')} \\end{${env}}`;
};

describe('math: adversarial inputs end with a judged verdict', () => {
  it.each([
    ['\\boxed{ + 5M characters + }', `\\boxed{${'x'.repeat(5 * M)}}`, '1', TOO_LONG],
    ['\\boxed{ + 999k opening braces', `\\boxed{${'{'.repeat(999_000)}}`, '1', TOO_LONG],
    ['\\boxed{x+x+...} of 100 KB', `\\boxed{${'x+'.repeat(50_000)}x}`, '1', TOO_LONG],
    ['1 MB of digits', '1'.repeat(M), '1', TOO_LONG],
    ['10 MB of prose with numbers', 'so we get 3 and '.repeat(625_000), '3', TOO_LONG],
    ['999k characters of unclosed \\[', '\\['.repeat(499_000), '1', 'no-answer'],
    ['x+x+... at the answer cap', `\\boxed{${'x+'.repeat(499)}x}`, '1', 'not-equivalent'],
    ['a 12x12 determinant of symbols', `\\boxed{${matrix('vmatrix', 12)}}`, '1', 'not-equivalent'],
    ['a tower of 200 powers', `\\boxed{${'2^{'.repeat(200)}2${'}'.repeat(200)}}`, '1', 'not-equivalent'],
    ['495 nested parentheses', `\\boxed{${'('.repeat(495)}x${')'.repeat(495)}}`, '1', 'not-equivalent'],
  ])('%s', (_, response, gold, reason) => {
    const v = verifyMath(response, gold);
    expect(v.pass).toBe(false);
    expect(v.reason).toBe(reason);
    expect(verdictOutcome(v)).toBe('fail');
  });

  it('the caps are the documented ones', () => {
    expect(MAX_RESPONSE_CHARS).toBe(1_000_000);
    expect(MAX_ANSWER_CHARS).toBe(1_000);
  });

  it('a rounding option too large to represent is the caller\'s error, not a crash (30,103 places threw a TypeError)', () => {
    // InputError: the batch runner turns it into that sample's invalid-input verdict.
    expect(() => verifyMath('\\boxed{0.333}', '\\frac{1}{3}', { floatRounding: 30_103 })).toThrow(/floatRounding must be at most 1000/);
    expect(verifyMath('\\boxed{0.333}', '\\frac{1}{3}', { floatRounding: 3 }).pass).toBe(true);
    expect(verifyMath('\\boxed{0.333}', '\\frac{1}{3}', { floatRounding: 1000 }).pass).toBe(false);
  });

  it('matrix powers: a product of matrices is right, squaring included', () => {
    expect(mathEqual('\\begin{pmatrix}7&10\\\\15&22\\end{pmatrix}', '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}^{2}')).toBe(true);
    expect(mathEqual('\\begin{pmatrix}1&5\\\\0&1\\end{pmatrix}', '\\begin{pmatrix}1&1\\\\0&1\\end{pmatrix}^{5}')).toBe(true);
    expect(mathEqual('\\begin{pmatrix}1&4\\\\0&1\\end{pmatrix}', '\\begin{pmatrix}1&1\\\\0&1\\end{pmatrix}^{5}')).toBe(false);
  });

  it('a 12x12 determinant still equals itself (elimination, not cofactor expansion)', () => {
    expect(verifyMath(`\\boxed{${matrix('vmatrix', 12)}}`, matrix('vmatrix', 12)).pass).toBe(true);
    expect(mathEqual('-2', '\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}')).toBe(true);
    expect(mathEqual('0', '\\begin{vmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\\\ 7 & 8 & 9 \\end{vmatrix}')).toBe(true);
  });

  it('an answer at the cap is read; one over it equals nothing', () => {
    const big = '9'.repeat(990);
    expect(verifyMath(`\\boxed{${big}}`, big).pass).toBe(true);
    expect(mathEqual('1', `${'1+'.repeat(600)}1`)).toBe(false);
  });

  it('cues followed by 900k spaces that never reach their colon do not backtrack (answer cue, GSM8K line)', () => {
    expect(verifyMath(`$ANSWER\t${'\t'.repeat(900_000)}x$`, '1').reason).toBe(TOO_LONG);
    expect(verifyMath(`####0\t${'\t'.repeat(900_000)}\u0000`, '0').reason).toBe('no-answer');
    expect(verifyMath(`The answer is \\boxed{7}.\nanswer${' '.repeat(900_000)}*`, '7').pass).toBe(true);
    expect(verifyMath(`\n####7${' '.repeat(900_000)}kg\u0000\n#### 7`, '7').pass).toBe(true);
  });

  it('an answer followed by a long tail of unclosed spans is still found', () => {
    expect(verifyMath(`The answer is $\\boxed{7}$.${' $x'.repeat(100_000)}`, '7').pass).toBe(true);
  });
});
