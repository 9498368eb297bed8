import { afterAll, describe, expect, it } from 'vitest';
import { closePool, mcqReward, mcqVerdicts, parseMcqReference, verifyMcq } from '../../src/index.js';

afterAll(() => closePool());

describe('mcq references', () => {
  it('accepts a letter, a parenthesised letter, an index, or an object', () => {
    expect(parseMcqReference('c')).toEqual({ answer: 'C', letters: 'ABCDEFGHIJ' });
    expect(parseMcqReference('(B)')).toEqual({ answer: 'B', letters: 'ABCDEFGHIJ' });
    expect(parseMcqReference({ answer: 2, letters: 'abcd' })).toEqual({ answer: 'C', letters: 'ABCD' });
    expect(parseMcqReference({ answer: 'A', choices: ['x', 'y'] })).toEqual({ answer: 'A', letters: 'ABCDEFGHIJ', choices: ['x', 'y'] });
  });
  it('rejects a wrong shape with an error naming the field', () => {
    expect(() => parseMcqReference(42)).toThrow(/mcq reference must be a letter/);
    expect(() => parseMcqReference({ answer: 'E', letters: 'ABCD' })).toThrow(/reference.answer "E" is not one of the letters ABCD/);
    expect(() => parseMcqReference({ answer: 'A', letters: 'AAB' })).toThrow(/reference.letters/);
    expect(() => parseMcqReference({ answer: 'A', choices: 'x' })).toThrow(/reference.choices/);
    expect(() => parseMcqReference({ answer: 'hello' })).toThrow(/reference.answer must be a letter/);
  });
});

describe('verifyMcq', () => {
  it('reports the letter read, and why a response fails', () => {
    expect(verifyMcq('The answer is (C).', 'C')).toMatchObject({ score: 1, pass: true, extracted: 'C' });
    expect(verifyMcq('The answer is (D).', 'C')).toMatchObject({ score: 0, pass: false, extracted: 'D', reason: 'not-equivalent' });
    const none = verifyMcq('I am not sure.', 'C');
    expect(none).toMatchObject({ score: 0, reason: 'no-answer' });
    expect(none.extracted).toBeUndefined();
    expect(verifyMcq('Answer: A or B', 'A').reason).toBe('ambiguous');
  });
  it('reads the letter set from the reference', () => {
    expect(verifyMcq('The answer is (E).', { answer: 'A', letters: 'ABCD' }).reason).toBe('invalid-letter');
  });
});

describe('mcqReward on the worker pool', () => {
  it('scores a batch in order and turns bad samples into per-sample errors', async () => {
    const responses = ['The answer is (C).', 'Answer: B', undefined, 'The answer is (A).', 'x'.repeat(5_000_000)];
    const references = ['C', 'C', 'C', { answer: 'Z', letters: 'ABCD' }, 'A'];
    const verdicts = await mcqVerdicts(responses, references as never);
    expect(verdicts.map((v) => v.score)).toEqual([1, 0, 0, 0, 0]);
    expect(verdicts[2]!.reason).toBe('invalid-input');
    expect(verdicts[3]!.error).toMatch(/not one of the letters ABCD/);
    expect(verdicts[4]!.reason).toBe('no-answer');
    expect(await mcqReward(['Answer: D'], ['D'])).toEqual([1]);
  });
  it('applies the format gate: R = R_acc AND R_format', async () => {
    const ok = '<think>options compared</think>\nAnswer: B';
    const noThink = 'Answer: B';
    const twoAnswers = '<think>x</think>\nAnswer: B\nAnswer: B';
    const v = await mcqVerdicts([ok, noThink, twoAnswers], ['B', 'B', 'B'], { format: 'mcq-think' });
    expect(v.map((x) => x.reason ?? 'pass')).toEqual(['pass', 'format', 'format']);
  });
  it('rejects only a malformed call', async () => {
    await expect(mcqReward(['a'], [])).rejects.toThrow(/differ in length/);
  });
});
