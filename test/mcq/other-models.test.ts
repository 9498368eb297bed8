/**
 * Answers as other models write them (a red-team pass over responses of Qwen, DeepSeek, Llama and
 * Korean and Chinese chat models), and a few-shot continuation after one blank line.
 */
import { describe, expect, it } from 'vitest';
import { extractMcqLetter, verifyMcq } from '../../src/index.js';

const read = (response: string) => extractMcqLetter(response, { letters: 'ABCD' });

describe('mcq: answers of other models', () => {
  it.each([
    ['故选B。', 'B'],
    ['故选：B', 'B'],
    ['选B', 'B'],
    ['因此选B。', 'B'],
    ['所以正确选项是B。', 'B'],
    ['【答案】B', 'B'],
    ['答案：B项', 'B'],
    ['<think>\n嗯，鲸是哺乳动物。\n</think>\n\n故选B。', 'B'],
    ['选项A和选项C都不对，因此选D。', 'D'],
    ['정답은 B입니다.', 'B'],
    ['Therefore, B is the answer.', 'B'],
    ['B is the best answer.', 'B'],
    ['B. 42 N', 'B'],
    ['(B) 42 N', 'B'],
    ['**B) 42 N**', 'B'],
    ['Answer: B\n\nExplanation: The answer is not A because the force doubles.', 'B'],
    ['B) 42 N is the correct answer.', 'B'],
    ['La respuesta correcta es la B.', 'B'],
    ['B\n\nExplanation: whales are mammals.', 'B'],
  ])('%j reads %s', (response, letter) => {
    expect(read(response).letter).toBe(letter);
  });

  it('a mention of 选项 (option) is no answer', () => {
    expect(read('选项B是错误的。').letter).toBeUndefined();
  });

  it.each([
    ['我们不选B', undefined],
    ['不选B，应选C。', 'C'],
    ['不能选B。所以答案是D', 'D'],
    ['答案：B项不对，应该是C项', undefined],
  ])('"do not choose" and "is wrong" in Chinese deny the letter: %s', (response, letter) => {
    expect(read(response).letter).toBe(letter);
  });

  it('a question echoed without an answer gives no letter', () => {
    expect(read('A. shark\nB. whale\nC. trout\nD. eel').letter).toBeUndefined();
  });

  it('a one-line judgement is not an option written out', () => {
    expect(read('(A) is correct only if the gas is ideal.').letter).toBeUndefined();
  });
});

describe('mcq: a new question after one blank line ends the answer', () => {
  const fewShot = 'The answer is (C).\n\nQuestion: Which of the following is a mammal?\nOptions:\nA. shark\nB. whale\nC. trout\nD. eel\nAnswer: Let\'s think step by step. Whales are mammals. The answer is (B).';
  it.each([
    ['MMLU-Pro few-shot layout', fewShot],
    ['a chat transcript', 'The answer is C\n\nHuman: next?\n\nAssistant: The answer is B'],
  ])('%s: the answer before it counts (it scored 1 for the later question\'s B)', async (_what, response) => {
    expect(read(response).letter).toBe('C');
    expect((await verifyMcq(response, { answer: 'B', letters: 'ABCD' })).score).toBe(0);
  });

  it('a restated question before any answer does not cut the response', () => {
    expect(read('Let me restate.\n\nQuestion: which is a mammal?\n\nWhales are mammals. The answer is (B).').letter).toBe('B');
  });
});
