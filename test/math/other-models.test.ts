/**
 * Answers as other models write them (a red-team pass over responses of Qwen, DeepSeek and other
 * chat models): Chinese answer phrases with a full-width colon, full-width digits, vulgar
 * fractions in mixed numbers, numbers wrapped in \text{}, and golds whose value is out of reach
 * written out exactly. Each wrong counterpart stays wrong.
 */
import { describe, expect, it } from 'vitest';
import { verifyMath } from '../../src/index.js';
import { SAME_TEXT } from '../../src/verifiers/math/index.js';

describe('math: answers of other models', () => {
  it.each([
    ['故答案为：$\\frac{3}{4}$', '\\frac34', '\\frac35'],
    ['答案是：$\\frac{3}{4}$', '\\frac34', '\\frac35'],
    ['最终答案为：$\\dfrac{3}{4}$。', '\\frac34', '\\frac35'],
    ['故答案为：0.75', '\\frac34', '0.7'],
    ['\\boxed{３}', '3', '4'],
    ['The answer is 3½.', '3.5', '1.5'],
    ['\\boxed{2\\,¾}', '\\frac{11}{4}', '\\frac{3}{2}'],
    ['\\boxed{\\text{8 inches}}', '8', '9'],
    ['\\boxed{\\text{1,234}}', '1234', '1.234'],
  ])('%j equals %s and not %s', (response, gold, wrong) => {
    expect(verifyMath(response, gold).score).toBe(1);
    expect(verifyMath(response, wrong).score).toBe(0);
  });

  it('text that is not a number stays text (\\text{no} is not \\text{on})', () => {
    expect(verifyMath('\\boxed{\\text{no}}', '\\text{on}').score).toBe(0);
    expect(verifyMath('\\boxed{\\text{no}}', '\\text{no}').score).toBe(1);
  });

  it('a gold whose value is out of reach equals its own text, marked as such', () => {
    const v = verifyMath('\\boxed{\\binom{100000}{50000}}', '\\binom{100000}{50000}');
    expect(v.score).toBe(1);
    expect((v.details as { rule?: string }).rule).toBe(SAME_TEXT);
    expect(verifyMath('\\boxed{\\binom{100000}{50001}}', '\\binom{100000}{50000}').score).toBe(0);
    expect(verifyMath('\\boxed{\\sin(10^{1000})}', '\\sin(10^{1000})').score).toBe(1);
  });
});
