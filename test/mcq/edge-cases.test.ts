/**
 * MCQ edge cases written for issue 13: answers judged right (`(C) is correct`), a concluding
 * `so D.`, `I'd choose C`, `answer choice (D)`, `either B or C`, lowercase letters, refusals,
 * several letters where one is expected, and few-shot echoes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMcqLetter } from '../../src/index.js';
import { mcqReasoningText } from '../../src/testing/index.js';

describe('edge cases of answer statements', () => {
  it.each([
    ['Looking at each option, (C) is correct because the others violate conservation.', 'C'],
    ['Let me consider (A) first. It is wrong. (B) is also wrong. (C) is right.', 'C'],
    ['B is the correct answer.', 'B'],
    ['Answer: C) 42 meters', 'C'],
    ['After checking, the correct option is **C**.', 'C'],
    ['the answer is c.', 'C'],
    ['The correct option is (c).', 'C'],
    ['Neither A nor B satisfies the condition, and C is too large, so D.', 'D'],
    ['A is incorrect. B is incorrect. C is incorrect. Hence D.', 'D'],
    ['Let me think. A: no. B: no. C: yes. So C.', 'C'],
    ['Option A looks tempting, but B has the right sign. Thinking again, A is wrong. The answer is B.', 'B'],
    ["Both B and C are plausible, but I'd choose C over B.", 'C'],
    ["I'll choose (B).", 'B'],
    ['I would select answer choice (D).', 'D'],
    ['The answer is (C), not (B).', 'C'],
    ['答案是 C。', 'C'],
    ['So the answer is False for statement 1 and True for statement 2, i.e. option (C).', 'C'],
    ['(D) is the right choice here.', 'D'],
    ["I think it's B.", 'B'],
    ['After analysis: B', 'B'],
    ['Thus, option D is correct.', 'D'],
    ['The answer is option 2.', 'B'],
    ['Final answer: choice (3)', 'C'],
  ])('%j -> %s', (response, letter) => {
    expect(extractMcqLetter(response).letter).toBe(letter);
  });

  it.each([
    ['I cannot determine the answer from the information given.', 'no-answer'],
    ["I'm sorry, but I can't help with that.", 'no-answer'],
    ['None of the options are correct.', 'no-answer'],
    ['The answer is A and C.', 'ambiguous'],
    ['The answer is either B or C.', 'ambiguous'],
    ['(A) is correct and (C) is also correct.', 'ambiguous'],
    ['Statement I is correct and statement II is false.', 'no-answer'],
    ['(A) is correct only if the gas is ideal. It is not, so we cannot say.', 'no-answer'],
    ['Option B is not correct. (C) is incorrect too.', 'no-answer'],
  ])('%j gives no letter (%s)', (response, reason) => {
    const r = extractMcqLetter(response);
    expect(r.letter).toBeUndefined();
    expect(r.reason).toBe(reason);
  });

  it('a few-shot echo of letters outside the options gives no letter', () => {
    expect(extractMcqLetter('The answer is (B). The answer is (H). The answer is (E). The answer is (C).', { letters: 'ABCD' }).letter).toBeUndefined();
  });
});

describe('edge-case properties', () => {
  const letter = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J');
  it('after answer-free reasoning, the letter judged right or a concluding "so X." is the answer', () => {
    fc.assert(
      fc.property(mcqReasoningText(), letter, fc.constantFrom('(X) is correct.', 'X is the right answer.', '**X** is correct.', 'So X.', 'Hence (X).', 'Therefore, option X.'), (reasoning, x, form) =>
        extractMcqLetter(`${reasoning}\n${form.replace('X', x)}`).letter === x),
      { numRuns: 300 },
    );
  });
  it('a letter judged wrong is never the answer, and two letters judged right are ambiguous', () => {
    fc.assert(
      fc.property(mcqReasoningText(), letter, letter, (reasoning, x, y) => {
        expect(extractMcqLetter(`${reasoning}\n(${x}) is incorrect. ${y} is not correct.`).letter).toBeUndefined();
        const both = extractMcqLetter(`${reasoning}\n(${x}) is correct. (${y}) is also correct.`);
        return x === y ? both.letter === x : both.reason === 'ambiguous';
      }),
      { numRuns: 300 },
    );
  });
});
