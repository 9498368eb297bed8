/**
 * The math verifier through the worker pool (mathReward / mathVerdicts / verifyBatch), input
 * errors, absurd inputs, and the mathAnswerVerifiable filter.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closePool, mathAnswerVerifiable, mathEqual, mathReward, mathVerdicts, verifyBatch } from '../../src/index.js';

afterAll(() => closePool());

describe('mathReward on the worker pool', () => {
  it('scores a batch in order, with extracted answers and reasons', async () => {
    const responses = [
      'We find $x = \\frac{1}{2}$, so the answer is $\\boxed{\\frac12}$.',
      'The answer is \\boxed{0.75}',
      'Let me think about it.\n\nI could not finish.',
      'Final Answer: The final answer is $7,425,000$. I hope it is correct.',
      'Therefore \\boxed{\\text{Paris}}.',
    ];
    const golds = ['0.5', '\\frac{3}{5}', '3', '7425000', 'Paris'];
    expect(await mathReward(responses, golds, { threads: 2 })).toEqual([1, 0, 0, 1, 1]);
    const v = await mathVerdicts(responses, golds, { threads: 2 });
    expect(v.map((x) => x.extracted)).toEqual(['\\frac12', '0.75', undefined, '7,425,000', '\\text{Paris}']);
    expect(v.map((x) => x.reason)).toEqual([undefined, 'not-equivalent', 'no-answer', undefined, undefined]);
  });

  it('answers towers and huge numbers without running into the time limit', async () => {
    const v = await mathVerdicts(
      ['\\boxed{\\dfrac{5^{\\left(5^{\\left(5^{\\left(5^5\\right)}\\right)} - 4\\right)} - 5}{16}}', '\\boxed{10^{10^{10^{10}}}}', '\\boxed{100000!}'],
      ['1', '10^{10^{10^{10}}}', '1'],
    );
    expect(v.map((x) => x.reason ?? 'pass')).toEqual(['not-equivalent', 'pass', 'not-equivalent']);
  });

  it('runs the symbolic fallback (nerdamer helper thread) and mathjs units inside pool workers', async () => {
    const v = await mathVerdicts(['\\boxed{4^{50000}}', '\\boxed{4^{50000}+1}', '\\boxed{5000 \\text{ Wh}}'], ['2^{100000}', '2^{100000}', '5 \\text{ kWh}'], { threads: 1 });
    expect(v.map((x) => x.reason ?? 'pass')).toEqual(['pass', 'not-equivalent', 'pass']);
  });

  it('reports a reference or option of the wrong shape as invalid-input, and keeps going', async () => {
    const v = await verifyBatch('math', [
      { response: '\\boxed{1}', reference: null },
      { response: '\\boxed{1}', reference: '' },
      { response: '\\boxed{1}', reference: '1', options: { tolerance: 'big' } },
      { response: '\\boxed{1}', reference: 1 },
    ]);
    expect(v.map((x) => x.reason ?? 'pass')).toEqual(['invalid-input', 'invalid-input', 'invalid-input', 'pass']);
    expect(v[0]!.error).toMatch(/reference must be a string/);
    expect(v[2]!.error).toMatch(/options\.tolerance/);
  });

  it('applies options per batch: tolerance, strict, extraction, mode', async () => {
    expect(await mathReward(['\\boxed{0.33}'], ['\\frac13'], { floatRounding: 2 })).toEqual([1]);
    expect(await mathReward(['\\boxed{0.33}'], ['\\frac13'])).toEqual([0]);
    expect(await mathReward(['$f(y)$'], ['$f(x)$'], { strict: false })).toEqual([1]);
    expect(await mathReward(['the result is 42'], ['42'], { mode: 'strict' })).toEqual([0]);
    expect(await mathReward(['the result is 42'], ['42'])).toEqual([1]);
    expect(await mathReward(['$x < 3$'], ['(-\\infty, 3)'], { allowSetRelationComp: false })).toEqual([0]);
  });

  it('honours the format gate: a template asking for \\boxed{} fails a response without one', async () => {
    const v = await mathVerdicts(['The answer is 5.', '\\boxed{5}'], ['5', '5'], { format: 'open-ended' });
    expect(v.map((x) => x.reason ?? 'pass')).toEqual(['format', 'pass']);
  });
});

describe('mathEqual', () => {
  it('compares two answer strings directly', () => {
    expect(mathEqual('\\frac{1}{2}', '0.5')).toBe(true);
    expect(mathEqual('(1,2]', '(1,2)')).toBe(false);
  });
});

describe('mathAnswerVerifiable filter', () => {
  it('keeps math and short text golds, drops missing, unreadable and self-inconsistent ones', async () => {
    const check = mathAnswerVerifiable.create({});
    const records = [
      { kind: 'open-ended', question: 'q', answer: '\\frac{1}{2}' },
      { kind: 'open-ended', question: 'q', answer: 'Paris' },
      { kind: 'open-ended', question: 'q', answer: 'the mitochondria' },
      { kind: 'open-ended', question: 'q', answer: '$(3, \\frac{\\pi}{2})$' },
      { kind: 'open-ended', question: 'q', answer: '' },
      { kind: 'open-ended', question: 'q' },
      { kind: 'open-ended', question: 'q', answer: '\\frac{1}{0}' },
      { kind: 'open-ended', question: 'q', answer: 42 },
    ];
    const results = await check(records);
    expect(results.map((r) => (r.keep ? 'keep' : r.reason))).toEqual(['keep', 'keep', 'keep', 'keep', 'no-answer', 'no-answer', 'not-self-equivalent', 'keep']);
    expect(mathAnswerVerifiable.kinds).toEqual(['open-ended']);
  });
});
