import { describe, expect, it } from 'vitest';
import { extractMcqLetter } from '../../src/index.js';

const letter = (text: string, opts = {}): string | undefined => extractMcqLetter(text, opts).letter;
const reason = (text: string, opts = {}): string | undefined => extractMcqLetter(text, opts).reason;

describe('extractMcqLetter: the forms it reads', () => {
  it.each([
    ['Answer: C', 'C'],
    ['Reasoning first.\n\\boxed{C}', 'C'],
    ['The answer is (C).', 'C'],
    ['Thus **C** is right', 'C'],
    ['So:\n(C)', 'C'],
    ['The velocity doubles, which leaves\nC)', 'C'],
    ['The result matches option C.', 'C'],
    ['答案：Ｃ', 'C'],
    ['Ｔｈｅ ａｎｓｗｅｒ ｉｓ （Ｄ）', 'D'],
    ['Respuesta: B', 'B'],
    ['La réponse est (B).', 'B'],
    ['Die Antwort ist E.', 'E'],
    ['الإجابة: ب', 'B'],
    ['উত্তর: ব', 'B'],
    ['So the answer is $\\boxed{\\text{(E)}}$.', 'E'],
    ['The answer is \\( F \\).', 'F'],
    ['Final Answer:\nC. 6', 'C'],
    ['Therefore, the correct answer is:\n\nD. none of the above', 'D'],
    ['The answer is (e).', 'E'],
    ['answer: d', 'D'],
    ['Option A is the correct answer because it is the only one left.', 'A'],
    ['The answer is I.', 'I'],
    ['I choose B.', 'B'],
    ['It comes to $1083.33. Therefore, the final answer is $1083.33, or C.', 'C'],
  ])('%j -> %s', (text, expected) => {
    expect(letter(text)).toBe(expected);
  });
});

describe('extractMcqLetter: what it refuses to guess', () => {
  it('two different final letters are ambiguous, not the first or the last', () => {
    expect(reason('The answer is (F), (C), and (J).')).toBe('ambiguous');
    expect(reason('The answer is (G) or (F).')).toBe('ambiguous');
    expect(reason('Therefore, the answer is a combination of (A) and (C).')).toBe('ambiguous');
  });
  it('a refusal is no answer, though it contains the letter I', () => {
    expect(letter('The data are missing. Therefore, I cannot provide an answer.')).toBeUndefined();
    expect(letter('The answer is (None of the above).')).toBeUndefined();
    expect(letter('The answer cannot be determined from the given information.')).toBeUndefined();
  });
  it('"Answer: Based on ..." is not option B', () => {
    expect(letter('Answer: Based on the figures, the firm should expand.')).toBeUndefined();
  });
  it('a number answer is no letter', () => {
    expect(reason('Multiply 30 by 0.6. The answer is $\\boxed{18}$.')).toBe('no-answer');
  });
  it('a truncated answer is no answer', () => {
    expect(letter('We compare the options one by one. The closest option is (')).toBeUndefined();
  });
  it('a statement that denies its letter does not count', () => {
    expect(letter('The answer is (E) is not correct. Abilities that are nonverbal are specific. The answer is (I).')).toBe('I');
  });
  it('conditional answers do not count', () => {
    expect(letter('If it was admitted, then the answer is (G). If not, then the answer is (F).')).toBeUndefined();
  });
  it('answers to the parts of a multi-part question are ambiguous', () => {
    expect(reason('(a) The height doubles. The answer is (A). (b) The pressure halves. The answer is (F).')).toBe('ambiguous');
    expect(letter('(a) The height doubles. (b) The pressure halves. Therefore, the final answer is (F).')).toBe('F');
  });
  it('a later self-correction wins', () => {
    expect(letter('The answer is (D).\nWait: 50/40 = 5/4, not 4/5. The answer is (A).')).toBe('A');
  });
  it('a long loop of repeated answer lines is degenerate', () => {
    expect(reason('Reasoning. The answer is (J).\n' + 'The answer is (B).\nThe answer is (A).\n'.repeat(6))).toBe('degenerate');
  });
  it('a few-shot continuation after the answer is cut off', () => {
    expect(letter('The Premack principle applies. The answer is (B).\n\n\nAnswer: The answer is (J).')).toBe('B');
  });
  it('only the reasoning after </think> is read', () => {
    expect(letter('<think>Maybe the answer is (A)?</think>\nThe answer is (B).')).toBe('B');
  });
});

describe('extractMcqLetter: options', () => {
  it('letters outside the valid set are invalid', () => {
    expect(reason('The answer is (E).', { letters: 'ABCD' })).toBe('invalid-letter');
    expect(letter('The answer is (D).', { letters: 'ABCD' })).toBe('D');
  });
  it('the declared format is read first', () => {
    const text = 'The answer is (A) at first sight.\nAnswer: B';
    expect(letter(text, { format: { answer: 'answer-line' } })).toBe('B');
    expect(letter('Maybe (C)... \\boxed{D}', { format: { answer: 'boxed' } })).toBe('D');
  });
  it('with choices, the option text itself counts', () => {
    expect(letter('The capital of France is Paris.\nAnswer: Paris', { choices: ['Lyon', 'Paris', 'Nice'] })).toBe('B');
  });
  it('handles huge, empty and odd inputs without throwing', () => {
    expect(letter('x'.repeat(10_000_000) + ' The answer is (C).')).toBe('C');
    expect(reason('')).toBe('no-answer');
    expect(letter('\ud800\udc00 lone \ud800 surrogate. The answer is (A).')).toBe('A');
  });
});

describe('extractMcqLetter: an option reference after a non-letter statement', () => {
  it.each([
    ['So the answer is False for statement 1 and True for statement 2, i.e. option (C).', 'C'],
    ['So the answer is False for statement 1 and True for statement 2, that is, option (C).', 'C'],
    ['The answer is 42 N, which is option D.', 'D'],
    ['The answer is True, True, i.e. (B).', 'B'],
    ['The answer is 12 m/s, e.g. the closest value, which is choice A.', 'A'],
  ])('%s -> %s', (text, want) => {
    expect(letter(text, { letters: 'ABCD' })).toBe(want);
  });
});

describe('extractMcqLetter: a few-shot echo', () => {
  it('answer statements going on to letters this question lacks, ending elsewhere, are no answer', () => {
    const text = 'The answer is (B). The answer is (H). The answer is (E). The answer is (C).';
    expect(extractMcqLetter(text, { letters: 'ABCD' })).toMatchObject({ reason: 'no-answer', rule: 'few-shot-echo' });
  });
  it('an echo whose last statement repeats the first answers with it', () => {
    expect(letter('The answer is (A).\nThe answer is (H).\nThe answer is (E).\nThe answer is (A).', { letters: 'ABCD' })).toBe('A');
  });
  it('a wrong letter corrected later is no echo', () => {
    expect(letter('The answer is (E). Wait, the options only go to D. The answer is (C).', { letters: 'ABCD' })).toBe('C');
  });
  it('with letters A-J the same statements are an ordinary last answer', () => {
    expect(letter('The answer is (B). The answer is (H). The answer is (E). The answer is (C).', { letters: 'ABCDEFGHIJ' })).toBe('C');
  });
});
