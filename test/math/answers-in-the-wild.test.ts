/**
 * Answer forms of real responses (issue 13): plain-text units, Yes/No against True/False, a bare
 * list against a bracketed one, reversed intervals, answer headings, final-answer cues that state
 * no answer, and when the bare last number is trusted.
 */
import { describe, expect, it } from 'vitest';
import { verifyMath } from '../../src/verifiers/math/index.js';

const check = (response: string, gold: string): boolean => verifyMath(response, gold).pass;

describe('units as plain text: every unit example of the README, as written', () => {
  it.each([
    ['1 km', '1000 m', true],
    ['3 m^2', '30000 cm^2', true],
    ['5 kWh', '5000 Wh', true],
    ['30 m/s', '108 km/h', true],
    ['1 year', '12 months', true],
    ['100^\\circ C', '212^\\circ F', true],
    ['2 acres', '8093.71 m^2', true],
    ['60 km/h', '60 mph', false],
    ['5 J', '5 W', false],
  ])('%s vs %s -> %s (bare, boxed and in a sentence)', (pred, gold, want) => {
    expect(check(pred, gold)).toBe(want);
    expect(check(`\\boxed{${pred}}`, gold)).toBe(want);
    expect(check(`The answer is ${pred}.`, gold)).toBe(want);
  });

  it('a one-letter unit name after a number is still a variable against a bare number', () => {
    expect(check('\\boxed{3}', '3 m')).toBe(false);
    expect(check('\\boxed{3 m}', '300 cm')).toBe(true);
  });
});

describe('truth values, lists and intervals', () => {
  it.each([
    ['The answer is yes.', 'True', true],
    ['The answer is No.', 'False', true],
    ['\\boxed{Yes}', 'False', false],
    ['\\boxed{True}', 'yes', true],
    ['The answer is 3, 5.', '[3, 5]', true],
    ['The answer is 5, 3.', '[3, 5]', false],
    ['\\boxed{[1/2, 1/6]}', '[0.333, 0.25]', false],
    ['\\boxed{[3, 1]}', '[5, 2]', false],
    ['\\boxed{[1, 3]}', '[1, 3]', true],
    ['\\boxed{(2, 5]}', '(2, 5]', true],
  ])('%s vs %s -> %s', (pred, gold, want) => {
    expect(check(pred, gold)).toBe(want);
  });
});
