import { describe, expect, it } from 'vitest';
import { checkFormat, resolveFormat } from '../../src/index.js';

describe('checkFormat (the R_format gate)', () => {
  it('boxed: exactly one \\boxed{} answer', () => {
    expect(checkFormat('so \\boxed{4}', { answer: 'boxed' }).ok).toBe(true);
    expect(checkFormat('no box here', { answer: 'boxed' })).toEqual({ ok: false, reason: 'expected exactly one \\boxed{} answer, found 0' });
    expect(checkFormat('\\boxed{1} or \\boxed{2}', { answer: 'boxed' }).ok).toBe(false);
  });
  it('answer-line: exactly one "Answer:" line', () => {
    expect(checkFormat('work\nAnswer: C', { answer: 'answer-line' }).ok).toBe(true);
    expect(checkFormat('**Final Answer:** C', { answer: 'answer-line' }).ok).toBe(true);
    expect(checkFormat('Answer: B\nAnswer: C', { answer: 'answer-line' }).ok).toBe(false);
    expect(checkFormat('The answer is C', { answer: 'answer-line' }).ok).toBe(false);
  });
  it('code-block: exactly one fenced block', () => {
    expect(checkFormat('```py\nprint(1)\n```', { answer: 'code-block' }).ok).toBe(true);
    expect(checkFormat('```py\na\n```\n```py\nb\n```', { answer: 'code-block' }).ok).toBe(false);
  });
  it('think: reasoning closed by </think> once, answer after it', () => {
    expect(checkFormat('<think>hm</think> \\boxed{1}', { answer: 'boxed', think: true })).toMatchObject({ ok: true, answerPart: ' \\boxed{1}' });
    expect(checkFormat('\\boxed{1}', { answer: 'boxed', think: true }).ok).toBe(false);
    expect(checkFormat('<think>\\boxed{1}</think> text', { answer: 'boxed', think: true }).ok).toBe(false);
    expect(checkFormat('a</think>b</think>\\boxed{1}', { answer: 'boxed', think: true }).ok).toBe(false);
  });
  it('resolves a template name to the template\'s declared format', () => {
    expect(resolveFormat('mcq-think')).toEqual({ answer: 'answer-line', think: true });
    expect(resolveFormat('open-ended')).toEqual({ answer: 'boxed', think: false });
    expect(() => resolveFormat('nope')).toThrow(/unknown template "nope" \(bundled: code, ifeval, mcq/);
  });
});
